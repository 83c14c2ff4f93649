package dev.ligature.core.runtime;

import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.VecType;

/**
 * A global variable. Numbers are kept in slot form (see {@link Values}): {@link #value()} holds an
 * i32, i64, or the raw bits of an f32/f64; a v128 uses {@link #value()} (bytes 0-7) and
 * {@link #high()} (bytes 8-15); a reference lives in {@link #ref()}.
 */
public final class Global {
    private final GlobalType type;
    private final Object typeKey;
    /** Engine access: the slot value. Public for engines; embedders use the accessors. */
    public long value;
    /** Engine access: the high half of a v128. */
    public long high;
    /** Engine access: the reference value. */
    public Object ref;

    Global(GlobalType type, Object typeKey) {
        this.type = type;
        this.typeKey = typeKey;
    }

    /** A host global of a number or vector type (or abstract reference type), initially zero/null. */
    public static Global of(GlobalType type) {
        if (type.type() instanceof RefType r && !(r.heap() instanceof dev.ligature.core.types.AbsHeapType)) {
            throw new IllegalArgumentException("host globals take abstract reference types");
        }
        return new Global(type, type.type());
    }

    public static Global i32(int v, boolean mutable) {
        Global g = of(new GlobalType(NumType.I32, mutable));
        g.value = v;
        return g;
    }

    public static Global i64(long v, boolean mutable) {
        Global g = of(new GlobalType(NumType.I64, mutable));
        g.value = v;
        return g;
    }

    public static Global f32(float v, boolean mutable) {
        Global g = of(new GlobalType(NumType.F32, mutable));
        g.value = Values.f32(v);
        return g;
    }

    public static Global f64(double v, boolean mutable) {
        Global g = of(new GlobalType(NumType.F64, mutable));
        g.value = Values.f64(v);
        return g;
    }

    public GlobalType type() {
        return type;
    }

    Object typeKey() {
        return typeKey;
    }

    /** The slot value (i32 in the low 32 bits, raw float bits, i64, or v128 bytes 0-7). */
    public long value() {
        return value;
    }

    /** Bytes 8-15 of a v128 value. */
    public long high() {
        return high;
    }

    public Object ref() {
        return ref;
    }

    public int getInt() {
        return (int) value;
    }

    public long getLong() {
        return value;
    }

    public float getFloat() {
        return Values.asF32(value);
    }

    public double getDouble() {
        return Values.asF64(value);
    }

    /** Sets the value from the host (mutability is a Wasm rule; the host may set any global it owns). */
    public void set(long value) {
        this.value = value;
    }

    public void setInt(int v) {
        this.value = v;
    }

    public void setFloat(float v) {
        this.value = Values.f32(v);
    }

    public void setDouble(double v) {
        this.value = Values.f64(v);
    }

    public void setV128(long low, long high) {
        this.value = low;
        this.high = high;
    }

    public void setRef(Object ref) {
        this.ref = ref;
    }

    boolean isVector() {
        return type.type() == VecType.V128;
    }
}
