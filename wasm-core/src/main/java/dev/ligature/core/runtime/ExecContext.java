package dev.ligature.core.runtime;

import java.util.Arrays;

/**
 * The per-thread execution state every Wasm call runs on: the value slots and the parallel
 * reference slots of all active frames. A function's arguments are at {@code slots[base..]}
 * (references at {@code refs[base..]}) and it writes its results from {@code base} on. The arrays
 * grow; anyone holding them must re-read {@link #slots} and {@link #refs} after a call.
 *
 * <p>One context serves one thread at a time. {@link #current()} gives the calling thread's own.
 * Fields are public for engines (the interpreter, compiled code, host functions in raw form).
 */
public final class ExecContext {
    private static final ThreadLocal<ExecContext> CURRENT = ThreadLocal.withInitial(ExecContext::new);

    /** Value slots of all frames. */
    public long[] slots = new long[1024];
    /** Reference slots, parallel to {@link #slots}. */
    public Object[] refs = new Object[1024];
    /** Set by a tail call: the function the returning frame's caller must run next at the same base. */
    public WasmFunction tailCall;
    /** The instance whose code made the current call into a host function. */
    public Instance caller;
    /** First free slot above the running host function's arguments and results (set on host calls). */
    public int hostTop;
    /** Wasm call depth on this context (interpreted frames). */
    public int depth;
    /**
     * Deepest Wasm call nesting allowed before the trap "call stack exhausted". The JVM stack may
     * run out first (a StackOverflowError inside Wasm is the same trap); this bound keeps threads with
     * very large stacks from growing the slot arrays without limit.
     */
    public int maxDepth = 100_000;
    /** Host call nesting depth (host to Wasm entries on this thread). */
    public int hostDepth;

    /** The calling thread's context. */
    public static ExecContext current() {
        return CURRENT.get();
    }

    /** Makes sure {@code slots} and {@code refs} hold at least {@code n} entries. */
    public void ensure(int n) {
        if (n > slots.length) {
            int cap = Math.max(n, slots.length * 2);
            slots = Arrays.copyOf(slots, cap);
            refs = Arrays.copyOf(refs, cap);
        }
    }

    /** The instance that called the running host function (its memory is {@code caller().memory()}). */
    public Instance caller() {
        return caller;
    }

    public int argI32(int base, int i) {
        return (int) slots[base + i];
    }

    public long argI64(int base, int i) {
        return slots[base + i];
    }

    public float argF32(int base, int i) {
        return Values.asF32(slots[base + i]);
    }

    public double argF64(int base, int i) {
        return Values.asF64(slots[base + i]);
    }

    public Object argRef(int base, int i) {
        return refs[base + i];
    }

    public void resultI32(int base, int i, int v) {
        slots[base + i] = v;
    }

    public void resultI64(int base, int i, long v) {
        slots[base + i] = v;
    }

    public void resultF32(int base, int i, float v) {
        slots[base + i] = Values.f32(v);
    }

    public void resultF64(int base, int i, double v) {
        slots[base + i] = Values.f64(v);
    }

    public void resultRef(int base, int i, Object v) {
        refs[base + i] = v;
    }
}
