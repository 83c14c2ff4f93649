package dev.ligature.core.runtime;

import dev.ligature.core.types.FuncType;

/**
 * A WebAssembly function: one defined in a module, a host function, or compiled code. All of them
 * share one calling convention, {@link #invoke(ExecContext, int)}, so cross-instance calls, tables
 * holding foreign functions and host calls take the same path. As a value, a {@code WasmFunction}
 * is a {@code funcref}.
 *
 * <p>Embedders call it with {@link #call(long...)} (numbers in slot form, see {@link Values}) or the
 * typed single-result helpers; {@link #call(long[], Object[], long[], Object[])} also carries
 * references and v128 values.
 */
public abstract class WasmFunction {
    private final FuncType type;
    private final int typeId;
    private final int paramSlots;
    private final int resultSlots;

    protected WasmFunction(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
        this.paramSlots = Values.paramSlots(type);
        this.resultSlots = Values.resultSlots(type);
    }

    public final FuncType type() {
        return type;
    }

    /** Canonical id of the function's type in {@link Types#registry()}. */
    public final int typeId() {
        return typeId;
    }

    public final int paramSlots() {
        return paramSlots;
    }

    public final int resultSlots() {
        return resultSlots;
    }

    /**
     * Engine entry: runs the function with its arguments at {@code ctx.slots[base..]} (and
     * {@code ctx.refs[base..]}); the results are left from {@code base} on. A tail call may leave
     * {@link ExecContext#tailCall} set; {@link #invokeFully} runs such chains to completion.
     */
    public abstract void invoke(ExecContext ctx, int base);

    /** Runs this function and any tail calls it leaves pending, at {@code base}. */
    public static void invokeFully(WasmFunction f, ExecContext ctx, int base) {
        f.invoke(ctx, base);
        WasmFunction next;
        while ((next = ctx.tailCall) != null) {
            ctx.tailCall = null;
            next.invoke(ctx, base);
        }
    }

    /**
     * Whether this function runs on the interpreter (so a run that must be entirely compiled, such
     * as the compiler's conformance run, can check that it is).
     */
    public boolean isInterpreted() {
        return false;
    }

    /** A name for backtraces and messages. */
    public String name() {
        return "func";
    }

    /**
     * Calls the function from the host with values in slot form: {@code args}/{@code argRefs} as
     * the parameters lay out (v128 two slots), results into {@code results}/{@code resultRefs}
     * (either may be null when the function has no results of that kind).
     *
     * @throws Trap on a trap (including "call stack exhausted" and "interrupted")
     * @throws WasmThrow when a Wasm exception escapes
     */
    public final void call(long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {
        if (args.length < paramSlots) {
            throw new IllegalArgumentException("expected " + paramSlots + " argument slots, got " + args.length);
        }
        ExecContext ctx = ExecContext.current();
        // Nested host calls (Wasm -> host -> Wasm) must not overwrite live frames: they start past
        // the slots of the host function that is running.
        int base = ctx.hostDepth == 0 ? 0 : ctx.hostTop;
        ctx.ensure(base + Math.max(paramSlots, resultSlots) + 16);
        System.arraycopy(args, 0, ctx.slots, base, paramSlots);
        if (argRefs != null) {
            System.arraycopy(argRefs, 0, ctx.refs, base, paramSlots);
        }
        ctx.hostDepth++;
        WasmFunction savedTail = ctx.tailCall;
        Instance savedCaller = ctx.caller;
        int savedTop = ctx.hostTop;
        int savedDepth = ctx.depth;
        ctx.tailCall = null;
        try {
            invokeFully(this, ctx, base);
        } catch (StackOverflowError e) {
            throw new Trap(Trap.Kind.CALL_STACK_EXHAUSTED);
        } finally {
            ctx.hostDepth--;
            ctx.tailCall = savedTail;
            ctx.caller = savedCaller;
            ctx.hostTop = savedTop;
            ctx.depth = savedDepth;
        }
        if (results != null) {
            System.arraycopy(ctx.slots, base, results, 0, Math.min(results.length, resultSlots));
        }
        if (resultRefs != null) {
            System.arraycopy(ctx.refs, base, resultRefs, 0, Math.min(resultRefs.length, resultSlots));
        }
        java.util.Arrays.fill(ctx.refs, base, base + Math.max(paramSlots, resultSlots), null);
    }

    /** Calls with numeric arguments in slot form; returns all result slots. */
    public final long[] call(long... args) {
        long[] out = new long[resultSlots];
        call(args, null, out, null);
        return out;
    }

    /** Calls and returns the single result as an i64 (or slot value). */
    public final long callLong(long... args) {
        long[] out = new long[Math.max(1, resultSlots)];
        call(args, null, out, null);
        return out[0];
    }

    /** Calls and returns the single result as an i32. */
    public final int callInt(long... args) {
        return (int) callLong(args);
    }

    public final float callFloat(long... args) {
        return Values.asF32(callLong(args));
    }

    public final double callDouble(long... args) {
        return Values.asF64(callLong(args));
    }

    @Override
    public String toString() {
        return name() + type;
    }
}
