package dev.ligature.jit.compiler;

import dev.ligature.core.engine.TrapFrames;
import dev.ligature.core.engine.ExecContext;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.engine.EngineFunction;
import dev.ligature.core.types.FuncType;
import java.lang.invoke.MethodHandle;

/**
 * A compiled function bound to an instance: the adapter from the slot convention of
 * {@link EngineFunction#invoke} to the typed static method. Calls between functions of one module
 * do not come here; they are direct {@code invokestatic}s with typed JVM arguments.
 */
final class JitFunction extends EngineFunction {
    private final JitInstance ctx;
    private final int index;
    private final ModuleCompiler code;
    /**
     * {@code (JitInstance, int base)void}: reads arguments from the slots, writes results back.
     * Looked up on the first call, which is when the function is compiled in lazy mode.
     */
    private MethodHandle entry;

    /**
     * {@code s<i>} for a function with a trampoline (see {@link TailCalls}), else the entry; null until
     * looked up on first use (one field, so a racing thread sees either nothing or the answer).
     */
    private MethodHandle step;

    JitFunction(FuncType type, int typeId, JitInstance ctx, int index, ModuleCompiler code) {
        super(type, typeId);
        this.ctx = ctx;
        this.index = index;
        this.code = code;
    }

    @Override
    public void invoke(ExecContext ec, int base) {
        run(entry(), ec, base);
    }

    /** Runs the function at {@code base} but may leave a tail call pending for the caller's trampoline. */
    void invokeStep(ExecContext ec, int base) {
        MethodHandle h = step;
        if (h == null) {
            MethodHandle s = code.step(index);
            step = h = s != null ? s : entry();
        }
        run(h, ec, base);
    }

    private MethodHandle typed;

    JitInstance context() {
        return ctx;
    }

    /** The function's index in its module. */
    int index() {
        return index;
    }

    /** The typed static method {@code f<i>(JitInstance, params...)}, looked up on first use (a benign race). */
    MethodHandle typed() {
        MethodHandle h = typed;
        if (h == null) {
            typed = h = code.typed(index);
        }
        return h;
    }

    /** The slot entry, compiling the function on first use in lazy mode (a benign race). */
    private MethodHandle entry() {
        MethodHandle h = entry;
        if (h == null) {
            entry = h = code.entry(index);
        }
        return h;
    }

    private void run(MethodHandle handle, ExecContext ec, int base) {
        JitInstance c = ctx;
        if (c.instance.interruptRequested()) {
            throw c.instance.takeInterrupt();
        }
        ExecContext savedExec = c.exec;
        int savedTop = c.top;
        c.exec = ec;
        c.top = base + Math.max(paramSlots(), resultSlots());
        try {
            handle.invokeExact(c, base);
        } catch (StackOverflowError e) {
            Trap t = new Trap(Trap.Kind.CALL_STACK_EXHAUSTED);
            TrapFrames.add(t, c.instance, index);
            throw t;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        } finally {
            c.exec = savedExec;
            c.top = savedTop;
        }
    }

    @Override
    public String name() {
        String n = ctx.instance.functionName(index);
        return n != null ? n : "func[" + index + "]";
    }
}
