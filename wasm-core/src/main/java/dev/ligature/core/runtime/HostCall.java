package dev.ligature.core.runtime;

import dev.ligature.core.engine.ExecContext;

/**
 * One running call of a {@link HostFunction#raw raw} host function: its arguments, where its
 * results go, and its caller. Arguments and results are addressed by slot index (each value one
 * slot, a v128 two); results are written from slot 0 on and may overwrite arguments, so read every
 * argument first. The object is reused for later calls on the same thread: use it only during the
 * call it was given to.
 */
public final class HostCall {
    private final ExecContext ctx;
    int base;

    HostCall(ExecContext ctx) {
        this.ctx = ctx;
    }

    /** The instance whose code made this call (null only when the embedder called the host function directly). */
    public Instance caller() {
        return ctx.caller;
    }

    /** The caller's memory 0. */
    public Memory memory() {
        Instance c = ctx.caller;
        if (c == null) {
            throw new IllegalStateException("host function called directly by the embedder: there is no caller memory");
        }
        return c.memory();
    }

    public int argI32(int slot) {
        return (int) ctx.slots[base + slot];
    }

    public long argI64(int slot) {
        return ctx.slots[base + slot];
    }

    public float argF32(int slot) {
        return Float.intBitsToFloat((int) ctx.slots[base + slot]);
    }

    public double argF64(int slot) {
        return Double.longBitsToDouble(ctx.slots[base + slot]);
    }

    public Object argRef(int slot) {
        return ctx.refs[base + slot];
    }

    /** Argument slot {@code slot} as it lies (slot form). */
    public long argSlot(int slot) {
        return ctx.slots[base + slot];
    }

    public void resultI32(int slot, int v) {
        ctx.slots[base + slot] = v;
    }

    public void resultI64(int slot, long v) {
        ctx.slots[base + slot] = v;
    }

    public void resultF32(int slot, float v) {
        ctx.slots[base + slot] = Float.floatToRawIntBits(v) & 0xFFFFFFFFL;
    }

    public void resultF64(int slot, double v) {
        ctx.slots[base + slot] = Double.doubleToRawLongBits(v);
    }

    public void resultRef(int slot, Object v) {
        ctx.refs[base + slot] = v;
    }

    /** Result slot {@code slot} in slot form. */
    public void resultSlot(int slot, long v) {
        ctx.slots[base + slot] = v;
    }

    long[] argSlots(int n) {
        long[] a = new long[n];
        System.arraycopy(ctx.slots, base, a, 0, n);
        return a;
    }

    void resultSlots(long[] r, int n) {
        System.arraycopy(r, 0, ctx.slots, base, n);
    }
}
