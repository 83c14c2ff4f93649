package dev.ligature.core.engine;

import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.ValType;

/**
 * The engines' side of a {@link WasmFunction}: every function a module can call (interpreted,
 * compiled, or a host function) extends it and shares one calling convention,
 * {@link #invoke(ExecContext, int)}, so cross-instance calls, tables holding foreign functions and
 * host calls take the same path. As a value, an {@code EngineFunction} is a {@code funcref}.
 * Not API: embedders see {@link WasmFunction}.
 */
public abstract class EngineFunction implements WasmFunction {
    private final FuncType type;
    private final int typeId;
    private final int paramSlots;
    private final int resultSlots;
    /** Parameter slots holding an i32 or an f32: the ones {@link #call} normalises. Computed once. */
    private final int[] i32Slots;
    private final int[] f32Slots;

    protected EngineFunction(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
        this.paramSlots = Values.paramSlots(type);
        this.resultSlots = Values.resultSlots(type);
        this.i32Slots = slotsOf(type, NumType.I32);
        this.f32Slots = slotsOf(type, NumType.F32);
    }

    @Override
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

    private static int[] slotsOf(FuncType type, ValType kind) {
        int[] out = new int[type.params().size()];
        int n = 0;
        int slot = 0;
        for (ValType p : type.params()) {
            if (p == kind) {
                out[n++] = slot;
            }
            slot += Values.slots(p);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Engine entry: runs the function with its arguments at {@code ctx.slots[base..]} (and
     * {@code ctx.refs[base..]}); the results are left from {@code base} on. A tail call may leave
     * {@link ExecContext#tailCall} set; {@link #invokeFully} runs such chains to completion.
     */
    public abstract void invoke(ExecContext ctx, int base);

    /** Runs this function and any tail calls it leaves pending, at {@code base}. */
    public static void invokeFully(EngineFunction f, ExecContext ctx, int base) {
        f.invoke(ctx, base);
        EngineFunction next;
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

    @Override
    public String name() {
        return "func";
    }

    /**
     * Calls the function from the host with values in slot form, on behalf of {@code caller} (the
     * instance a host function sees as its caller when this is a host function; null for the embedder).
     */
    public final void call(Instance caller, long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {
        if (args.length != paramSlots) {
            throw new IllegalArgumentException(name() + " " + type + ": expected " + paramSlots + " argument slot"
                    + (paramSlots == 1 ? "" : "s") + ", got " + args.length);
        }
        if (argRefs != null && argRefs.length != paramSlots) {
            throw new IllegalArgumentException(name() + " " + type + ": expected " + paramSlots + " reference slots, got " + argRefs.length);
        }
        ExecContext ctx = ExecContext.current();
        // Nested host calls (Wasm -> host -> Wasm) must not overwrite live frames: they start past
        // the slots of the host function that is running.
        int base = ctx.hostDepth == 0 ? 0 : ctx.hostTop;
        ctx.ensure(base + Math.max(paramSlots, resultSlots) + 16);
        long[] slots = ctx.slots;
        Object[] refs = ctx.refs;
        // An i32 travels as its 32 bits (sign-extended in the slot), an f32 as its bits zero-extended:
        // whatever the embedder put in the high half is dropped, so every function sees the same value
        // however it was passed.
        System.arraycopy(args, 0, slots, base, paramSlots);
        for (int i : i32Slots) {
            slots[base + i] = (int) slots[base + i];
        }
        for (int i : f32Slots) {
            slots[base + i] &= 0xFFFFFFFFL;
        }
        if (argRefs != null) {
            System.arraycopy(argRefs, 0, refs, base, paramSlots);
        } else {
            java.util.Arrays.fill(refs, base, base + paramSlots, null);
        }
        ctx.hostDepth++;
        EngineFunction savedTail = ctx.tailCall;
        Instance savedCaller = ctx.caller;
        int savedTop = ctx.hostTop;
        int savedDepth = ctx.depth;
        ctx.tailCall = null;
        ctx.caller = caller;
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

    @Override
    public final void call(long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {
        call(null, args, argRefs, results, resultRefs);
    }

    @Override
    public final long[] call(long... args) {
        long[] out = new long[resultSlots];
        call(null, args, null, out, null);
        return out;
    }

    @Override
    public final Object[] callValues(Object... args) {
        return TypedCalls.callValues(this, args);
    }

    @Override
    public final <T> T as(Class<T> functionalInterface) {
        return TypedCalls.view(this, functionalInterface);
    }

    @Override
    public String toString() {
        return name() + type;
    }
}
