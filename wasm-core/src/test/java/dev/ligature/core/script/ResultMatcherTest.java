package dev.ligature.core.script;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMatcherTest {
    private final ResultMatcher matcher = new ResultMatcher((kind, ref) -> kind.equals("func") && ref instanceof Runnable);

    private String match(Expected e, ValType t, long[] slots, Object... refs) {
        Object[] r = new Object[slots.length];
        System.arraycopy(refs, 0, r, 0, refs.length);
        return matcher.match(List.of(e), List.of(t), slots, r);
    }

    private static Expected exact(WastValue v) {
        return new Expected.Exact(v);
    }

    @Test
    void floatsCompareByBits() {
        assertNull(match(exact(new WastValue.F32(0x3F80_0000)), NumType.F32, new long[] {0x3F80_0000}));
        // -0.0 is not 0.0
        assertNotNull(match(exact(new WastValue.F32(0)), NumType.F32, new long[] {0x8000_0000L}));
        assertNotNull(match(exact(new WastValue.F64(0)), NumType.F64, new long[] {0x8000_0000_0000_0000L}));
    }

    @Test
    void nanClasses() {
        // canonical: quiet bit only, either sign
        assertNull(match(new Expected.CanonicalNan(NumType.F32), NumType.F32, new long[] {0xFFC0_0000L}));
        assertNotNull(match(new Expected.CanonicalNan(NumType.F32), NumType.F32, new long[] {0x7FC0_0001L}));
        // arithmetic: quiet bit set, any payload
        assertNull(match(new Expected.ArithmeticNan(NumType.F32), NumType.F32, new long[] {0x7FC0_0001L}));
        assertNotNull(match(new Expected.ArithmeticNan(NumType.F32), NumType.F32, new long[] {0x7F80_0001L}));
        assertNull(match(new Expected.ArithmeticNan(NumType.F64), NumType.F64, new long[] {0x7FF8_0000_0000_0001L}));
        assertNotNull(match(new Expected.CanonicalNan(NumType.F64), NumType.F64, new long[] {0x3FF0_0000_0000_0000L}));
    }

    @Test
    void v128ExactAndByLane() {
        byte[] bytes = new byte[16];
        bytes[0] = 1;
        bytes[15] = (byte) 0x80;
        assertNull(match(exact(new WastValue.V128(bytes)), VecType.V128, new long[] {1, 0x8000_0000_0000_0000L}));
        Expected lanes = new Expected.V128Lanes("f32x4", List.of(new Expected.CanonicalNan(NumType.F32),
                exact(new WastValue.F32(0x3F80_0000)), new Expected.ArithmeticNan(NumType.F32),
                exact(new WastValue.F32(0))));
        long lo = 0x3F80_0000_7FC0_0000L; // lane 1 = 1.0f, lane 0 = canonical NaN
        long hi = 0x0000_0000_7FC0_1234L; // lane 3 = 0.0f, lane 2 = arithmetic NaN
        assertNull(match(lanes, VecType.V128, new long[] {lo, hi}));
        assertNotNull(match(lanes, VecType.V128, new long[] {lo, 0x8000_0000_7FC0_1234L}));
    }

    @Test
    void referencesAndAlternatives() {
        RefType funcref = RefType.FUNCREF;
        Runnable f = () -> {};
        assertNull(match(new Expected.AnyRef("func"), funcref, new long[1], f));
        assertNotNull(match(new Expected.AnyRef("func"), funcref, new long[1]));
        assertNull(match(new Expected.AnyNull(), funcref, new long[1]));
        assertNull(match(exact(new WastValue.RefNull(AbsHeapType.FUNC)), funcref, new long[1]));
        assertNull(match(exact(new WastValue.RefExtern(7)), RefType.EXTERNREF, new long[1], new ScriptValues.Extern(7)));
        assertNotNull(match(exact(new WastValue.RefExtern(7)), RefType.EXTERNREF, new long[1], new ScriptValues.Extern(8)));
        Expected either = new Expected.Either(List.of(exact(new WastValue.I32(1)), exact(new WastValue.I32(2))));
        assertNull(match(either, NumType.I32, new long[] {2}));
        assertNotNull(match(either, NumType.I32, new long[] {3}));
    }

    @Test
    void arityMismatchIsReported() {
        assertNotNull(matcher.match(List.of(), List.of(NumType.I32), new long[1], new Object[1]));
    }
}
