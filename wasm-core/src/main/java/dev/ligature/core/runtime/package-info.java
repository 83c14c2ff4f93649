/**
 * The runtime and the public embedding API.
 *
 * <pre>{@code
 * WasmModule module = WasmModule.decode(Files.readAllBytes(path));   // decode + validate + compile, once
 * Imports imports = Imports.empty()
 *         .function("env", "now", new FuncType(List.of(), List.of(NumType.I64)),
 *                   (caller, args) -> new long[] {System.nanoTime()})
 *         .register("lib", otherInstance);                             // all exports of an instance
 * Instance instance = module.instantiate(imports,
 *         InstanceOptions.DEFAULT.withMaxMemoryPages(1024));            // from any thread, many times
 * int r = instance.function("add").callInt(2, 3);                      // numbers in slot form
 * String s = instance.memory().readCString(instance.global("msg").getInt());
 * }</pre>
 *
 * <p>Values cross the API in <em>slot form</em> ({@link dev.ligature.core.engine.Values}): one
 * {@code long} per value (i32 in the low 32 bits, f32/f64 as raw bits), two for a v128, references
 * in a parallel {@code Object[]}. Failures are typed: {@link dev.ligature.core.runtime.LinkException}
 * (imports), {@link dev.ligature.core.runtime.Trap} (traps, including "call stack exhausted",
 * "interrupted" and embedder limits), {@link dev.ligature.core.runtime.WasmThrow} (a Wasm exception
 * that reached the host). Exceptions thrown by host functions pass through Wasm frames unchanged.
 *
 * <p>Engines plug in through {@link dev.ligature.core.engine.ExecutionEngine}; every function, of
 * any engine or of the host, is a {@link dev.ligature.core.runtime.WasmFunction} with one calling
 * convention over an {@link dev.ligature.core.engine.ExecContext}.
 */
package dev.ligature.core.runtime;
