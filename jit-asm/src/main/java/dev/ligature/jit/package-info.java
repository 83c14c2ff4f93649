/**
 * jit-asm: compiles WebAssembly functions to JVM bytecode with ASM ({@link dev.ligature.jit.JitEngine}).
 *
 * <h2>Shape of the generated code</h2>
 * Each compiled module gets one hidden class (defined with
 * {@code MethodHandles.Lookup.defineHiddenClass}, not strongly linked to a class loader, so it is
 * unloaded with the module). It holds two static methods per defined function {@code i}:
 * <ul>
 *   <li>{@code f<i>(JitInstance ctx, params...)}: the function with typed JVM parameters (int, long,
 *       float, double, Object for references, two longs for a v128) and its single non-v128 result as the return value (several
 *       results go to {@code ctx.mv}/{@code ctx.mvRefs}). Calls inside the module are direct
 *       {@code invokestatic}s, which HotSpot inlines.</li>
 *   <li>{@code e<i>(JitInstance ctx, int base)}: the adapter to the runtime's slot convention
 *       ({@link dev.ligature.core.runtime.WasmFunction#invoke}), used by exports, tables, host
 *       calls and other modules.</li>
 * </ul>
 * The class has no fields: instance state (memories, tables, globals, functions, scratch) is
 * reached through the {@link dev.ligature.jit.JitInstance} passed as the first argument, so all
 * instances of a module share the class. Calls leaving compiled code (imports,
 * {@code call_indirect}, {@code call_ref}) stage their arguments in the context's scratch and go
 * through {@code WasmFunction.invoke} on the execution context's slots above the entry frame.
 *
 * <h2>Exceptions and tail calls</h2>
 * Wasm exceptions are the runtime's {@code WasmThrow}, caught through JVM exception-table ranges
 * over try bodies (see {@link dev.ligature.jit.ExceptionEmitter}); traps and JVM errors are other
 * exception types and pass through. A function with a tail call that may leave it gets two more
 * methods (see {@link dev.ligature.jit.TailCalls}): its body {@code t<i>}, with {@code f<i>} becoming
 * a trampoline around it, and the slot-form step entry {@code s<i>} that runs the body and leaves
 * the next tail call pending in {@code ExecContext.tailCall}.
 *
 * <h2>Method size: the splitting plan</h2>
 * HotSpot does not compile methods past 8,000 bytes of bytecode; the JVM refuses them past 64 KiB.
 * Today a function whose method passes 8,000 bytes makes compilation fail with
 * {@link dev.ligature.jit.JitCompileException} (measured exactly, from the end label's offset).
 * The plan for splitting: the compiler already keeps the Wasm operand stack and locals in JVM
 * locals with known types at every instruction, so a function can be cut at block boundaries
 * where the operand stack is empty or small. Each cut-off region (a run of top-level or nested
 * blocks, chosen greedily by an estimate of its bytecode, then verified by the real size) becomes
 * its own static method taking the context and the live Wasm locals as parameters; locals it
 * writes come back through the context's scratch array (or a small per-region long[] frame for
 * big locals sets), and the region returns an int telling the caller how it exited: fall through,
 * a branch to an enclosing label (by depth, dispatched with a tableswitch in the caller), or a
 * function return (results in the scratch). Regions nest, so a 79 KB eval loop becomes a dispatch
 * method plus regions each under the limit.
 */
package dev.ligature.jit;
