package dev.ligature.core.engine;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;

/**
 * The slot form of Wasm values, used wherever values cross the API without boxing: every value is
 * one {@code long} (an i32 in the low 32 bits, an f32 as its raw bits in the low 32 bits, an f64 as
 * its raw bits, an i64 as is) except a v128, which takes two (bytes 0-7, then 8-15, little-endian).
 * References travel in a parallel {@code Object[]} at the same index.
 */
public final class Values {
    private Values() {}

    public static long i32(int v) {
        return v;
    }

    public static long f32(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFFFFFFL;
    }

    public static long f64(double v) {
        return Double.doubleToRawLongBits(v);
    }

    public static float asF32(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    public static double asF64(long slot) {
        return Double.longBitsToDouble(slot);
    }

    /** Slots a value of type {@code t} occupies: 2 for v128, else 1. */
    public static int slots(ValType t) {
        return t == VecType.V128 ? 2 : 1;
    }

    /** Slots the parameters of {@code t} occupy ({@link FuncType#paramSlots()}). */
    public static int paramSlots(FuncType t) {
        return t.paramSlots();
    }

    /** Slots the results of {@code t} occupy ({@link FuncType#resultSlots()}). */
    public static int resultSlots(FuncType t) {
        return t.resultSlots();
    }
}
