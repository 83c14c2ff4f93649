package dev.ligature.core.runtime;

import dev.ligature.core.engine.GlobalCell;
import dev.ligature.core.engine.Values;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;

/**
 * A global variable: an export of an instance, or made by the host ({@link #i32}, {@link #of}, ...)
 * to be imported. Reads and writes are checked against its type: {@code setInt} on an i64 global
 * or any write to an immutable global throws. The host may write a mutable global at any time
 * between calls; Wasm code sees the change at once.
 *
 * <p>Numbers are read and written as Java primitives ({@code int} for i32, {@code long} for i64,
 * {@code float} for f32, {@code double} for f64), a v128 as two {@code long}s, and references as
 * objects ({@link WasmFunction} or null for funcref, any object or null for externref).
 *
 * <p>Not synchronized: a global is used by the thread that runs its instance (or, for a host
 * global imported by several instances, by one thread at a time), like the instance itself.
 */
public final class Global {
    final GlobalCell cell;

    Global(GlobalCell cell) {
        this.cell = cell;
        cell.attach(this);
    }

    /** The view of {@code cell}, made on first use. */
    static Global of(GlobalCell cell) {
        Global g = cell.view();
        return g != null ? g : new Global(cell);
    }

    /**
     * A host global of a number, vector or abstract reference type, initially zero or null. An
     * immutable global made here stays zero or null: to give one another value, use {@link #i32},
     * {@link #i64}, {@link #f32}, {@link #f64} or {@link #ref(GlobalType, Object)}.
     *
     * @param type the global's type
     * @return a new global, to import with {@link Imports#global}
     * @throws IllegalArgumentException if the type is a reference to a concrete (indexed) heap type,
     *     which only a module can define
     */
    public static Global of(GlobalType type) {
        if (type.type() instanceof RefType r && !(r.heap() instanceof AbsHeapType)) {
            throw new IllegalArgumentException("host globals take abstract reference types");
        }
        if (type.type() instanceof RefType r && !r.nullable()) {
            throw new IllegalArgumentException("a global of non-nullable " + r + " needs a value: use Global.ref(type, value)");
        }
        return new Global(new GlobalCell(type, type.type()));
    }

    /**
     * A host global of type i32.
     *
     * @param v the initial value
     * @param mutable whether the global may be written after creation
     * @return a new global, to import with {@link Imports#global}
     */
    public static Global i32(int v, boolean mutable) {
        Global g = of(new GlobalType(NumType.I32, mutable));
        g.cell.value = v;
        return g;
    }

    /**
     * A host global of type i64.
     *
     * @param v the initial value
     * @param mutable whether the global may be written after creation
     * @return a new global, to import with {@link Imports#global}
     */
    public static Global i64(long v, boolean mutable) {
        Global g = of(new GlobalType(NumType.I64, mutable));
        g.cell.value = v;
        return g;
    }

    /**
     * A host global of type f32.
     *
     * @param v the initial value (its bits are kept, NaN payload included)
     * @param mutable whether the global may be written after creation
     * @return a new global, to import with {@link Imports#global}
     */
    public static Global f32(float v, boolean mutable) {
        Global g = of(new GlobalType(NumType.F32, mutable));
        g.cell.value = Values.f32(v);
        return g;
    }

    /**
     * A host global of type f64.
     *
     * @param v the initial value (its bits are kept, NaN payload included)
     * @param mutable whether the global may be written after creation
     * @return a new global, to import with {@link Imports#global}
     */
    public static Global f64(double v, boolean mutable) {
        Global g = of(new GlobalType(NumType.F64, mutable));
        g.cell.value = Values.f64(v);
        return g;
    }

    /**
     * A host global of an abstract reference type holding {@code value}.
     *
     * @param type the global's type, whose value type must be a reference to an abstract heap type
     * @param value the initial reference: a {@link WasmFunction} or null for funcref, any object or
     *     null for externref
     * @return a new global, to import with {@link Imports#global}
     * @throws IllegalArgumentException if the type is a reference to a concrete heap type, if
     *     {@code value} is null and the type is not nullable, or if a funcref global is given
     *     something other than a {@link WasmFunction}
     */
    public static Global ref(GlobalType type, Object value) {
        if (!(type.type() instanceof RefType r) || !(r.heap() instanceof AbsHeapType)) {
            throw new IllegalArgumentException("Global.ref takes an abstract reference type, got " + type.type());
        }
        Global g = new Global(new GlobalCell(type, type.type()));
        g.checkRef(value);
        g.cell.ref = value;
        return g;
    }

    /** {@return the global's type: value type and mutability} */
    public GlobalType type() {
        return cell.type;
    }

    private ValType valType() {
        return cell.type.type();
    }

    private void expect(ValType t, String what) {
        if (valType() != t) {
            throw new IllegalStateException(what + " on a global of type " + valType());
        }
    }

    private void writable(ValType t, String what) {
        expect(t, what);
        if (!cell.type.mutable()) {
            throw new IllegalStateException(what + " on an immutable global");
        }
    }

    /**
     * {@return the value of a global of type i32}
     *
     * @throws IllegalStateException if the global's type is not i32
     */
    public int getInt() {
        expect(NumType.I32, "getInt");
        return (int) cell.value;
    }

    /**
     * {@return the value of a global of type i64}
     *
     * @throws IllegalStateException if the global's type is not i64
     */
    public long getLong() {
        expect(NumType.I64, "getLong");
        return cell.value;
    }

    /**
     * {@return the value of a global of type f32}
     *
     * @throws IllegalStateException if the global's type is not f32
     */
    public float getFloat() {
        expect(NumType.F32, "getFloat");
        return Values.asF32(cell.value);
    }

    /**
     * {@return the value of a global of type f64}
     *
     * @throws IllegalStateException if the global's type is not f64
     */
    public double getDouble() {
        expect(NumType.F64, "getDouble");
        return Values.asF64(cell.value);
    }

    /**
     * {@return the value of a v128 global as a new array of two longs: bytes 0-7, then bytes 8-15,
     * each little-endian}
     *
     * @throws IllegalStateException if the global's type is not v128
     */
    public long[] getV128() {
        expect(VecType.V128, "getV128");
        return new long[] {cell.value, cell.high};
    }

    /**
     * {@return the reference held by a global of reference type: a {@link WasmFunction} for a
     * function reference, the host's object for an external one, null for a null reference}
     *
     * @throws IllegalStateException if the global's type is not a reference type
     */
    public Object getRef() {
        if (!(valType() instanceof RefType)) {
            throw new IllegalStateException("getRef on a global of type " + valType());
        }
        return cell.ref;
    }

    /**
     * {@return the value of a global of any type, boxed: an {@code Integer}, {@code Long},
     * {@code Float} or {@code Double} for a number, a new {@code long[2]} for a v128 (as
     * {@link #getV128()}), or the reference itself}
     */
    public Object get() {
        ValType t = valType();
        if (t instanceof RefType) {
            return cell.ref;
        } else if (t == VecType.V128) {
            return getV128();
        }
        return dev.ligature.core.engine.TypedCalls.box(t, cell.value);
    }

    /**
     * Writes a mutable global of type i32.
     *
     * @param v the new value
     * @throws IllegalStateException if the global's type is not i32 or the global is immutable
     */
    public void setInt(int v) {
        writable(NumType.I32, "setInt");
        cell.value = v;
    }

    /**
     * Writes a mutable global of type i64.
     *
     * @param v the new value
     * @throws IllegalStateException if the global's type is not i64 or the global is immutable
     */
    public void setLong(long v) {
        writable(NumType.I64, "setLong");
        cell.value = v;
    }

    /**
     * Writes a mutable global of type f32.
     *
     * @param v the new value (its bits are kept, NaN payload included)
     * @throws IllegalStateException if the global's type is not f32 or the global is immutable
     */
    public void setFloat(float v) {
        writable(NumType.F32, "setFloat");
        cell.value = Values.f32(v);
    }

    /**
     * Writes a mutable global of type f64.
     *
     * @param v the new value (its bits are kept, NaN payload included)
     * @throws IllegalStateException if the global's type is not f64 or the global is immutable
     */
    public void setDouble(double v) {
        writable(NumType.F64, "setDouble");
        cell.value = Values.f64(v);
    }

    /**
     * Writes a mutable global of type v128.
     *
     * @param low bytes 0-7 of the new value, little-endian
     * @param high bytes 8-15 of the new value, little-endian
     * @throws IllegalStateException if the global's type is not v128 or the global is immutable
     */
    public void setV128(long low, long high) {
        writable(VecType.V128, "setV128");
        cell.value = low;
        cell.high = high;
    }

    /**
     * Writes a mutable global of reference type.
     *
     * @param ref the new reference: a {@link WasmFunction} (or null) for a function reference type,
     *     any object (or null) for externref
     * @throws IllegalStateException if the global's type is not a reference type or the global is
     *     immutable
     * @throws IllegalArgumentException if {@code ref} is null and the type is not nullable, or is not
     *     a {@link WasmFunction} for a funcref global
     */
    public void setRef(Object ref) {
        if (!(valType() instanceof RefType)) {
            throw new IllegalStateException("setRef on a global of type " + valType());
        }
        if (!cell.type.mutable()) {
            throw new IllegalStateException("setRef on an immutable global");
        }
        checkRef(ref);
        cell.ref = ref;
    }

    private void checkRef(Object ref) {
        RefType r = (RefType) valType();
        if (ref == null && !r.nullable()) {
            throw new IllegalArgumentException("null for a global of non-nullable type " + r);
        }
        if (ref != null && r.heap() == AbsHeapType.FUNC && !(ref instanceof dev.ligature.core.engine.EngineFunction)) {
            throw new IllegalArgumentException("a funcref global takes a WasmFunction made by Ligature (an export or a"
                    + " HostFunction), got " + ref.getClass().getName());
        }
    }

    /** {@return a description of the global's type, e.g. {@code "global mut i32"}} */
    @Override
    public String toString() {
        return "global " + (cell.type.mutable() ? "mut " : "") + valType();
    }
}
