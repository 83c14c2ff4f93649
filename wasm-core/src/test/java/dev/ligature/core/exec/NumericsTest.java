package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.instr.Imm;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.runtime.Trap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The corners of the scalar numeric semantics, with expected values worked out from the spec. */
class NumericsTest {
    private static void traps(Trap.Kind kind, Executable e) {
        Trap t = assertThrows(Trap.class, e);
        assertEquals(kind, t.kind());
        assertEquals(kind.phrase(), t.getMessage());
    }

    private static int bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    @Test
    void unsignedI64ToF32RoundsOnceToNearestEven() {
        // the f32 spacing at 2^63 is 2^40; 2^63 + 2^39 is a tie between 2^63 (even) and 2^63 + 2^40
        assertEquals(0x5F00_0000, bits(Numerics.f32ConvertI64U(0x8000_0000_0000_0000L)));
        assertEquals(0x5F00_0000, bits(Numerics.f32ConvertI64U(0x8000_0080_0000_0000L)));
        // one past the tie must round up: halving without a sticky bit would lose the 1 and round down
        assertEquals(0x5F00_0001, bits(Numerics.f32ConvertI64U(0x8000_0080_0000_0001L)));
        // 2^63 + 3 * 2^39: tie between 2^63 + 2^40 (odd) and 2^63 + 2^41 (even)
        assertEquals(0x5F00_0002, bits(Numerics.f32ConvertI64U(0x8000_0180_0000_0000L)));
        // 2^64 - 1 rounds up to 2^64
        assertEquals(0x5F80_0000, bits(Numerics.f32ConvertI64U(-1L)));
        assertEquals(0x5F00_0000, bits(Numerics.f32ConvertI64U(Long.MAX_VALUE)));
        assertEquals(0x3F80_0000, bits(Numerics.f32ConvertI64U(1)));
    }

    @Test
    void unsignedI64ToF64RoundsOnceToNearestEven() {
        // the f64 spacing at 2^63 is 2^11
        assertEquals(0x43E0_0000_0000_0000L, bits(Numerics.f64ConvertI64U(0x8000_0000_0000_0400L)));
        assertEquals(0x43E0_0000_0000_0001L, bits(Numerics.f64ConvertI64U(0x8000_0000_0000_0401L)));
        assertEquals(0x43E0_0000_0000_0002L, bits(Numerics.f64ConvertI64U(0x8000_0000_0000_0C00L)));
        assertEquals(0x43F0_0000_0000_0000L, bits(Numerics.f64ConvertI64U(-1L)));
    }

    @Test
    void unsignedI32Conversions() {
        assertEquals(4294967296f, Numerics.f32ConvertI32U(-1));
        assertEquals(4294967295.0, Numerics.f64ConvertI32U(-1));
        assertEquals(2147483648f, Numerics.f32ConvertI32U(Integer.MIN_VALUE));
    }

    @Test
    void nearestRoundsTiesToEvenAndKeepsTheSignOfZero() {
        assertEquals(0, bits(Numerics.f32Nearest(0.5f)));
        assertEquals(0x8000_0000, bits(Numerics.f32Nearest(-0.5f)));
        assertEquals(2f, Numerics.f32Nearest(1.5f));
        assertEquals(2f, Numerics.f32Nearest(2.5f));
        assertEquals(-2f, Numerics.f32Nearest(-2.5f));
        assertEquals(8388608f, Numerics.f32Nearest(8388607.5f)); // 2^23 - 0.5: tie, even neighbour is 2^23
        assertEquals(4503599627370496.0, Numerics.f64Nearest(4503599627370495.5));
        assertEquals(0x8000_0000_0000_0000L, bits(Numerics.f64Nearest(-0.25)));
        assertEquals(0x8000_0000, bits(Numerics.f32Ceil(-0.5f)));
        assertEquals(0x8000_0000, bits(Numerics.f32Trunc(-0.75f)));
        assertEquals(-1f, Numerics.f32Floor(-0.25f));
    }

    @Test
    void roundingQuietsSignalingNans() {
        float snan = Float.intBitsToFloat(0x7FA0_0000);
        for (float r : new float[] {Numerics.f32Ceil(snan), Numerics.f32Floor(snan), Numerics.f32Trunc(snan),
                Numerics.f32Nearest(snan)}) {
            assertEquals(0x7FC0_0000, bits(r) & 0x7FC0_0000);
        }
    }

    @Test
    void truncatingConversionsTrapAtTheirBounds() {
        // 2147483647.5 is not an f32: the literal is 2^31, one past the range
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i32TruncF32S(2147483647.5f));
        assertEquals(2147483520, Numerics.i32TruncF32S(2147483520f)); // largest f32 below 2^31
        assertEquals(Integer.MIN_VALUE, Numerics.i32TruncF32S(-2147483648f));
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i32TruncF32S(-2147483904f));
        assertEquals(Integer.MAX_VALUE, Numerics.i32TruncF64S(2147483647.9));
        assertEquals(Integer.MIN_VALUE, Numerics.i32TruncF64S(-2147483648.9));
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i32TruncF64S(-2147483649.0));
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i32TruncF64S(2147483648.0));
        assertEquals(0, Numerics.i32TruncF32U(-0.9f));
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i32TruncF32U(-1f));
        assertEquals(0xFFFF_FF00, Numerics.i32TruncF32U(4294967040f));
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i32TruncF32U(4294967296f));
        assertEquals(-1, Numerics.i32TruncF64U(4294967295.9));
        assertEquals(0xFFFF_FFFF_FFFF_F800L, Numerics.i64TruncF64U(18446744073709549568.0));
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i64TruncF64U(18446744073709551616.0));
        assertEquals(0x8000_0000_0000_0000L, Numerics.i64TruncF64U(9223372036854775808.0));
        assertEquals(Long.MIN_VALUE, Numerics.i64TruncF64S(-9223372036854775808.0));
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i64TruncF64S(9223372036854775807.0)); // is 2^63
        assertEquals(0xFFFF_FF00_0000_0000L, Numerics.i64TruncF32U(18446742974197923840f));
        traps(Trap.Kind.INVALID_CONVERSION, () -> Numerics.i32TruncF32S(Float.NaN));
        traps(Trap.Kind.INVALID_CONVERSION, () -> Numerics.i64TruncF64U(Double.NaN));
    }

    @Test
    void saturatingConversionsClampAndMapNanToZero() {
        assertEquals(0, Numerics.i32TruncSatF32U(Float.NaN));
        assertEquals(0, Numerics.i32TruncSatF32U(-5f));
        assertEquals(-1, Numerics.i32TruncSatF32U(5e9f));
        assertEquals(Integer.MAX_VALUE, Numerics.i32TruncSatF64S(1e10));
        assertEquals(Integer.MIN_VALUE, Numerics.i32TruncSatF32S(Float.NEGATIVE_INFINITY));
        assertEquals(-1L, Numerics.i64TruncSatF64U(1e30));
        assertEquals(0L, Numerics.i64TruncSatF64U(Double.NaN));
        assertEquals(0x8000_0000_0000_0000L, Numerics.i64TruncSatF32U(9223372036854775808f));
        assertEquals(Long.MIN_VALUE, Numerics.i64TruncSatF64S(-1e30));
    }

    @Test
    void minAndMaxOrderZerosAndPropagateNans() {
        assertEquals(0x8000_0000, bits(Numerics.f32Min(0f, -0f)));
        assertEquals(0x8000_0000, bits(Numerics.f32Min(-0f, 0f)));
        assertEquals(0, bits(Numerics.f32Max(-0f, 0f)));
        assertEquals(0, bits(Numerics.f32Max(0f, -0f)));
        assertEquals(0x8000_0000_0000_0000L, bits(Numerics.f64Min(0.0, -0.0)));
        assertEquals(0L, bits(Numerics.f64Max(-0.0, 0.0)));
        float snan = Float.intBitsToFloat(0x7FA0_0000);
        assertEquals(0x7FC0_0000, bits(Numerics.f32Min(snan, 1f)) & 0x7FC0_0000, "quiet NaN");
        assertEquals(0x7FC0_0000, bits(Numerics.f32Max(1f, Float.NaN)) & 0x7FFF_FFFF, "canonical stays canonical");
        assertTrue(Double.isNaN(Numerics.f64Min(Double.NaN, Double.NEGATIVE_INFINITY)));
        assertEquals(Double.NEGATIVE_INFINITY, Numerics.f64Min(-1.0, Double.NEGATIVE_INFINITY));
    }

    @Test
    void signOperationsKeepNanPayloads() {
        float nan = Float.intBitsToFloat(0x7FC0_0001);
        assertEquals(0xFFC0_0001, bits(Numerics.f32Copysign(nan, -1f)));
        assertEquals(0xFFC0_0001, bits(Numerics.f32Neg(nan)));
        assertEquals(0x7FA0_0000, bits(Numerics.f32Abs(Float.intBitsToFloat(0xFFA0_0000))));
        assertEquals(0x7FF0_0000_0000_0001L, bits(Numerics.f64Abs(Double.longBitsToDouble(0xFFF0_0000_0000_0001L))));
    }

    @Test
    void demoteAndPromoteQuietNansAndKeepTheirSign() {
        float d = Numerics.f32DemoteF64(Double.longBitsToDouble(0x7FF4_0000_0000_0000L)); // signalling
        assertEquals(0x7FE0_0000, bits(d)); // quiet bit set, top payload bit kept
        assertEquals(0xFFC0_0000, bits(Numerics.f32DemoteF64(Double.longBitsToDouble(0xFFF8_0000_0000_0000L))));
        assertEquals(0x7FF8_0000_0000_0000L, bits(Numerics.f64PromoteF32(Float.NaN)));
        assertEquals(0x7FFC_0000_0000_0000L, bits(Numerics.f64PromoteF32(Float.intBitsToFloat(0x7FA0_0000))));
        assertEquals(Float.POSITIVE_INFINITY, Numerics.f32DemoteF64(1e300));
        assertEquals(0x8000_0000, bits(Numerics.f32DemoteF64(-Double.MIN_VALUE)));
    }

    @Test
    void integerDivisionTrapsAndWraps() {
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i32DivS(Integer.MIN_VALUE, -1));
        traps(Trap.Kind.INTEGER_DIVIDE_BY_ZERO, () -> Numerics.i32DivS(1, 0));
        traps(Trap.Kind.INTEGER_DIVIDE_BY_ZERO, () -> Numerics.i32RemS(Integer.MIN_VALUE, 0));
        traps(Trap.Kind.INTEGER_DIVIDE_BY_ZERO, () -> Numerics.i64RemU(1, 0));
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.i64DivS(Long.MIN_VALUE, -1));
        assertEquals(0, Numerics.i32RemS(Integer.MIN_VALUE, -1));
        assertEquals(0L, Numerics.i64RemS(Long.MIN_VALUE, -1));
        assertEquals(-1, Numerics.i32RemS(-7, 2));
        assertEquals(0x7FFF_FFFF, Numerics.i32DivU(-1, 2));
        assertEquals(0, Numerics.i32RemU(-1, 3)); // 4294967295 = 3 * 1431655765
        assertEquals(0x7FFF_FFFF_FFFF_FFFFL, Numerics.i64DivU(-1L, 2));
    }

    @Test
    void bitCountsRotatesAndSignExtensions() {
        assertEquals(32, Numerics.i32Clz(0));
        assertEquals(32, Numerics.i32Ctz(0));
        assertEquals(64L, Numerics.i64Ctz(0));
        assertEquals(3, Numerics.i32Rotl(0x8000_0001, 33));
        assertEquals(0x8000_0000_0000_0000L, Numerics.i64Rotr(1, 65));
        assertEquals(-128, Numerics.i32Extend8S(0x80));
        assertEquals(127, Numerics.i32Extend8S(0x17F));
        assertEquals(-32768, Numerics.i32Extend16S(0x8000));
        assertEquals(-2147483648L, Numerics.i64Extend32S(0x8000_0000L));
        assertEquals(0xFFFF_FFFFL, Numerics.i64ExtendI32U(-1));
    }

    @Test
    void applyWorksOnSlotsAndReturnsTheNewStackTop() {
        long[] s = {99, 7, 2};
        assertEquals(2, Numerics.apply(Opcode.I32_SUB, s, 3));
        assertEquals(5, (int) s[1]);
        assertEquals(99, s[0], "slots below the operands are untouched");
        s = new long[] {0x1_2345_6789L};
        assertEquals(1, Numerics.apply(Opcode.I32_WRAP_I64, s, 1));
        assertEquals(0x2345_6789, (int) s[0]);
        s = new long[] {0x7FC0_0001L};
        Numerics.apply(Opcode.F32_NEG, s, 1);
        assertEquals(0xFFC0_0001, (int) s[0]);
        s = new long[] {Float.floatToRawIntBits(-1.5f)};
        Numerics.apply(Opcode.F64_PROMOTE_F32, s, 1);
        assertEquals(-1.5, Double.longBitsToDouble(s[0]));
        long[] t = {Integer.MIN_VALUE, -1};
        traps(Trap.Kind.INTEGER_OVERFLOW, () -> Numerics.apply(Opcode.I32_DIV_S, t, 2));
        long[] u = {1, 0};
        traps(Trap.Kind.INTEGER_DIVIDE_BY_ZERO, () -> Numerics.apply(Opcode.I64_REM_U, u, 2));
    }

    @Test
    void thirtyTwoBitOperandsAreReadFromTheLowHalfOnly() {
        long junk = 0xDEAD_BEEF_0000_0000L;
        long[] s = {junk | 5, junk | 7};
        Numerics.apply(Opcode.I32_ADD, s, 2);
        assertEquals(12, (int) s[0]);
        s = new long[] {junk};
        Numerics.apply(Opcode.I32_EQZ, s, 1);
        assertEquals(1, (int) s[0]);
        s = new long[] {junk | 0xFFFF_FFFFL};
        Numerics.apply(Opcode.I64_EXTEND_I32_U, s, 1);
        assertEquals(0xFFFF_FFFFL, s[0]);
        s = new long[] {junk | 0x8000_0000L};
        Numerics.apply(Opcode.I64_EXTEND_I32_S, s, 1);
        assertEquals(Integer.MIN_VALUE, s[0]);
        s = new long[] {junk | Float.floatToRawIntBits(1.5f), junk | Float.floatToRawIntBits(2f)};
        Numerics.apply(Opcode.F32_MUL, s, 2);
        assertEquals(3f, Float.intBitsToFloat((int) s[0]));
        s = new long[] {junk | Float.floatToRawIntBits(2.5f)};
        Numerics.apply(Opcode.F64_PROMOTE_F32, s, 1);
        assertEquals(2.5, Double.longBitsToDouble(s[0]));
        s = new long[] {junk | 1, junk | 33};
        Numerics.apply(Opcode.I64_SHL, s, 2);
        assertEquals(junk << 33 | 1L << 33, s[0], "an i64 operand is the whole slot");
    }

    /** Every instruction of the contract (type rule over i/I/f/F only, no immediates) is handled with its stack effect. */
    @Test
    void applyCoversEveryScalarInstructionOfTheTable() {
        int covered = 0;
        for (Opcode op : Opcode.values()) {
            String sig = op.sig();
            boolean inContract = sig != null && op.imm() == Imm.NONE && sig.matches("[iIfF]*>[iIfF]*");
            assertEquals(inContract, Numerics.handles(op), op.mnemonic());
            if (!inContract) {
                continue;
            }
            int params = sig.indexOf('>');
            int results = sig.length() - params - 1;
            long[] s = new long[4];
            java.util.Arrays.fill(s, 1); // 1 is a valid divisor and truncates without trapping
            assertEquals(1 + results, Numerics.apply(op, s, 1 + params), op.mnemonic());
            covered++;
        }
        assertTrue(covered > 120, "covered " + covered);
        assertThrows(IllegalArgumentException.class, () -> Numerics.apply(Opcode.I8X16_ADD, new long[4], 4));
    }
}
