package dev.ligature.core.exec;

/**
 * Floating-point lane kernels of {@link Simd}: an f32x4 half holds two f32 lanes, an f64x2 half
 * one f64 lane. Lane semantics are those of the scalar instructions in {@link Numerics}.
 */
final class SimdFloat {
    private SimdFloat() {}

    // binary operation codes
    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MIN = 4, MAX = 5, PMIN = 6, PMAX = 7, EQ = 8, NE = 9,
            LT = 10, GT = 11, LE = 12, GE = 13;

    // unary operation codes
    static final int SQRT = 0, CEIL = 1, FLOOR = 2, TRUNC = 3, NEAREST = 4;

    static final long F32_SIGNS = 0x8000_0000_8000_0000L;

    static float lane0(long h) {
        return Float.intBitsToFloat((int) h);
    }

    static float lane1(long h) {
        return Float.intBitsToFloat((int) (h >>> 32));
    }

    static long pack(float l0, float l1) {
        return (Float.floatToRawIntBits(l0) & 0xFFFF_FFFFL) | ((long) Float.floatToRawIntBits(l1) << 32);
    }

    static long packInts(int l0, int l1) {
        return (l0 & 0xFFFF_FFFFL) | ((long) l1 << 32);
    }

    static float f32(int k, float x, float y) {
        return switch (k) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MIN -> Numerics.f32Min(x, y);
            case MAX -> Numerics.f32Max(x, y);
            case PMIN -> y < x ? y : x;
            case PMAX -> x < y ? y : x;
            default -> throw new AssertionError(k);
        };
    }

    /**
     * Binary op {@code k} on the two f32 lanes of a half: one dispatch per half, not per lane.
     * Arithmetic and comparisons are separate methods so that each stays small enough for HotSpot
     * to inline where {@code k} is a constant (compiled code calls these through SimdKernels).
     */
    static long f32x2(int k, long a, long b) {
        return k >= EQ ? f32x2Compare(k, a, b) : f32x2Arith(k, a, b);
    }

    private static long f32x2Arith(int k, long a, long b) {
        float x0 = lane0(a), x1 = lane1(a), y0 = lane0(b), y1 = lane1(b);
        return switch (k) {
            case ADD -> pack(x0 + y0, x1 + y1);
            case SUB -> pack(x0 - y0, x1 - y1);
            case MUL -> pack(x0 * y0, x1 * y1);
            case DIV -> pack(x0 / y0, x1 / y1);
            default -> pack(f32(k, x0, y0), f32(k, x1, y1));
        };
    }

    private static long f32x2Compare(int k, long a, long b) {
        float x0 = lane0(a), x1 = lane1(a), y0 = lane0(b), y1 = lane1(b);
        return switch (k) {
            case EQ -> packInts(x0 == y0 ? -1 : 0, x1 == y1 ? -1 : 0);
            case NE -> packInts(x0 != y0 ? -1 : 0, x1 != y1 ? -1 : 0);
            case LT -> packInts(x0 < y0 ? -1 : 0, x1 < y1 ? -1 : 0);
            case GT -> packInts(x0 > y0 ? -1 : 0, x1 > y1 ? -1 : 0);
            case LE -> packInts(x0 <= y0 ? -1 : 0, x1 <= y1 ? -1 : 0);
            case GE -> packInts(x0 >= y0 ? -1 : 0, x1 >= y1 ? -1 : 0);
            default -> throw new AssertionError(k);
        };
    }

    /** An f64 lane op on raw bits (comparisons give all ones or zero); split in two as {@link #f32x2(int, long, long)}. */
    static long f64(int k, long a, long b) {
        return k >= EQ ? f64Compare(k, a, b) : f64Arith(k, a, b);
    }

    private static long f64Compare(int k, long a, long b) {
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        return switch (k) {
            case EQ -> x == y ? -1 : 0;
            case NE -> x != y ? -1 : 0;
            case LT -> x < y ? -1 : 0;
            case GT -> x > y ? -1 : 0;
            case LE -> x <= y ? -1 : 0;
            case GE -> x >= y ? -1 : 0;
            default -> throw new AssertionError(k);
        };
    }

    private static long f64Arith(int k, long a, long b) {
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        double v = switch (k) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MIN -> Numerics.f64Min(x, y);
            case MAX -> Numerics.f64Max(x, y);
            case PMIN -> y < x ? y : x;
            case PMAX -> x < y ? y : x;
            default -> throw new AssertionError(k);
        };
        return Double.doubleToRawLongBits(v);
    }

    static float f32(int k, float x) {
        return switch (k) {
            case SQRT -> Numerics.f32Sqrt(x);
            case CEIL -> Numerics.f32Ceil(x);
            case FLOOR -> Numerics.f32Floor(x);
            case TRUNC -> Numerics.f32Trunc(x);
            case NEAREST -> Numerics.f32Nearest(x);
            default -> throw new AssertionError(k);
        };
    }

    static long f32x2(int k, long a) {
        return pack(f32(k, lane0(a)), f32(k, lane1(a)));
    }

    static long f64(int k, long a) {
        double x = Double.longBitsToDouble(a);
        double v = switch (k) {
            case SQRT -> Math.sqrt(x);
            case CEIL -> Numerics.f64Ceil(x);
            case FLOOR -> Numerics.f64Floor(x);
            case TRUNC -> Numerics.f64Trunc(x);
            case NEAREST -> Numerics.f64Nearest(x);
            default -> throw new AssertionError(k);
        };
        return Double.doubleToRawLongBits(v);
    }

    /**
     * Relaxed multiply-add of two f32 lanes, {@code ±a*b + c}. Deterministic choice: unfused (the
     * product is rounded to f32 before the add), which every platform computes identically and
     * fast; the relaxed spec allows it.
     */
    static long madd32(long a, long b, long c, boolean negate) {
        float p0 = lane0(a) * lane0(b), p1 = lane1(a) * lane1(b);
        if (negate) {
            p0 = -p0;
            p1 = -p1;
        }
        return pack(p0 + lane0(c), p1 + lane1(c));
    }

    /** Relaxed multiply-add of an f64 lane, unfused as {@link #madd32}. */
    static long madd64(long a, long b, long c, boolean negate) {
        double p = Double.longBitsToDouble(a) * Double.longBitsToDouble(b);
        return Double.doubleToRawLongBits((negate ? -p : p) + Double.longBitsToDouble(c));
    }

    // conversion codes for convert32(), convertFrom64(), convertTo64()
    static final int TRUNC_SAT_S = 0, TRUNC_SAT_U = 1, CONVERT_S = 2, CONVERT_U = 3, DEMOTE = 4, PROMOTE = 5;

    /**
     * A conversion between the two 32-bit lanes of a half: {@code i32x4.trunc_sat_f32x4_s/u}
     * ({@code TRUNC_SAT_*}) or {@code f32x4.convert_i32x4_s/u} ({@code CONVERT_*}).
     */
    static long convert32(int k, long h) {
        return switch (k) {
            case TRUNC_SAT_S -> packInts(Numerics.i32TruncSatF32S(lane0(h)), Numerics.i32TruncSatF32S(lane1(h)));
            case TRUNC_SAT_U -> packInts(Numerics.i32TruncSatF32U(lane0(h)), Numerics.i32TruncSatF32U(lane1(h)));
            case CONVERT_S -> pack((float) (int) h, (float) (int) (h >>> 32));
            case CONVERT_U -> pack(Numerics.f32ConvertI32U((int) h), Numerics.f32ConvertI32U((int) (h >>> 32)));
            default -> throw new AssertionError(k);
        };
    }

    /**
     * The two f64 lanes {@code lo}, {@code hi} converted to the two 32-bit lanes of one half:
     * {@code i32x4.trunc_sat_f64x2_s/u_zero} ({@code TRUNC_SAT_*}) or {@code f32x4.demote_f64x2_zero}.
     */
    static long convertFrom64(int k, long lo, long hi) {
        double x = Double.longBitsToDouble(lo), y = Double.longBitsToDouble(hi);
        return switch (k) {
            case TRUNC_SAT_S -> packInts(Numerics.i32TruncSatF64S(x), Numerics.i32TruncSatF64S(y));
            case TRUNC_SAT_U -> packInts(Numerics.i32TruncSatF64U(x), Numerics.i32TruncSatF64U(y));
            case DEMOTE -> pack(Numerics.f32DemoteF64(x), Numerics.f32DemoteF64(y));
            default -> throw new AssertionError(k);
        };
    }

    /**
     * 32-bit lane {@code lane} (0 or 1) of {@code h} as an f64 lane:
     * {@code f64x2.convert_low_i32x4_s/u} ({@code CONVERT_*}) or {@code f64x2.promote_low_f32x4}.
     */
    static long convertTo64(int k, long h, int lane) {
        long bits = h >>> (lane << 5);
        double v = switch (k) {
            case CONVERT_S -> (int) bits;
            case CONVERT_U -> bits & 0xFFFF_FFFFL;
            case PROMOTE -> Numerics.f64PromoteF32(Float.intBitsToFloat((int) bits));
            default -> throw new AssertionError(k);
        };
        return Double.doubleToRawLongBits(v);
    }
}
