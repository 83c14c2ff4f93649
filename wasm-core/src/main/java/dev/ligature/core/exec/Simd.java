package dev.ligature.core.exec;

import static dev.ligature.core.exec.SimdInt.*;

import dev.ligature.core.instr.Opcode;

/**
 * The SIMD (v128) instructions that touch no memory, executed on the interpreter's slot array. A
 * v128 takes two consecutive slots: the low one holds bytes 0-7 (lane 0 of any shape in its lowest
 * bits), the high one bytes 8-15. Every method takes the first free slot {@code sp}, pops its
 * operands, pushes its result and returns the new first free slot; nothing is allocated.
 *
 * <p>Relaxed SIMD instructions behave deterministically, each as one of the behaviours the relaxed
 * spec allows:
 * <ul>
 *   <li>{@code i8x16.relaxed_swizzle} as {@code i8x16.swizzle} (an index past 15 gives 0);
 *   <li>{@code relaxed_trunc*} as the matching {@code trunc_sat*} (saturate, NaN to 0);
 *   <li>{@code relaxed_madd} / {@code relaxed_nmadd} unfused: {@code ±(a*b)} is rounded, then
 *       {@code c} is added and rounded again;
 *   <li>{@code relaxed_laneselect} as {@code v128.bitselect} (bit by bit, whatever the mask);
 *   <li>{@code relaxed_min} / {@code relaxed_max} as {@code min} / {@code max};
 *   <li>{@code i16x8.relaxed_q15mulr_s} as {@code i16x8.q15mulr_sat_s} (saturating);
 *   <li>{@code relaxed_dot_i8x16_i7x16*}: both operands read as signed, the i16 pair sum wraps.
 * </ul>
 */
public final class Simd {
    private Simd() {}

    /**
     * Whether {@link #apply} executes {@code op}: a v128 instruction without immediates and without
     * memory access. The lane instructions go to {@link #extractLane} / {@link #replaceLane},
     * {@code i8x16.shuffle} to {@link #shuffle}; {@code v128.const} is a plain push of two slots.
     */
    public static boolean handles(Opcode op) {
        String sig = op.sig();
        return sig != null && op.imm() == dev.ligature.core.instr.Imm.NONE && sig.indexOf('v') >= 0
                && sig.indexOf('a') < 0;
    }

    /**
     * Executes a v128 instruction without immediates and without memory access ({@code v128.const},
     * lane and shuffle instructions have their own entry points). Anything else is an
     * {@link IllegalArgumentException}.
     */
    public static int apply(Opcode op, long[] s, int sp) {
        switch (op) {
            // ---------------------------------------------------------- splats
            case I8X16_SPLAT -> { return splatOf(s, sp, splat(8, s[sp - 1])); }
            case I16X8_SPLAT -> { return splatOf(s, sp, splat(16, s[sp - 1])); }
            case I32X4_SPLAT, F32X4_SPLAT -> { return splatOf(s, sp, splat(32, s[sp - 1])); }
            case I64X2_SPLAT, F64X2_SPLAT -> { return splatOf(s, sp, s[sp - 1]); }
            // ---------------------------------------------------------- bitwise
            case V128_NOT -> {
                s[sp - 2] = ~s[sp - 2];
                s[sp - 1] = ~s[sp - 1];
                return sp;
            }
            case V128_AND -> {
                s[sp - 4] &= s[sp - 2];
                s[sp - 3] &= s[sp - 1];
                return sp - 2;
            }
            case V128_ANDNOT -> {
                s[sp - 4] &= ~s[sp - 2];
                s[sp - 3] &= ~s[sp - 1];
                return sp - 2;
            }
            case V128_OR -> {
                s[sp - 4] |= s[sp - 2];
                s[sp - 3] |= s[sp - 1];
                return sp - 2;
            }
            case V128_XOR -> {
                s[sp - 4] ^= s[sp - 2];
                s[sp - 3] ^= s[sp - 1];
                return sp - 2;
            }
            case V128_BITSELECT, I8X16_RELAXED_LANESELECT, I16X8_RELAXED_LANESELECT, I32X4_RELAXED_LANESELECT,
                 I64X2_RELAXED_LANESELECT -> {
                // bitselect(a, b, c) = (a & c) | (b & ~c)
                long c0 = s[sp - 2], c1 = s[sp - 1];
                s[sp - 6] = (s[sp - 6] & c0) | (s[sp - 4] & ~c0);
                s[sp - 5] = (s[sp - 5] & c1) | (s[sp - 3] & ~c1);
                return sp - 4;
            }
            case V128_ANY_TRUE -> {
                s[sp - 2] = (s[sp - 2] | s[sp - 1]) != 0 ? 1 : 0;
                return sp - 1;
            }
            // ---------------------------------------------------------- i8x16
            case I8X16_SWIZZLE, I8X16_RELAXED_SWIZZLE -> {
                long lo = s[sp - 4], hi = s[sp - 3];
                s[sp - 4] = swizzle(lo, hi, s[sp - 2]);
                s[sp - 3] = swizzle(lo, hi, s[sp - 1]);
                return sp - 2;
            }
            case I8X16_EQ -> { return bin(s, sp, 8, EQ); }
            case I8X16_NE -> { return bin(s, sp, 8, NE); }
            case I8X16_LT_S -> { return bin(s, sp, 8, LT_S); }
            case I8X16_LT_U -> { return bin(s, sp, 8, LT_U); }
            case I8X16_GT_S -> { return bin(s, sp, 8, GT_S); }
            case I8X16_GT_U -> { return bin(s, sp, 8, GT_U); }
            case I8X16_LE_S -> { return bin(s, sp, 8, LE_S); }
            case I8X16_LE_U -> { return bin(s, sp, 8, LE_U); }
            case I8X16_GE_S -> { return bin(s, sp, 8, GE_S); }
            case I8X16_GE_U -> { return bin(s, sp, 8, GE_U); }
            case I8X16_ABS -> { return un(s, sp, 8, ABS); }
            case I8X16_NEG -> { return un(s, sp, 8, NEG); }
            case I8X16_POPCNT -> { return un(s, sp, 8, POPCNT); }
            case I8X16_ALL_TRUE -> { return allTrueOf(s, sp, 8); }
            case I8X16_BITMASK -> { return bitmaskOf(s, sp, 8); }
            case I8X16_NARROW_I16X8_S -> { return narrowOf(s, sp, 16, true); }
            case I8X16_NARROW_I16X8_U -> { return narrowOf(s, sp, 16, false); }
            case I8X16_SHL -> { return shiftOf(s, sp, 8, SHL); }
            case I8X16_SHR_S -> { return shiftOf(s, sp, 8, SHR_S); }
            case I8X16_SHR_U -> { return shiftOf(s, sp, 8, SHR_U); }
            case I8X16_ADD -> { return addOf(s, sp, 8); }
            case I8X16_ADD_SAT_S -> { return bin(s, sp, 8, ADD_SAT_S); }
            case I8X16_ADD_SAT_U -> { return bin(s, sp, 8, ADD_SAT_U); }
            case I8X16_SUB -> { return subOf(s, sp, 8); }
            case I8X16_SUB_SAT_S -> { return bin(s, sp, 8, SUB_SAT_S); }
            case I8X16_SUB_SAT_U -> { return bin(s, sp, 8, SUB_SAT_U); }
            case I8X16_MIN_S -> { return bin(s, sp, 8, MIN_S); }
            case I8X16_MIN_U -> { return bin(s, sp, 8, MIN_U); }
            case I8X16_MAX_S -> { return bin(s, sp, 8, MAX_S); }
            case I8X16_MAX_U -> { return bin(s, sp, 8, MAX_U); }
            case I8X16_AVGR_U -> { return bin(s, sp, 8, AVGR_U); }
            // ---------------------------------------------------------- i16x8
            case I16X8_EQ -> { return bin(s, sp, 16, EQ); }
            case I16X8_NE -> { return bin(s, sp, 16, NE); }
            case I16X8_LT_S -> { return bin(s, sp, 16, LT_S); }
            case I16X8_LT_U -> { return bin(s, sp, 16, LT_U); }
            case I16X8_GT_S -> { return bin(s, sp, 16, GT_S); }
            case I16X8_GT_U -> { return bin(s, sp, 16, GT_U); }
            case I16X8_LE_S -> { return bin(s, sp, 16, LE_S); }
            case I16X8_LE_U -> { return bin(s, sp, 16, LE_U); }
            case I16X8_GE_S -> { return bin(s, sp, 16, GE_S); }
            case I16X8_GE_U -> { return bin(s, sp, 16, GE_U); }
            case I16X8_EXTADD_PAIRWISE_I8X16_S -> { return pairwiseOf(s, sp, 8, true); }
            case I16X8_EXTADD_PAIRWISE_I8X16_U -> { return pairwiseOf(s, sp, 8, false); }
            case I16X8_ABS -> { return un(s, sp, 16, ABS); }
            case I16X8_NEG -> { return un(s, sp, 16, NEG); }
            case I16X8_Q15MULR_SAT_S, I16X8_RELAXED_Q15MULR_S -> { return bin(s, sp, 16, Q15MULR_SAT_S); }
            case I16X8_ALL_TRUE -> { return allTrueOf(s, sp, 16); }
            case I16X8_BITMASK -> { return bitmaskOf(s, sp, 16); }
            case I16X8_NARROW_I32X4_S -> { return narrowOf(s, sp, 32, true); }
            case I16X8_NARROW_I32X4_U -> { return narrowOf(s, sp, 32, false); }
            case I16X8_EXTEND_LOW_I8X16_S -> { return extendOf(s, sp, 8, true, false); }
            case I16X8_EXTEND_HIGH_I8X16_S -> { return extendOf(s, sp, 8, true, true); }
            case I16X8_EXTEND_LOW_I8X16_U -> { return extendOf(s, sp, 8, false, false); }
            case I16X8_EXTEND_HIGH_I8X16_U -> { return extendOf(s, sp, 8, false, true); }
            case I16X8_SHL -> { return shiftOf(s, sp, 16, SHL); }
            case I16X8_SHR_S -> { return shiftOf(s, sp, 16, SHR_S); }
            case I16X8_SHR_U -> { return shiftOf(s, sp, 16, SHR_U); }
            case I16X8_ADD -> { return addOf(s, sp, 16); }
            case I16X8_ADD_SAT_S -> { return bin(s, sp, 16, ADD_SAT_S); }
            case I16X8_ADD_SAT_U -> { return bin(s, sp, 16, ADD_SAT_U); }
            case I16X8_SUB -> { return subOf(s, sp, 16); }
            case I16X8_SUB_SAT_S -> { return bin(s, sp, 16, SUB_SAT_S); }
            case I16X8_SUB_SAT_U -> { return bin(s, sp, 16, SUB_SAT_U); }
            case I16X8_MUL -> { return bin(s, sp, 16, MUL); }
            case I16X8_MIN_S -> { return bin(s, sp, 16, MIN_S); }
            case I16X8_MIN_U -> { return bin(s, sp, 16, MIN_U); }
            case I16X8_MAX_S -> { return bin(s, sp, 16, MAX_S); }
            case I16X8_MAX_U -> { return bin(s, sp, 16, MAX_U); }
            case I16X8_AVGR_U -> { return bin(s, sp, 16, AVGR_U); }
            case I16X8_EXTMUL_LOW_I8X16_S -> { return extmulOf(s, sp, 8, true, false); }
            case I16X8_EXTMUL_HIGH_I8X16_S -> { return extmulOf(s, sp, 8, true, true); }
            case I16X8_EXTMUL_LOW_I8X16_U -> { return extmulOf(s, sp, 8, false, false); }
            case I16X8_EXTMUL_HIGH_I8X16_U -> { return extmulOf(s, sp, 8, false, true); }
            case I16X8_RELAXED_DOT_I8X16_I7X16_S -> {
                s[sp - 4] = relaxedDotI8(s[sp - 4], s[sp - 2]);
                s[sp - 3] = relaxedDotI8(s[sp - 3], s[sp - 1]);
                return sp - 2;
            }
            // ---------------------------------------------------------- i32x4
            case I32X4_EQ -> { return bin(s, sp, 32, EQ); }
            case I32X4_NE -> { return bin(s, sp, 32, NE); }
            case I32X4_LT_S -> { return bin(s, sp, 32, LT_S); }
            case I32X4_LT_U -> { return bin(s, sp, 32, LT_U); }
            case I32X4_GT_S -> { return bin(s, sp, 32, GT_S); }
            case I32X4_GT_U -> { return bin(s, sp, 32, GT_U); }
            case I32X4_LE_S -> { return bin(s, sp, 32, LE_S); }
            case I32X4_LE_U -> { return bin(s, sp, 32, LE_U); }
            case I32X4_GE_S -> { return bin(s, sp, 32, GE_S); }
            case I32X4_GE_U -> { return bin(s, sp, 32, GE_U); }
            case I32X4_EXTADD_PAIRWISE_I16X8_S -> { return pairwiseOf(s, sp, 16, true); }
            case I32X4_EXTADD_PAIRWISE_I16X8_U -> { return pairwiseOf(s, sp, 16, false); }
            case I32X4_ABS -> { return un(s, sp, 32, ABS); }
            case I32X4_NEG -> { return un(s, sp, 32, NEG); }
            case I32X4_ALL_TRUE -> { return allTrueOf(s, sp, 32); }
            case I32X4_BITMASK -> { return bitmaskOf(s, sp, 32); }
            case I32X4_EXTEND_LOW_I16X8_S -> { return extendOf(s, sp, 16, true, false); }
            case I32X4_EXTEND_HIGH_I16X8_S -> { return extendOf(s, sp, 16, true, true); }
            case I32X4_EXTEND_LOW_I16X8_U -> { return extendOf(s, sp, 16, false, false); }
            case I32X4_EXTEND_HIGH_I16X8_U -> { return extendOf(s, sp, 16, false, true); }
            case I32X4_SHL -> { return shiftOf(s, sp, 32, SHL); }
            case I32X4_SHR_S -> { return shiftOf(s, sp, 32, SHR_S); }
            case I32X4_SHR_U -> { return shiftOf(s, sp, 32, SHR_U); }
            case I32X4_ADD -> { return addOf(s, sp, 32); }
            case I32X4_SUB -> { return subOf(s, sp, 32); }
            case I32X4_MUL -> { return bin(s, sp, 32, MUL); }
            case I32X4_MIN_S -> { return bin(s, sp, 32, MIN_S); }
            case I32X4_MIN_U -> { return bin(s, sp, 32, MIN_U); }
            case I32X4_MAX_S -> { return bin(s, sp, 32, MAX_S); }
            case I32X4_MAX_U -> { return bin(s, sp, 32, MAX_U); }
            case I32X4_DOT_I16X8_S -> {
                s[sp - 4] = dotI16(s[sp - 4], s[sp - 2]);
                s[sp - 3] = dotI16(s[sp - 3], s[sp - 1]);
                return sp - 2;
            }
            case I32X4_EXTMUL_LOW_I16X8_S -> { return extmulOf(s, sp, 16, true, false); }
            case I32X4_EXTMUL_HIGH_I16X8_S -> { return extmulOf(s, sp, 16, true, true); }
            case I32X4_EXTMUL_LOW_I16X8_U -> { return extmulOf(s, sp, 16, false, false); }
            case I32X4_EXTMUL_HIGH_I16X8_U -> { return extmulOf(s, sp, 16, false, true); }
            case I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S -> {
                s[sp - 6] = relaxedDotI8Add(s[sp - 6], s[sp - 4], s[sp - 2]);
                s[sp - 5] = relaxedDotI8Add(s[sp - 5], s[sp - 3], s[sp - 1]);
                return sp - 4;
            }
            // ---------------------------------------------------------- i64x2
            case I64X2_ABS -> {
                s[sp - 2] = Math.abs(s[sp - 2]);
                s[sp - 1] = Math.abs(s[sp - 1]);
                return sp;
            }
            case I64X2_NEG -> {
                s[sp - 2] = -s[sp - 2];
                s[sp - 1] = -s[sp - 1];
                return sp;
            }
            case I64X2_ALL_TRUE -> {
                s[sp - 2] = s[sp - 2] != 0 && s[sp - 1] != 0 ? 1 : 0;
                return sp - 1;
            }
            case I64X2_BITMASK -> {
                s[sp - 2] = (s[sp - 2] >>> 63) | ((s[sp - 1] >>> 63) << 1);
                return sp - 1;
            }
            case I64X2_EXTEND_LOW_I32X4_S -> { return extendOf(s, sp, 32, true, false); }
            case I64X2_EXTEND_HIGH_I32X4_S -> { return extendOf(s, sp, 32, true, true); }
            case I64X2_EXTEND_LOW_I32X4_U -> { return extendOf(s, sp, 32, false, false); }
            case I64X2_EXTEND_HIGH_I32X4_U -> { return extendOf(s, sp, 32, false, true); }
            case I64X2_SHL -> { return shiftOf(s, sp, 64, SHL); }
            case I64X2_SHR_S -> { return shiftOf(s, sp, 64, SHR_S); }
            case I64X2_SHR_U -> { return shiftOf(s, sp, 64, SHR_U); }
            case I64X2_ADD -> {
                s[sp - 4] += s[sp - 2];
                s[sp - 3] += s[sp - 1];
                return sp - 2;
            }
            case I64X2_SUB -> {
                s[sp - 4] -= s[sp - 2];
                s[sp - 3] -= s[sp - 1];
                return sp - 2;
            }
            case I64X2_MUL -> {
                s[sp - 4] *= s[sp - 2];
                s[sp - 3] *= s[sp - 1];
                return sp - 2;
            }
            case I64X2_EQ -> { return cmp64(s, sp, s[sp - 4] == s[sp - 2], s[sp - 3] == s[sp - 1]); }
            case I64X2_NE -> { return cmp64(s, sp, s[sp - 4] != s[sp - 2], s[sp - 3] != s[sp - 1]); }
            case I64X2_LT_S -> { return cmp64(s, sp, s[sp - 4] < s[sp - 2], s[sp - 3] < s[sp - 1]); }
            case I64X2_GT_S -> { return cmp64(s, sp, s[sp - 4] > s[sp - 2], s[sp - 3] > s[sp - 1]); }
            case I64X2_LE_S -> { return cmp64(s, sp, s[sp - 4] <= s[sp - 2], s[sp - 3] <= s[sp - 1]); }
            case I64X2_GE_S -> { return cmp64(s, sp, s[sp - 4] >= s[sp - 2], s[sp - 3] >= s[sp - 1]); }
            case I64X2_EXTMUL_LOW_I32X4_S -> { return extmulOf(s, sp, 32, true, false); }
            case I64X2_EXTMUL_HIGH_I32X4_S -> { return extmulOf(s, sp, 32, true, true); }
            case I64X2_EXTMUL_LOW_I32X4_U -> { return extmulOf(s, sp, 32, false, false); }
            case I64X2_EXTMUL_HIGH_I32X4_U -> { return extmulOf(s, sp, 32, false, true); }
            default -> { return SimdFloatOps.apply(op, s, sp); }
        }
    }

    /**
     * {@code *.extract_lane*}: replaces the v128 on top with the scalar in lane {@code lane}
     * (already validated against the shape).
     */
    public static int extractLane(Opcode op, int lane, long[] s, int sp) {
        long lo = s[sp - 2], hi = s[sp - 1];
        long v;
        switch (op) {
            case I8X16_EXTRACT_LANE_S -> v = (byte) byteAt(lo, hi, lane);
            case I8X16_EXTRACT_LANE_U -> v = byteAt(lo, hi, lane);
            case I16X8_EXTRACT_LANE_S -> v = (short) ((lane < 4 ? lo : hi) >>> ((lane & 3) << 4));
            case I16X8_EXTRACT_LANE_U -> v = ((lane < 4 ? lo : hi) >>> ((lane & 3) << 4)) & 0xFFFF;
            case I32X4_EXTRACT_LANE, F32X4_EXTRACT_LANE -> v = (int) ((lane < 2 ? lo : hi) >>> ((lane & 1) << 5));
            case I64X2_EXTRACT_LANE, F64X2_EXTRACT_LANE -> v = lane == 0 ? lo : hi;
            default -> throw new IllegalArgumentException("not an extract_lane instruction: " + op.mnemonic());
        }
        s[sp - 2] = v;
        return sp - 1;
    }

    /** {@code *.replace_lane}: pops the scalar on top and writes it into lane {@code lane} of the v128 below. */
    public static int replaceLane(Opcode op, int lane, long[] s, int sp) {
        long x = s[sp - 1];
        int w = switch (op) {
            case I8X16_REPLACE_LANE -> 8;
            case I16X8_REPLACE_LANE -> 16;
            case I32X4_REPLACE_LANE, F32X4_REPLACE_LANE -> 32;
            case I64X2_REPLACE_LANE, F64X2_REPLACE_LANE -> 64;
            default -> throw new IllegalArgumentException("not a replace_lane instruction: " + op.mnemonic());
        };
        int bit = lane * w;
        int slot = bit < 64 ? sp - 3 : sp - 2;
        int at = bit & 63;
        long m = SimdInt.mask(w) << at;
        s[slot] = (s[slot] & ~m) | ((x << at) & m);
        return sp - 1;
    }

    /**
     * {@code i8x16.shuffle}: byte {@code j} of the result is byte {@code lanes16[j]} of the
     * concatenation of the two operands (indices 0-31, already validated).
     */
    public static int shuffle(byte[] lanes16, long[] s, int sp) {
        long a0 = s[sp - 4], a1 = s[sp - 3], b0 = s[sp - 2], b1 = s[sp - 1];
        long r0 = 0, r1 = 0;
        for (int j = 0; j < 8; j++) {
            r0 |= pick(a0, a1, b0, b1, lanes16[j]) << (j << 3);
            r1 |= pick(a0, a1, b0, b1, lanes16[j + 8]) << (j << 3);
        }
        s[sp - 4] = r0;
        s[sp - 3] = r1;
        return sp - 2;
    }

    private static long pick(long a0, long a1, long b0, long b1, byte index) {
        int k = index & 31;
        return k < 16 ? byteAt(a0, a1, k) : byteAt(b0, b1, k - 16);
    }

    // ------------------------------------------------------------------ slot helpers

    private static int splatOf(long[] s, int sp, long half) {
        s[sp - 1] = half;
        s[sp] = half;
        return sp + 1;
    }

    private static int bin(long[] s, int sp, int w, int k) {
        s[sp - 4] = SimdInt.bin(w, k, s[sp - 4], s[sp - 2]);
        s[sp - 3] = SimdInt.bin(w, k, s[sp - 3], s[sp - 1]);
        return sp - 2;
    }

    private static int addOf(long[] s, int sp, int w) {
        s[sp - 4] = SimdInt.add(w, s[sp - 4], s[sp - 2]);
        s[sp - 3] = SimdInt.add(w, s[sp - 3], s[sp - 1]);
        return sp - 2;
    }

    private static int subOf(long[] s, int sp, int w) {
        s[sp - 4] = SimdInt.sub(w, s[sp - 4], s[sp - 2]);
        s[sp - 3] = SimdInt.sub(w, s[sp - 3], s[sp - 1]);
        return sp - 2;
    }

    private static int un(long[] s, int sp, int w, int k) {
        s[sp - 2] = SimdInt.un(w, k, s[sp - 2]);
        s[sp - 1] = SimdInt.un(w, k, s[sp - 1]);
        return sp;
    }

    private static int shiftOf(long[] s, int sp, int w, int k) {
        int n = (int) s[sp - 1];
        s[sp - 3] = SimdInt.shift(w, k, s[sp - 3], n);
        s[sp - 2] = SimdInt.shift(w, k, s[sp - 2], n);
        return sp - 1;
    }

    private static int allTrueOf(long[] s, int sp, int w) {
        s[sp - 2] = SimdInt.allTrue(w, s[sp - 2]) && SimdInt.allTrue(w, s[sp - 1]) ? 1 : 0;
        return sp - 1;
    }

    private static int bitmaskOf(long[] s, int sp, int w) {
        int lanesPerHalf = 64 / w;
        s[sp - 2] = SimdInt.bitmask(w, s[sp - 2]) | (SimdInt.bitmask(w, s[sp - 1]) << lanesPerHalf);
        return sp - 1;
    }

    private static int narrowOf(long[] s, int sp, int w, boolean signed) {
        long lo = SimdInt.narrow(w, signed, s[sp - 4], s[sp - 3]);
        long hi = SimdInt.narrow(w, signed, s[sp - 2], s[sp - 1]);
        s[sp - 4] = lo;
        s[sp - 3] = hi;
        return sp - 2;
    }

    /** Widens the low or high half of the v128 on top; {@code w} is the source lane width. */
    private static int extendOf(long[] s, int sp, int w, boolean signed, boolean high) {
        long h = high ? s[sp - 1] : s[sp - 2];
        int half = 32 / w; // source lanes per result half
        s[sp - 2] = SimdInt.widen(w, signed, h, 0);
        s[sp - 1] = SimdInt.widen(w, signed, h, half);
        return sp;
    }

    private static int extmulOf(long[] s, int sp, int w, boolean signed, boolean high) {
        long a = high ? s[sp - 3] : s[sp - 4];
        long b = high ? s[sp - 1] : s[sp - 2];
        int half = 32 / w;
        s[sp - 4] = SimdInt.extmul(w, signed, a, b, 0);
        s[sp - 3] = SimdInt.extmul(w, signed, a, b, half);
        return sp - 2;
    }

    private static int pairwiseOf(long[] s, int sp, int w, boolean signed) {
        s[sp - 2] = SimdInt.pairwise(w, signed, s[sp - 2]);
        s[sp - 1] = SimdInt.pairwise(w, signed, s[sp - 1]);
        return sp;
    }

    private static int cmp64(long[] s, int sp, boolean l0, boolean l1) {
        s[sp - 4] = l0 ? -1 : 0;
        s[sp - 3] = l1 ? -1 : 0;
        return sp - 2;
    }
}
