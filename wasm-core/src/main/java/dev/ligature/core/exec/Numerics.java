package dev.ligature.core.exec;

import dev.ligature.core.instr.Opcode;
import dev.ligature.core.runtime.Trap;

/** TEMPORARY stand-in until the numerics helper's class lands; reverted before the merge. */
final class Numerics {
    private Numerics() {}

    private static float f(long v) {
        return Float.intBitsToFloat((int) v);
    }

    private static long f(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFFFFFFL;
    }

    private static double d(long v) {
        return Double.longBitsToDouble(v);
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    static int apply(Opcode op, long[] s, int sp) {
        long a = s[sp - 1];
        switch (op) {
            case F32_CEIL -> s[sp - 1] = f((float) Math.ceil(f(a)));
            case F32_FLOOR -> s[sp - 1] = f((float) Math.floor(f(a)));
            case F32_TRUNC -> s[sp - 1] = f((float) (f(a) < 0 ? Math.ceil(f(a)) : Math.floor(f(a))));
            case F32_NEAREST -> s[sp - 1] = f((float) Math.rint(f(a)));
            case F64_CEIL -> s[sp - 1] = d(Math.ceil(d(a)));
            case F64_FLOOR -> s[sp - 1] = d(Math.floor(d(a)));
            case F64_TRUNC -> s[sp - 1] = d(d(a) < 0 ? Math.ceil(d(a)) : Math.floor(d(a)));
            case F64_NEAREST -> s[sp - 1] = d(Math.rint(d(a)));
            case F32_MIN, F32_MAX, F32_COPYSIGN, F64_MIN, F64_MAX, F64_COPYSIGN -> {
                long x = s[sp - 2];
                s[sp - 2] = switch (op) {
                    case F32_MIN -> f(Math.min(f(x), f(a)));
                    case F32_MAX -> f(Math.max(f(x), f(a)));
                    case F32_COPYSIGN -> (x & 0x7FFFFFFFL) | (a & 0x80000000L);
                    case F64_MIN -> d(Math.min(d(x), d(a)));
                    case F64_MAX -> d(Math.max(d(x), d(a)));
                    default -> (x & Long.MAX_VALUE) | (a & Long.MIN_VALUE);
                };
                return sp - 1;
            }
            case F32_CONVERT_I32_U -> s[sp - 1] = f((float) (a & 0xFFFFFFFFL));
            case F64_CONVERT_I32_U -> s[sp - 1] = d((double) (a & 0xFFFFFFFFL));
            case F32_CONVERT_I64_U -> s[sp - 1] = f(u64ToF32(a));
            case F64_CONVERT_I64_U -> s[sp - 1] = d(u64ToF64(a));
            case I32_TRUNC_F32_S -> s[sp - 1] = (int) trunc(f(a), -2147483649.0, 2147483648.0);
            case I32_TRUNC_F64_S -> s[sp - 1] = (int) trunc(d(a), -2147483649.0, 2147483648.0);
            case I32_TRUNC_F32_U -> s[sp - 1] = (int) trunc(f(a), -1.0, 4294967296.0);
            case I32_TRUNC_F64_U -> s[sp - 1] = (int) trunc(d(a), -1.0, 4294967296.0);
            case I64_TRUNC_F32_S -> s[sp - 1] = (long) trunc(f(a), -9223372036854777856.0, 9223372036854775808.0);
            case I64_TRUNC_F64_S -> s[sp - 1] = (long) trunc(d(a), -9223372036854777856.0, 9223372036854775808.0);
            case I64_TRUNC_F32_U -> s[sp - 1] = u64(trunc(f(a), -1.0, 18446744073709551616.0));
            case I64_TRUNC_F64_U -> s[sp - 1] = u64(trunc(d(a), -1.0, 18446744073709551616.0));
            case I32_TRUNC_SAT_F32_S -> s[sp - 1] = (int) f(a);
            case I32_TRUNC_SAT_F64_S -> s[sp - 1] = (int) d(a);
            case I32_TRUNC_SAT_F32_U -> s[sp - 1] = (int) satU32(f(a));
            case I32_TRUNC_SAT_F64_U -> s[sp - 1] = (int) satU32(d(a));
            case I64_TRUNC_SAT_F32_S -> s[sp - 1] = (long) f(a);
            case I64_TRUNC_SAT_F64_S -> s[sp - 1] = (long) d(a);
            case I64_TRUNC_SAT_F32_U -> s[sp - 1] = satU64(f(a));
            case I64_TRUNC_SAT_F64_U -> s[sp - 1] = satU64(d(a));
            default -> throw new UnsupportedOperationException(op.mnemonic());
        }
        return sp;
    }

    private static double trunc(double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            throw new Trap(Trap.Kind.INVALID_CONVERSION);
        }
        double t = v < 0 ? Math.ceil(v) : Math.floor(v);
        if (!(v > lo && v < hi)) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return t;
    }

    private static long u64(double t) {
        return t >= 9223372036854775808.0 ? (long) (t - 9223372036854775808.0) ^ Long.MIN_VALUE : (long) t;
    }

    private static long satU32(double v) {
        if (Double.isNaN(v) || v <= 0) {
            return 0;
        }
        return v >= 4294967295.0 ? 0xFFFFFFFFL : (long) v;
    }

    private static long satU64(double v) {
        if (Double.isNaN(v) || v <= 0) {
            return 0;
        }
        if (v >= 18446744073709551616.0) {
            return -1L;
        }
        return u64(v < 0 ? Math.ceil(v) : Math.floor(v));
    }

    private static double u64ToF64(long v) {
        if (v >= 0) {
            return v;
        }
        long half = (v >>> 1) | (v & 1);
        return (double) half * 2.0;
    }

    private static float u64ToF32(long v) {
        if (v >= 0) {
            return v;
        }
        long half = (v >>> 1) | (v & 1);
        return (float) half * 2.0f;
    }
}
