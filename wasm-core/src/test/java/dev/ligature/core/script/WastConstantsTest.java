package dev.ligature.core.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.NumType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argument constants and result patterns; expected bit patterns are worked out by hand in comments. */
class WastConstantsTest {
    /** The single argument of {@code (invoke "f" arg)}. */
    private static WastValue arg(String constant) {
        var cmd = (Command.ActionCommand) WastParser.parse("(invoke \"f\" " + constant + ")").commands().get(0);
        List<WastValue> args = ((Action.Invoke) cmd.action()).args();
        assertEquals(1, args.size());
        return args.get(0);
    }

    /** The single result of {@code (assert_return (invoke "f") result)}. */
    private static Expected result(String pattern) {
        var cmd = (Command.AssertReturn) WastParser.parse("(assert_return (invoke \"f\") " + pattern + ")").commands().get(0);
        assertEquals(1, cmd.results().size());
        return cmd.results().get(0);
    }

    private static String argError(String constant) {
        return assertThrows(MalformedModuleException.class,
                () -> WastParser.parse("(invoke \"f\" " + constant + ")")).getMessage();
    }

    private static String resultError(String pattern) {
        return assertThrows(MalformedModuleException.class,
                () -> WastParser.parse("(assert_return (invoke \"f\") " + pattern + ")")).getMessage();
    }

    private static byte[] v128(String constant) {
        return assertInstanceOf(WastValue.V128.class, arg(constant)).bytes();
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void integers() {
        assertEquals(new WastValue.I32(-1), arg("(i32.const 0xffff_ffff)"));
        assertEquals(new WastValue.I32(Integer.MIN_VALUE), arg("(i32.const -2147483648)"));
        assertEquals(new WastValue.I32(42), arg("(i32.const +42)"));
        assertEquals(new WastValue.I64(-1L), arg("(i64.const 18446744073709551615)"));
        assertEquals(new WastValue.I64(0x1234_5678_9ABC_DEF0L), arg("(i64.const 0x1234_5678_9abc_def0)"));
        assertTrue(argError("(i32.const 4294967296)").startsWith("constant out of range"));
        assertTrue(argError("(i64.const 1.5)").startsWith("unexpected token"));
        assertTrue(argError("(i32.const)").startsWith("unexpected token"));
        assertTrue(argError("(i32.const 1 2)").startsWith("unexpected token"));
    }

    @Test
    void floatsByBits() {
        // 1.5 = 1.1b x 2^0: exponent 127 (0x3F8 << 20), fraction bit 22 set
        assertEquals(new WastValue.F32(0x3FC0_0000), arg("(f32.const 1.5)"));
        // the least negative subnormal: sign bit and fraction 1
        assertEquals(new WastValue.F32(0x8000_0001), arg("(f32.const -0x1p-149)"));
        assertEquals(new WastValue.F32(0x7F80_0000), arg("(f32.const inf)"));
        assertEquals(new WastValue.F32(0xFF80_0000), arg("(f32.const -inf)"));
        // a NaN keeps its payload and sign: quiet bit is 0x40_0000, so 0x20_0000 is signalling
        assertEquals(new WastValue.F32(0x7FA0_0000), arg("(f32.const nan:0x200000)"));
        assertEquals(new WastValue.F32(0xFFC0_0000), arg("(f32.const -nan)"));
        // 0.1 in binary64 is 0x3FB999999999999A (the 9s round up to A)
        assertEquals(new WastValue.F64(0x3FB9_9999_9999_999AL), arg("(f64.const 0.1)"));
        assertEquals(new WastValue.F64(0x7FF0_0000_0000_0001L), arg("(f64.const nan:0x1)"));
        assertEquals(new WastValue.F64(0x8000_0000_0000_0000L), arg("(f64.const -0)"));
        // integers are float literals too
        assertEquals(new WastValue.F64(0x4000_0000_0000_0000L), arg("(f64.const 2)"));
        assertTrue(argError("(f32.const 0x1p128)").startsWith("constant out of range"));
        assertTrue(argError("(f32.const nan:canonical)").startsWith("unexpected token"));
        assertTrue(argError("(f32.const abc)").startsWith("unexpected token"));
    }

    @Test
    void nanPatternsInResults() {
        assertEquals(new Expected.CanonicalNan(NumType.F32), result("(f32.const nan:canonical)"));
        assertEquals(new Expected.ArithmeticNan(NumType.F32), result("(f32.const nan:arithmetic)"));
        assertEquals(new Expected.CanonicalNan(NumType.F64), result("(f64.const nan:canonical)"));
        assertEquals(new Expected.ArithmeticNan(NumType.F64), result("(f64.const nan:arithmetic)"));
        assertEquals(new Expected.Exact(new WastValue.F32(0x7FC0_0000)), result("(f32.const nan)"));
        assertTrue(resultError("(i32.const nan:canonical)").startsWith("unexpected token"));
    }

    @Test
    void vectorLanesAreLittleEndian() {
        assertArrayEquals(bytes(0xFF, 0xFF, 0x80, 0x7F, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
                v128("(v128.const i8x16 -1 255 -128 127 0 1 2 3 4 5 6 7 8 9 10 11)"));
        assertArrayEquals(bytes(0x02, 0x01, 0xFF, 0xFF, 0x00, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                v128("(v128.const i16x8 0x0102 -1 -32768 0 0 0 0 0)"));
        assertArrayEquals(bytes(0x04, 0x03, 0x02, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0x80),
                v128("(v128.const i32x4 0x01020304 4294967295 0 -2147483648)"));
        assertArrayEquals(bytes(8, 7, 6, 5, 4, 3, 2, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF),
                v128("(v128.const i64x2 0x0102030405060708 -1)"));
        // 1.0f = 0x3F800000, -2.0f = 0xC0000000
        assertArrayEquals(bytes(0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0, 0, 0, 0xC0, 0x7F, 0, 0, 0, 0),
                v128("(v128.const f32x4 1 -2 nan 0)"));
        // 1.0 = 0x3FF0000000000000
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0xF0, 0xFF),
                v128("(v128.const f64x2 1.0 -inf)"));
    }

    @Test
    void vectorLaneRangesAndCounts() {
        assertTrue(argError("(v128.const i8x16 256 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)").startsWith("constant out of range"));
        assertTrue(argError("(v128.const i8x16 -129 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)").startsWith("constant out of range"));
        assertTrue(argError("(v128.const i16x8 65536 0 0 0 0 0 0 0)").startsWith("constant out of range"));
        // 2^64-1 is a valid i64 literal but no i8
        assertTrue(argError("(v128.const i8x16 0xffffffffffffffff 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)")
                .startsWith("constant out of range"));
        assertTrue(argError("(v128.const i32x4 1 2 3)").startsWith("unexpected token"));
        assertTrue(argError("(v128.const i32x4 1 2 3 4 5)").startsWith("unexpected token"));
        assertTrue(argError("(v128.const i128x1 1)").startsWith("unexpected token"));
    }

    @Test
    void vectorResultsWithNanLanesKeepTheLanes() {
        Expected e = result("(v128.const f32x4 nan:canonical 1 nan:arithmetic -0)");
        assertEquals(new Expected.V128Lanes("f32x4", List.of(
                new Expected.CanonicalNan(NumType.F32),
                new Expected.Exact(new WastValue.F32(0x3F80_0000)),
                new Expected.ArithmeticNan(NumType.F32),
                new Expected.Exact(new WastValue.F32(0x8000_0000)))), e);
        assertEquals(new Expected.V128Lanes("f64x2", List.of(
                new Expected.Exact(new WastValue.F64(0x4000_0000_0000_0000L)),
                new Expected.ArithmeticNan(NumType.F64))), result("(v128.const f64x2 2 nan:arithmetic)"));
        // without patterns, a result is the exact 16 bytes
        var exact = assertInstanceOf(Expected.Exact.class, result("(v128.const f32x4 1 1 1 1)"));
        assertArrayEquals(bytes(0, 0, 0x80, 0x3F, 0, 0, 0x80, 0x3F, 0, 0, 0x80, 0x3F, 0, 0, 0x80, 0x3F),
                ((WastValue.V128) exact.value()).bytes());
        assertTrue(resultError("(v128.const i32x4 nan:canonical 0 0 0)").startsWith("unexpected token"));
    }

    @Test
    void references() {
        assertEquals(new WastValue.RefNull(AbsHeapType.FUNC), arg("(ref.null func)"));
        assertEquals(new WastValue.RefNull(AbsHeapType.EXTERN), arg("(ref.null extern)"));
        assertEquals(new WastValue.RefNull(AbsHeapType.NOEXN), arg("(ref.null noexn)"));
        assertEquals(new WastValue.RefNull(AbsHeapType.NONE), arg("(ref.null none)"));
        assertEquals(new WastValue.RefExtern(7), arg("(ref.extern 7)"));
        assertEquals(new WastValue.RefHost(0x10), arg("(ref.host 0x10)"));
        assertTrue(argError("(ref.null $t)").startsWith("unknown heap type"));
        assertTrue(argError("(ref.null 0)").startsWith("unknown heap type"));
        assertTrue(argError("(ref.null funcref)").startsWith("unknown heap type"));
        assertTrue(argError("(ref.null)").startsWith("unexpected token"));
        assertTrue(argError("(ref.extern)").startsWith("unexpected token"));
        assertTrue(argError("(ref.extern -1)").startsWith("unexpected token"));
        assertTrue(argError("(ref.func)").startsWith("unexpected token"));
    }

    @Test
    void referencePatternsInResults() {
        assertEquals(new Expected.AnyNull(), result("(ref.null)"));
        assertEquals(new Expected.Exact(new WastValue.RefNull(AbsHeapType.ANY)), result("(ref.null any)"));
        assertEquals(new Expected.AnyRef("extern"), result("(ref.extern)"));
        assertEquals(new Expected.Exact(new WastValue.RefExtern(1)), result("(ref.extern 1)"));
        for (String kind : List.of("func", "any", "eq", "i31", "struct", "array", "exn")) {
            assertEquals(new Expected.AnyRef(kind), result("(ref." + kind + ")"));
        }
        assertTrue(resultError("(ref.cast)").startsWith("unexpected token"));
        assertTrue(resultError("(ref.func 1)").startsWith("unexpected token"));
    }

    @Test
    void eitherHoldsAlternatives() {
        assertEquals(new Expected.Either(List.of(
                new Expected.Exact(new WastValue.I32(1)),
                new Expected.CanonicalNan(NumType.F32),
                new Expected.Either(List.of(new Expected.AnyNull())))),
                result("(either (i32.const 1) (f32.const nan:canonical) (either (ref.null)))"));
        assertTrue(resultError("(either)").startsWith("unexpected token"));
        String deep = "(either ".repeat(100) + "(i32.const 0)" + ")".repeat(100);
        assertTrue(resultError(deep).startsWith("unexpected token"));
        assertTrue(argError("(either (i32.const 1))").startsWith("unexpected token"));
    }
}
