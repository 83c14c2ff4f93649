package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.instr.Imm;
import dev.ligature.core.instr.Opcode;
import org.junit.jupiter.api.Test;

/** Lane layout, the stack contract, and the relaxed instructions the suite does not pin down. */
class SimdTest {
    private static long f32s(float l0, float l1) {
        return (Float.floatToRawIntBits(l0) & 0xFFFF_FFFFL) | ((long) Float.floatToRawIntBits(l1) << 32);
    }

    private static long i32s(int l0, int l1) {
        return (l0 & 0xFFFF_FFFFL) | ((long) l1 << 32);
    }

    @Test
    void relaxedTruncationsSaturateLikeTruncSat() {
        long[] s = {f32s(Float.NaN, 3e9f), f32s(-3e9f, -1.5f)};
        assertEquals(2, Simd.apply(Opcode.I32X4_RELAXED_TRUNC_F32X4_S, s, 2));
        assertArrayEquals(new long[] {i32s(0, Integer.MAX_VALUE), i32s(Integer.MIN_VALUE, -1)}, s);

        s = new long[] {f32s(Float.NaN, 5e9f), f32s(-1f, 4294967040f)};
        Simd.apply(Opcode.I32X4_RELAXED_TRUNC_F32X4_U, s, 2);
        assertArrayEquals(new long[] {i32s(0, -1), i32s(0, 0xFFFF_FF00)}, s);

        s = new long[] {Double.doubleToRawLongBits(1e10), Double.doubleToRawLongBits(-2.5)};
        Simd.apply(Opcode.I32X4_RELAXED_TRUNC_F64X2_S_ZERO, s, 2);
        assertArrayEquals(new long[] {i32s(Integer.MAX_VALUE, -2), 0}, s);

        s = new long[] {Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(4294967295.9)};
        Simd.apply(Opcode.I32X4_RELAXED_TRUNC_F64X2_U_ZERO, s, 2);
        assertArrayEquals(new long[] {i32s(0, -1), 0}, s);
    }

    @Test
    void relaxedMaddIsUnfused() {
        // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: the last term is lost when the product is rounded to f32
        float x = 1f + 0x1p-12f;
        long[] s = {f32s(x, x), f32s(x, x), f32s(x, x), f32s(x, x), f32s(-1f, -1f), f32s(-1f, -1f)};
        assertEquals(2, Simd.apply(Opcode.F32X4_RELAXED_MADD, s, 6));
        assertEquals(f32s(0x1p-11f, 0x1p-11f), s[0]);
        s = new long[] {f32s(x, x), f32s(x, x), f32s(x, x), f32s(x, x), f32s(1f, 1f), f32s(1f, 1f)};
        Simd.apply(Opcode.F32X4_RELAXED_NMADD, s, 6);
        assertEquals(f32s(-0x1p-11f, -0x1p-11f), s[1]);
    }

    @Test
    void relaxedDotReadsBothOperandsSignedAndWraps() {
        // every byte -128: each i16 lane is (-128 * -128) * 2 = 32768, which wraps to -32768
        long m = 0x8080_8080_8080_8080L;
        long[] s = {m, m, m, m};
        Simd.apply(Opcode.I16X8_RELAXED_DOT_I8X16_I7X16_S, s, 4);
        assertEquals(0x8000_8000_8000_8000L, s[0]);
        // a = all 1, b = all -1 (0xFF read signed), c = 10: each i32 lane is 10 - 4
        long[] t = {0x0101_0101_0101_0101L, 0x0101_0101_0101_0101L, -1L, -1L, i32s(10, 10), i32s(10, 10)};
        assertEquals(2, Simd.apply(Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, t, 6));
        assertEquals(i32s(6, 6), t[0]);
        assertEquals(i32s(6, 6), t[1]);
    }

    @Test
    void relaxedLaneselectAndSwizzleFollowTheirStrictCounterparts() {
        long[] s = {0x1111_1111_1111_1111L, 0x2222_2222_2222_2222L, 0x3333_3333_3333_3333L, 0x4444_4444_4444_4444L,
                0x00FF_00FF_00FF_00FFL, 0};
        Simd.apply(Opcode.I16X8_RELAXED_LANESELECT, s, 6);
        assertEquals(0x3311_3311_3311_3311L, s[0]);
        assertEquals(0x4444_4444_4444_4444L, s[1]);
        // index 16 and 0x80 give 0; index 15 picks the top byte
        long[] t = {0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L, 0x0000_0000_0080_100FL, 0};
        Simd.apply(Opcode.I8X16_RELAXED_SWIZZLE, t, 4);
        assertEquals(0x0F, t[0]);
        assertEquals(0, t[1]);
    }

    @Test
    void shiftCountsAreTakenModuloTheLaneWidth() {
        long[] s = {0x0101_0101_0101_0101L, 0x8080_8080_8080_8080L, 9};
        assertEquals(2, Simd.apply(Opcode.I8X16_SHL, s, 3));
        assertEquals(0x0202_0202_0202_0202L, s[0]);
        assertEquals(0, s[1]);
        s = new long[] {Long.MIN_VALUE, 4, 65};
        Simd.apply(Opcode.I64X2_SHR_S, s, 3);
        assertEquals(0xC000_0000_0000_0000L, s[0]);
        assertEquals(2, s[1]);
    }

    @Test
    void lanesAreLittleEndianAcrossTheTwoSlots() {
        long[] s = {0x0706_0504_0302_0100L, 0x8F8E_8D8C_8B8A_8988L};
        assertEquals(1, Simd.extractLane(Opcode.I8X16_EXTRACT_LANE_U, 15, s.clone(), 2));
        long[] t = s.clone();
        Simd.extractLane(Opcode.I8X16_EXTRACT_LANE_S, 15, t, 2);
        assertEquals(-0x71, (int) t[0]);
        t = s.clone();
        Simd.extractLane(Opcode.I16X8_EXTRACT_LANE_U, 4, t, 2);
        assertEquals(0x8988, (int) t[0]);
        t = s.clone();
        Simd.extractLane(Opcode.I32X4_EXTRACT_LANE, 1, t, 2);
        assertEquals(0x0706_0504, (int) t[0]);
        t = s.clone();
        Simd.extractLane(Opcode.I64X2_EXTRACT_LANE, 1, t, 2);
        assertEquals(0x8F8E_8D8C_8B8A_8988L, t[0]);

        long[] r = {0, 0, 0xABCD};
        assertEquals(2, Simd.replaceLane(Opcode.I16X8_REPLACE_LANE, 5, r, 3));
        assertEquals(0xABCD_0000L, r[1]);
        assertEquals(0, r[0]);
        r = new long[] {-1, -1, 0};
        Simd.replaceLane(Opcode.I8X16_REPLACE_LANE, 3, r, 3);
        assertEquals(0xFFFF_FFFF_00FF_FFFFL, r[0]);
        r = new long[] {0, 0, Float.floatToRawIntBits(-0f)};
        Simd.replaceLane(Opcode.F32X4_REPLACE_LANE, 3, r, 3);
        assertEquals(0x8000_0000_0000_0000L, r[1]);
    }

    @Test
    void shufflePicksFromBothOperands() {
        long[] s = {0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L, 0x1716_1514_1312_1110L, 0x1F1E_1D1C_1B1A_1918L};
        byte[] lanes = {31, 0, 16, 15, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 30};
        assertEquals(2, Simd.shuffle(lanes, s, 4));
        assertEquals(0x0101_0101_0F10_001FL, s[0]);
        assertEquals(0x1E03_0303_0202_0202L, s[1]);
    }

    @Test
    void splatAndBitmask() {
        long[] s = {0x1_2345_6780L, 0};
        assertEquals(2, Simd.apply(Opcode.I8X16_SPLAT, s, 1));
        assertEquals(0x8080_8080_8080_8080L, s[0]);
        assertEquals(0x8080_8080_8080_8080L, s[1]);
        assertEquals(1, Simd.apply(Opcode.I8X16_BITMASK, s, 2));
        assertEquals(0xFFFF, (int) s[0]);
        long[] t = {0x0000_8000_0000_0000L, 0x8000_0000_0000_0000L};
        Simd.apply(Opcode.I16X8_BITMASK, t, 2);
        assertEquals(0b1000_0100, (int) t[0]);
    }

    /** Every v128 instruction of the contract is handled with the stack effect of its type rule. */
    @Test
    void applyCoversEveryVectorInstructionWithoutImmediates() {
        int covered = 0;
        for (Opcode op : Opcode.values()) {
            String sig = op.sig();
            boolean inContract = sig != null && op.imm() == Imm.NONE && sig.indexOf('v') >= 0 && sig.indexOf('a') < 0;
            assertEquals(inContract, Simd.handles(op), op.mnemonic());
            if (!inContract) {
                continue;
            }
            int split = sig.indexOf('>');
            int in = slots(sig.substring(0, split)), out = slots(sig.substring(split + 1));
            long[] s = new long[8];
            java.util.Arrays.fill(s, 1);
            assertEquals(1 + out, Simd.apply(op, s, 1 + in), op.mnemonic());
            covered++;
        }
        assertTrue(covered > 200, "covered " + covered);
        assertThrows(IllegalArgumentException.class, () -> Simd.apply(Opcode.I32_ADD, new long[4], 2));
    }

    private static int slots(String types) {
        int n = 0;
        for (char c : types.toCharArray()) {
            n += c == 'v' ? 2 : 1;
        }
        return n;
    }
}
