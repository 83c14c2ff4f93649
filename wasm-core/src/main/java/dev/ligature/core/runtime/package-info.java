/**
 * The embedding API: load a module, link it against imports, instantiate it and call it.
 *
 * <pre>{@code
 * WasmModule module = WasmModule.decode(Files.readAllBytes(path));   // decode + validate + compile, once
 * Imports imports = Imports.empty()
 *         .function("env", "now", new FuncType(List.of(), List.of(NumType.I64)),
 *                   (caller, args) -> new long[] {System.nanoTime()})
 *         .register("lib", otherInstance);                             // all exports of an instance
 * Instance instance = module.instantiate(imports,
 *         InstanceOptions.DEFAULT.withMaxMemoryPages(1024));            // from any thread, many times
 * int r = instance.function("add").callInt(2, 3);                      // boxed, checked against the type
 * String s = instance.memory().readCString(instance.global("msg").getInt());
 * }</pre>
 *
 * <p><b>The types.</b> A {@link dev.ligature.core.runtime.WasmModule} is decoded or parsed,
 * validated and prepared once, for the {@link dev.ligature.core.runtime.Engine} chosen then. Its
 * imports are satisfied from an {@link dev.ligature.core.runtime.Imports}: host functions
 * ({@link dev.ligature.core.runtime.HostFunction}), {@link dev.ligature.core.runtime.Memory},
 * {@link dev.ligature.core.runtime.Table}, {@link dev.ligature.core.runtime.Global} and
 * {@link dev.ligature.core.runtime.Tag} objects, or the exports of other instances. Each
 * {@link dev.ligature.core.runtime.Instance} exposes its exports by name, and every function, of any
 * engine or of the host, is a {@link dev.ligature.core.runtime.WasmFunction}.
 *
 * <p><b>Values.</b> Functions can be called through a typed view
 * ({@link dev.ligature.core.runtime.WasmFunction#as(Class)}), with boxed values, or in <em>slot
 * form</em>, which allocates nothing: one {@code long} per value (an i32 in the low 32 bits, an
 * f32/f64 as its raw bits, an i64 as is), two for a v128 (bytes 0-7, then 8-15), and references in
 * a parallel {@code Object[]} at the same index. A {@code funcref} is a
 * {@link dev.ligature.core.runtime.WasmFunction} on the host side, an {@code externref} any Java
 * object, and a null reference Java's {@code null}.
 *
 * <p><b>Failures</b> are typed: {@link dev.ligature.core.runtime.LinkException} (imports),
 * {@link dev.ligature.core.runtime.Trap} (traps, including "call stack exhausted", "interrupted"
 * and embedder limits), {@link dev.ligature.core.runtime.WasmThrow} (a Wasm exception that reached
 * the host), and {@link java.lang.IllegalArgumentException} or
 * {@link java.lang.IllegalStateException} for misuse of the API (arguments that do not fit a
 * function's type, writes to an immutable global). Exceptions thrown by host functions pass through
 * Wasm frames unchanged.
 *
 * <p><b>Threads.</b> Modules are immutable and may be shared and instantiated from any number of
 * threads. An instance, with its memories, tables and globals, is used by one thread at a time;
 * distinct instances run in parallel. {@link dev.ligature.core.runtime.Instance#interrupt()} is the
 * exception: any thread may call it to stop code running in an instance.
 */
package dev.ligature.core.runtime;
