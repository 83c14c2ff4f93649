package dev.ligature.core.exec;

import static dev.ligature.core.exec.SimdFloat.*;

import dev.ligature.core.instr.Opcode;

/** The f32x4 / f64x2 half of {@link Simd#apply}, including the float-integer conversions. */
final class SimdFloatOps {
    private SimdFloatOps() {}

    static int apply(Opcode op, long[] s, int sp) {
        switch (op) {
            // ---------------------------------------------------------- f32x4
            case F32X4_EQ -> { return f32(s, sp, EQ); }
            case F32X4_NE -> { return f32(s, sp, NE); }
            case F32X4_LT -> { return f32(s, sp, LT); }
            case F32X4_GT -> { return f32(s, sp, GT); }
            case F32X4_LE -> { return f32(s, sp, LE); }
            case F32X4_GE -> { return f32(s, sp, GE); }
            case F32X4_ADD -> { return f32(s, sp, ADD); }
            case F32X4_SUB -> { return f32(s, sp, SUB); }
            case F32X4_MUL -> { return f32(s, sp, MUL); }
            case F32X4_DIV -> { return f32(s, sp, DIV); }
            case F32X4_MIN, F32X4_RELAXED_MIN -> { return f32(s, sp, MIN); }
            case F32X4_MAX, F32X4_RELAXED_MAX -> { return f32(s, sp, MAX); }
            case F32X4_PMIN -> { return f32(s, sp, PMIN); }
            case F32X4_PMAX -> { return f32(s, sp, PMAX); }
            case F32X4_ABS -> {
                s[sp - 2] &= ~F32_SIGNS;
                s[sp - 1] &= ~F32_SIGNS;
                return sp;
            }
            case F32X4_NEG -> {
                s[sp - 2] ^= F32_SIGNS;
                s[sp - 1] ^= F32_SIGNS;
                return sp;
            }
            case F32X4_SQRT -> { return f32Un(s, sp, SQRT); }
            case F32X4_CEIL -> { return f32Un(s, sp, CEIL); }
            case F32X4_FLOOR -> { return f32Un(s, sp, FLOOR); }
            case F32X4_TRUNC -> { return f32Un(s, sp, TRUNC); }
            case F32X4_NEAREST -> { return f32Un(s, sp, NEAREST); }
            case F32X4_RELAXED_MADD -> { return madd32(s, sp, false); }
            case F32X4_RELAXED_NMADD -> { return madd32(s, sp, true); }
            // ---------------------------------------------------------- f64x2
            case F64X2_EQ -> { return f64(s, sp, EQ); }
            case F64X2_NE -> { return f64(s, sp, NE); }
            case F64X2_LT -> { return f64(s, sp, LT); }
            case F64X2_GT -> { return f64(s, sp, GT); }
            case F64X2_LE -> { return f64(s, sp, LE); }
            case F64X2_GE -> { return f64(s, sp, GE); }
            case F64X2_ADD -> { return f64(s, sp, ADD); }
            case F64X2_SUB -> { return f64(s, sp, SUB); }
            case F64X2_MUL -> { return f64(s, sp, MUL); }
            case F64X2_DIV -> { return f64(s, sp, DIV); }
            case F64X2_MIN, F64X2_RELAXED_MIN -> { return f64(s, sp, MIN); }
            case F64X2_MAX, F64X2_RELAXED_MAX -> { return f64(s, sp, MAX); }
            case F64X2_PMIN -> { return f64(s, sp, PMIN); }
            case F64X2_PMAX -> { return f64(s, sp, PMAX); }
            case F64X2_ABS -> {
                s[sp - 2] &= Long.MAX_VALUE;
                s[sp - 1] &= Long.MAX_VALUE;
                return sp;
            }
            case F64X2_NEG -> {
                s[sp - 2] ^= Long.MIN_VALUE;
                s[sp - 1] ^= Long.MIN_VALUE;
                return sp;
            }
            case F64X2_SQRT -> { return f64Un(s, sp, SQRT); }
            case F64X2_CEIL -> { return f64Un(s, sp, CEIL); }
            case F64X2_FLOOR -> { return f64Un(s, sp, FLOOR); }
            case F64X2_TRUNC -> { return f64Un(s, sp, TRUNC); }
            case F64X2_NEAREST -> { return f64Un(s, sp, NEAREST); }
            case F64X2_RELAXED_MADD -> { return madd64(s, sp, false); }
            case F64X2_RELAXED_NMADD -> { return madd64(s, sp, true); }
            // ---------------------------------------------------------- conversions
            case I32X4_TRUNC_SAT_F32X4_S, I32X4_RELAXED_TRUNC_F32X4_S -> { return each(s, sp, TRUNC_SAT_S); }
            case I32X4_TRUNC_SAT_F32X4_U, I32X4_RELAXED_TRUNC_F32X4_U -> { return each(s, sp, TRUNC_SAT_U); }
            case F32X4_CONVERT_I32X4_S -> { return each(s, sp, CONVERT_S); }
            case F32X4_CONVERT_I32X4_U -> { return each(s, sp, CONVERT_U); }
            case I32X4_TRUNC_SAT_F64X2_S_ZERO, I32X4_RELAXED_TRUNC_F64X2_S_ZERO -> {
                return narrowed(s, sp, TRUNC_SAT_S);
            }
            case I32X4_TRUNC_SAT_F64X2_U_ZERO, I32X4_RELAXED_TRUNC_F64X2_U_ZERO -> {
                return narrowed(s, sp, TRUNC_SAT_U);
            }
            case F32X4_DEMOTE_F64X2_ZERO -> { return narrowed(s, sp, DEMOTE); }
            case F64X2_CONVERT_LOW_I32X4_S -> { return widened(s, sp, CONVERT_S); }
            case F64X2_CONVERT_LOW_I32X4_U -> { return widened(s, sp, CONVERT_U); }
            case F64X2_PROMOTE_LOW_F32X4 -> { return widened(s, sp, PROMOTE); }
            default -> throw new IllegalArgumentException("not a v128 instruction without immediates: " + op.mnemonic());
        }
    }

    /** A conversion between 32-bit lanes on both halves. */
    private static int each(long[] s, int sp, int k) {
        s[sp - 2] = convert32(k, s[sp - 2]);
        s[sp - 1] = convert32(k, s[sp - 1]);
        return sp;
    }

    /** A conversion from the two 64-bit lanes into the low half; the high half becomes zero. */
    private static int narrowed(long[] s, int sp, int k) {
        s[sp - 2] = convertFrom64(k, s[sp - 2], s[sp - 1]);
        s[sp - 1] = 0;
        return sp;
    }

    /** A conversion from the two low 32-bit lanes into two 64-bit lanes. */
    private static int widened(long[] s, int sp, int k) {
        long h = s[sp - 2];
        s[sp - 2] = convertTo64(k, h, 0);
        s[sp - 1] = convertTo64(k, h, 1);
        return sp;
    }

    private static int f32(long[] s, int sp, int k) {
        s[sp - 4] = f32x2(k, s[sp - 4], s[sp - 2]);
        s[sp - 3] = f32x2(k, s[sp - 3], s[sp - 1]);
        return sp - 2;
    }

    private static int f64(long[] s, int sp, int k) {
        s[sp - 4] = SimdFloat.f64(k, s[sp - 4], s[sp - 2]);
        s[sp - 3] = SimdFloat.f64(k, s[sp - 3], s[sp - 1]);
        return sp - 2;
    }

    private static int f32Un(long[] s, int sp, int k) {
        s[sp - 2] = f32x2(k, s[sp - 2]);
        s[sp - 1] = f32x2(k, s[sp - 1]);
        return sp;
    }

    private static int f64Un(long[] s, int sp, int k) {
        s[sp - 2] = SimdFloat.f64(k, s[sp - 2]);
        s[sp - 1] = SimdFloat.f64(k, s[sp - 1]);
        return sp;
    }

    private static int madd32(long[] s, int sp, boolean negate) {
        s[sp - 6] = SimdFloat.madd32(s[sp - 6], s[sp - 4], s[sp - 2], negate);
        s[sp - 5] = SimdFloat.madd32(s[sp - 5], s[sp - 3], s[sp - 1], negate);
        return sp - 4;
    }

    private static int madd64(long[] s, int sp, boolean negate) {
        s[sp - 6] = SimdFloat.madd64(s[sp - 6], s[sp - 4], s[sp - 2], negate);
        s[sp - 5] = SimdFloat.madd64(s[sp - 5], s[sp - 3], s[sp - 1], negate);
        return sp - 4;
    }
}
