package dev.ligature.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextNumbersTest {
    @Test
    void integersAcceptSignedAndUnsignedRanges() {
        assertEquals(-1, TextNumbers.parseI32("0xffff_ffff"));
        assertEquals(Integer.MIN_VALUE, TextNumbers.parseI32("-2147483648"));
        assertEquals(-1L, TextNumbers.parseI64("18446744073709551615"));
        assertEquals(Long.MIN_VALUE, TextNumbers.parseI64("-0x8000000000000000"));
        assertEquals(255L, TextNumbers.parseU32("0xff"));
        assertThrows(TextNumbers.OutOfRange.class, () -> TextNumbers.parseI32("4294967296"));
        assertThrows(TextNumbers.OutOfRange.class, () -> TextNumbers.parseI32("-2147483649"));
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseI32("1__0"));
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseI32("_1"));
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseU32("+1"));
    }

    @Test
    void floatsRoundToNearestEven() {
        // 2^-149 is the least f32 subnormal; half of it rounds to zero, a bit more to it.
        assertEquals(0x1, TextNumbers.parseF32("0x1p-149"));
        assertEquals(0x0, TextNumbers.parseF32("0x1p-150"));
        assertEquals(0x1, TextNumbers.parseF32("0x1.000001p-150"));
        // 1 + 2^-24 is halfway between 1 and the next f32; ties go to even (1.0).
        assertEquals(0x3F80_0000, TextNumbers.parseF32("0x1.000001p0"));
        assertEquals(0x3F80_0001, TextNumbers.parseF32("0x1.0000011p0"));
        assertEquals(0x7F7F_FFFF, TextNumbers.parseF32("0x1.fffffefffffffp127"));
        assertThrows(TextNumbers.OutOfRange.class, () -> TextNumbers.parseF32("0x1p128"));
        assertThrows(TextNumbers.OutOfRange.class, () -> TextNumbers.parseF32("1e39"));
        assertEquals(Double.doubleToRawLongBits(0.1), TextNumbers.parseF64("0.1"));
        assertEquals(Double.doubleToRawLongBits(1e300), TextNumbers.parseF64("1_000e2_97"));
        assertEquals(Double.doubleToRawLongBits(-0.0), TextNumbers.parseF64("-0"));
        assertEquals(Double.doubleToRawLongBits(24.0), TextNumbers.parseF64("0x18"));
        assertEquals(Double.doubleToRawLongBits(1.5), TextNumbers.parseF64("0x1.8"));
    }

    @Test
    void nanAndInfinity() {
        assertEquals(0x7FC0_0000, TextNumbers.parseF32("nan"));
        assertEquals(0xFF80_0000, TextNumbers.parseF32("-inf"));
        assertEquals(0x7F80_0001, TextNumbers.parseF32("nan:0x1"));
        assertEquals(0xFFF0_0000_0000_0001L, TextNumbers.parseF64("-nan:0x1"));
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseF32("nan:0x0"));
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseF32("nan:0x800000"));
    }

    @Test
    void javaOnlySyntaxIsRejected() {
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseF64("1.0d"));
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseF64("1.0f"));
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseF64("Infinity"));
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseF64(".5"));
        assertThrows(NumberFormatException.class, () -> TextNumbers.parseF64("1e"));
    }
}
