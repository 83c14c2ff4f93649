/**
 * The compiler behind {@link dev.ligature.jit.JitEngine}, and the run-time support its code calls. Not API:
 * exported to nothing but, at run time, to the unnamed module of each compiled module's class loader.
 *
 * <h2>Shape of the generated code</h2>
 * Each defined function {@code i} of a compiled module gets its own class {@code ligature.wasm.F<i>}, defined on
 * first use by the module's {@code CodeLoader} (so a lazy engine compiles a function when its first call resolves;
 * the classes are unloaded with the module). It holds two static methods:
 * <ul>
 *   <li>{@code f<i>(JitInstance ctx, params...)}: the function with typed JVM parameters (int, long,
 *       float, double, Object for references, two longs for a v128) and its single non-v128 result as the return value (several
 *       results go to {@code ctx.mv}/{@code ctx.mvRefs}). Calls inside the module are direct
 *       {@code invokestatic}s, which HotSpot inlines.</li>
 *   <li>{@code e<i>(JitInstance ctx, int base)}: the adapter to the runtime's slot convention
 *       ({@link dev.ligature.core.engine.EngineFunction#invoke}), used by exports, tables, host
 *       calls and other modules.</li>
 * </ul>
 * The classes have no fields: instance state (memories, tables, globals, functions, scratch) is
 * reached through the {@link JitInstance} passed as the first argument, so all
 * instances of a module share the classes. Calls leaving compiled code (imports,
 * {@code call_indirect} to another instance, {@code call_ref}) stage their arguments in the context's scratch and go
 * through {@code EngineFunction.invoke} on the execution context's slots above the entry frame.
 *
 * <h2>Inside a method</h2>
 * <ul>
 *   <li>Wasm locals are JVM locals; the Wasm operand stack is one JVM local per (height, type), so the JVM operand
 *       stack is empty between Wasm instructions and every merge point is consistent for the verifier. A
 *       {@code local.get} or constant stays <em>deferred</em> until an instruction consumes it (read straight from
 *       the local, or pushed as a constant); instructions that branch, call or can reach a handler first store
 *       deferred values into their stack locals. HotSpot's register allocator sees through the locals either way;
 *       deferral keeps the bytecode small, which decides what HotSpot inlines and which functions need splitting.</li>
 *   <li>Memory accesses call {@link dev.ligature.core.runtime.Memory}'s accessors with a {@code long} effective
 *       address; they are tiny and always inlined (a bounds check and a {@code byte[]} access by default).</li>
 *   <li>Every loop iteration polls for {@code Instance.interrupt()} behind
 *       {@link dev.ligature.core.engine.InterruptGate}, which the JIT folds away while no interrupt is pending.</li>
 * </ul>
 *
 * <h2>Exceptions and tail calls</h2>
 * Wasm exceptions are the runtime's {@code WasmThrow}, caught through JVM exception-table ranges
 * over try bodies (see {@link dev.ligature.jit.compiler.ExceptionEmitter}); traps and JVM errors are other
 * exception types and pass through. A function with a tail call that may leave it gets two more
 * methods (see {@link dev.ligature.jit.compiler.TailCalls}): its body {@code t<i>}, with {@code f<i>} becoming
 * a trampoline around it, and the slot-form step entry {@code s<i>} that runs the body and leaves
 * the next tail call pending in {@code ExecContext.tailCall}.
 *
 * <h2>Method size: splitting large functions</h2>
 * HotSpot does not compile methods past 8,000 bytes of bytecode (HugeMethodLimit); the JVM refuses
 * them past 64 KiB. Every generated method stays under 8,000 bytes ({@link
 * dev.ligature.jit.compiler.MethodSizing} decides, measuring exactly when an estimate is in doubt). A
 * function that does not fit one method is compiled in <em>split mode</em>
 * ({@link dev.ligature.jit.compiler.SplitEmitter}):
 * <ul>
 *   <li>A pre-scan ({@link dev.ligature.jit.compiler.ChunkPlanner}) estimates the bytecode of each
 *       instruction and cuts the body into chunks of about 5,000 estimated bytes, between
 *       instructions (inside try bodies too, but never among a legacy try's catch clauses); a
 *       chunk that still comes out too large makes it plan again with a smaller budget.</li>
 *   <li>{@code f<i>} keeps its typed signature but becomes a dispatcher: it allocates the frame
 *       ({@code long[]} for numbers in slot form, {@code Object[]} for references; locals first,
 *       then a spill area), stores the parameters, and loops calling chunk
 *       {@code c<i>_<k>(ctx, frame, refs, entry)} for the entry id it holds ({@code chunk << 16 |
 *       n}) until a chunk returns -1 (results in the spill area; a self tail call returns -2,
 *       which zeroes the locals and starts over). Beyond 256 chunks it calls
 *       through group methods {@code d<i>_<g>}.</li>
 *   <li>Inside a chunk, locals and the operand stack live in JVM locals as on the fast path: an
 *       entry loads from the frame the locals its code may read, a local set inside a loop of
 *       the chunk is written back on exit, any other set goes to the frame at once
 *       ({@link dev.ligature.jit.compiler.EntryLoads}). A branch to a label in another chunk (a block end, an else, a loop header for back
 *       edges) spills the stack below the label plus the carried values (except bottom values
 *       the chunk never touches, which stay in the frame) and returns the label's entry id; the
 *       target chunk's entry stub reloads them and jumps to the label.</li>
 *   <li>A chunk holding the header of a loop whose body spans chunks is a <em>hub</em>
 *       ({@link dev.ligature.jit.compiler.SplitHubs}): its exits call the chunks of the loop's body
 *       directly and re-enter its own dispatch when they return its entry id, so the back edge
 *       costs one call and return, not two returns, two dispatches and two calls through
 *       {@code f<i>}; ids it does not handle go back to the dispatcher.</li>
 *   <li>A try body spanning chunks gets a range in each; an exception caught in a chunk other
 *       than the one holding the try's end leaves it as a branch does, with the exception above
 *       the spilled stack, for an entry point there that goes on to the try's handler code
 *       ({@link dev.ligature.jit.compiler.SplitTries}).</li>
 *   <li>Frames are on the heap: running split calls count their frame sizes against a
 *       per-instance budget ({@code JitInstance.splitFrameSlots}); past it a call is "call stack
 *       exhausted", as a {@code StackOverflowError} is.</li>
 * </ul>
 * Small and medium functions (all but 162 of Pyodide's 16,958) keep the fast path unchanged.
 */
package dev.ligature.jit.compiler;
