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
     * A host global of a number, vector or abstract reference type, initially zero/null. An
     * immutable one is set once here and then read-only: use {@link #i32}, {@link #i64},
     * {@link #f32}, {@link #f64} or {@link #ref(GlobalType, Object)} for those.
     */
    public static Global of(GlobalType type) {
        if (type.type() instanceof RefType r && !(r.heap() instanceof AbsHeapType)) {
            throw new IllegalArgumentException("host globals take abstract reference types");
        }
        return new Global(new GlobalCell(type, type.type()));
    }

    public static Global i32(int v, boolean mutable) {
        Global g = of(new GlobalType(NumType.I32, mutable));
        g.cell.value = v;
        return g;
    }

    public static Global i64(long v, boolean mutable) {
        Global g = of(new GlobalType(NumType.I64, mutable));
        g.cell.value = v;
        return g;
    }

    public static Global f32(float v, boolean mutable) {
        Global g = of(new GlobalType(NumType.F32, mutable));
        g.cell.value = Values.f32(v);
        return g;
    }

    public static Global f64(double v, boolean mutable) {
        Global g = of(new GlobalType(NumType.F64, mutable));
        g.cell.value = Values.f64(v);
        return g;
    }

    /** A host global of an abstract reference type holding {@code value}. */
    public static Global ref(GlobalType type, Object value) {
        Global g = of(type);
        g.checkRef(value);
        g.cell.ref = value;
        return g;
    }

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

    public int getInt() {
        expect(NumType.I32, "getInt");
        return (int) cell.value;
    }

    public long getLong() {
        expect(NumType.I64, "getLong");
        return cell.value;
    }

    public float getFloat() {
        expect(NumType.F32, "getFloat");
        return Values.asF32(cell.value);
    }

    public double getDouble() {
        expect(NumType.F64, "getDouble");
        return Values.asF64(cell.value);
    }

    /** A v128 value as two longs: bytes 0-7, then 8-15. */
    public long[] getV128() {
        expect(VecType.V128, "getV128");
        return new long[] {cell.value, cell.high};
    }

    /** The reference held by a global of reference type (null for a null reference). */
    public Object getRef() {
        if (!(valType() instanceof RefType)) {
            throw new IllegalStateException("getRef on a global of type " + valType());
        }
        return cell.ref;
    }

    /** The value boxed: Integer, Long, Float, Double, long[2] for v128, or the reference. */
    public Object get() {
        ValType t = valType();
        if (t instanceof RefType) {
            return cell.ref;
        } else if (t == VecType.V128) {
            return getV128();
        }
        return dev.ligature.core.engine.TypedCalls.box(t, cell.value);
    }

    public void setInt(int v) {
        writable(NumType.I32, "setInt");
        cell.value = v;
    }

    public void setLong(long v) {
        writable(NumType.I64, "setLong");
        cell.value = v;
    }

    public void setFloat(float v) {
        writable(NumType.F32, "setFloat");
        cell.value = Values.f32(v);
    }

    public void setDouble(double v) {
        writable(NumType.F64, "setDouble");
        cell.value = Values.f64(v);
    }

    public void setV128(long low, long high) {
        writable(VecType.V128, "setV128");
        cell.value = low;
        cell.high = high;
    }

    /** Sets a mutable global of reference type; a funcref global takes a {@link WasmFunction} or null. */
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
        if (ref != null && r.heap() == AbsHeapType.FUNC && !(ref instanceof WasmFunction)) {
            throw new IllegalArgumentException("a funcref global takes a WasmFunction, got " + ref.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "global " + (cell.type.mutable() ? "mut " : "") + valType();
    }
}
