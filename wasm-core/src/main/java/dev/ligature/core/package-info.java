/**
 * The errors of loading a WebAssembly module: {@link dev.ligature.core.WasmException}, the root of
 * every error Ligature reports, and its two load-time subtypes,
 * {@link dev.ligature.core.MalformedModuleException} (the input is not a module) and
 * {@link dev.ligature.core.InvalidModuleException} (the module breaks a validation rule). Errors of
 * linking and running a module are in {@link dev.ligature.core.runtime}.
 *
 * <p>Each message starts with the phrase the official WebAssembly test suite expects for the fault
 * (for example {@code "unexpected end"} or {@code "type mismatch"}), followed by where it is; the
 * location is also available as numbers, so tools need not parse messages.
 */
package dev.ligature.core;
