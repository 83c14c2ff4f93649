package dev.ligature.core.runtime;

import dev.ligature.core.engine.ExecContext;
import dev.ligature.core.engine.Values;

/**
 * One running call of a {@link HostFunction#raw raw} host function: its arguments, where its
 * results go, and its caller. Arguments and results are addressed by slot index (each value one
 * slot, a v128 two); results are written from slot 0 on and may overwrite arguments, so read every
 * argument first. The object is reused for later calls on the same thread: use it only during the
 * call it was given to, and only on that thread.
 *
 * <p>Slot indices are not checked against the function's type: reading a slot as the wrong type
 * reinterprets its bits, and an index past the function's slots reads or writes unrelated state
 * (or throws {@link ArrayIndexOutOfBoundsException}). The counts are
 * {@link dev.ligature.core.types.FuncType#paramSlots()} and
 * {@link dev.ligature.core.types.FuncType#resultSlots()}.
 */
public final class HostCall {
    private final ExecContext ctx;
    int base;

    HostCall(ExecContext ctx) {
        this.ctx = ctx;
    }

    /**
     * {@return the instance whose code made this call, or null when the embedder called the host
     * function directly} During instantiation, calls from the start function have the new instance
     * as their caller.
     */
    public Instance caller() {
        return ctx.caller;
    }

    /**
     * {@return the caller's memory 0, as {@link Instance#memory()}}
     *
     * @throws IllegalStateException if the embedder called the host function directly, so there is
     *     no caller
     * @throws java.util.NoSuchElementException if the caller has no memory
     */
    public Memory memory() {
        Instance c = ctx.caller;
        if (c == null) {
            throw new IllegalStateException("host function called directly by the embedder: there is no caller memory");
        }
        return c.memory();
    }

    /**
     * {@return the i32 argument at {@code slot} (the low 32 bits of the slot)}
     *
     * @param slot the argument's slot index
     */
    public int argI32(int slot) {
        return (int) ctx.slots[base + slot];
    }

    /**
     * {@return the i64 argument at {@code slot} (the slot)}
     *
     * @param slot the argument's slot index
     */
    public long argI64(int slot) {
        return ctx.slots[base + slot];
    }

    /**
     * {@return the f32 argument at {@code slot} (the low 32 bits of the slot, as float bits)}
     *
     * @param slot the argument's slot index
     */
    public float argF32(int slot) {
        return Values.asF32(ctx.slots[base + slot]);
    }

    /**
     * {@return the f64 argument at {@code slot} (the slot, as double bits)}
     *
     * @param slot the argument's slot index
     */
    public double argF64(int slot) {
        return Values.asF64(ctx.slots[base + slot]);
    }

    /**
     * {@return the reference argument at {@code slot}: a {@link WasmFunction}, a host object, or null}
     *
     * @param slot the argument's slot index
     */
    public Object argRef(int slot) {
        return ctx.refs[base + slot];
    }

    /**
     * {@return argument slot {@code slot} in slot form, as it lies} For an i32 only the low 32 bits
     * are meaningful.
     *
     * @param slot the slot index
     */
    public long argSlot(int slot) {
        return ctx.slots[base + slot];
    }

    /**
     * Writes an i32 result.
     *
     * @param slot the result's slot index (results start at slot 0)
     * @param v the value
     */
    public void resultI32(int slot, int v) {
        ctx.slots[base + slot] = v;
    }

    /**
     * Writes an i64 result.
     *
     * @param slot the result's slot index (results start at slot 0)
     * @param v the value
     */
    public void resultI64(int slot, long v) {
        ctx.slots[base + slot] = v;
    }

    /**
     * Writes an f32 result.
     *
     * @param slot the result's slot index (results start at slot 0)
     * @param v the value (its bits are kept, NaN payload included)
     */
    public void resultF32(int slot, float v) {
        ctx.slots[base + slot] = Values.f32(v);
    }

    /**
     * Writes an f64 result.
     *
     * @param slot the result's slot index (results start at slot 0)
     * @param v the value (its bits are kept, NaN payload included)
     */
    public void resultF64(int slot, double v) {
        ctx.slots[base + slot] = Values.f64(v);
    }

    /**
     * Writes a reference result. The reference is not checked against the result type: a funcref
     * result must be a {@link WasmFunction} or null.
     *
     * @param slot the result's slot index (results start at slot 0)
     * @param v the reference, or null
     */
    public void resultRef(int slot, Object v) {
        ctx.refs[base + slot] = v;
    }

    /**
     * Writes result slot {@code slot} in slot form, as it is given.
     *
     * @param slot the slot index (results start at slot 0)
     * @param v the slot's bits
     */
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
