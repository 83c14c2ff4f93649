package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ligature.core.runtime.Trap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Conversions and lane kernels against independent references: exact arithmetic in
 * {@link BigInteger} / {@link BigDecimal} (whose float conversions round correctly), and plain
 * lane-by-lane loops for the SWAR kernels.
 */
class NumericsProperties {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static BigInteger unsigned(long x) {
        BigInteger b = BigInteger.valueOf(x);
        return x < 0 ? b.add(TWO_64) : b;
    }

    /** Longs with the high bit set and the low bits near rounding ties, plus arbitrary ones. */
    @Provide
    Arbitrary<Long> nearTies() {
        Arbitrary<Long> high = Arbitraries.longs().map(x -> x | Long.MIN_VALUE);
        Arbitrary<Long> tie = Arbitraries.integers().between(0, 63).flatMap(bit -> Arbitraries.longs()
                .between(-2, 2).map(d -> (Long.MIN_VALUE | (1L << bit)) + d));
        return Arbitraries.oneOf(high, tie, Arbitraries.longs());
    }

    @Property(tries = 3000)
    void unsignedI64ToF32IsCorrectlyRounded(@ForAll("nearTies") long x) {
        assertEquals(unsigned(x).floatValue(), Numerics.f32ConvertI64U(x), Long.toUnsignedString(x));
    }

    @Property(tries = 3000)
    void unsignedI64ToF64IsCorrectlyRounded(@ForAll("nearTies") long x) {
        assertEquals(unsigned(x).doubleValue(), Numerics.f64ConvertI64U(x), Long.toUnsignedString(x));
    }

    @Provide
    Arbitrary<Double> around64BitRange() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-2.0, 2.0),
                Arbitraries.doubles().between(-1e19, 2e19),
                Arbitraries.longs().map(bits -> Double.longBitsToDouble(bits)),
                Arbitraries.of(18446744073709551616.0, 18446744073709549568.0, 9223372036854775808.0,
                        -9223372036854775808.0, -1.0, -0.999, 4294967296.0, 4294967295.5, 2147483648.0, -2147483649.0,
                        -2147483648.5));
    }

    /** trunc_u traps exactly when the truncated value leaves [0, 2^64), else it is that value. */
    @Property(tries = 3000)
    void unsignedI64TruncationMatchesExactArithmetic(@ForAll("around64BitRange") double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return;
        }
        BigInteger t = new BigDecimal(x).setScale(0, RoundingMode.DOWN).toBigInteger();
        boolean fits = t.signum() >= 0 && t.compareTo(TWO_64) < 0;
        if (fits) {
            assertEquals(t.longValue(), Numerics.i64TruncF64U(x));
            assertEquals(t.longValue(), Numerics.i64TruncSatF64U(x));
        } else {
            assertEquals(Trap.Kind.INTEGER_OVERFLOW, trapKind(() -> Numerics.i64TruncF64U(x)));
            assertEquals(t.signum() < 0 ? 0L : -1L, Numerics.i64TruncSatF64U(x));
        }
    }

    @Property(tries = 3000)
    void i32TruncationsMatchExactArithmetic(@ForAll("around64BitRange") double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return;
        }
        BigInteger t = new BigDecimal(x).setScale(0, RoundingMode.DOWN).toBigInteger();
        boolean fitsS = t.bitLength() < 32;
        boolean fitsU = t.signum() >= 0 && t.bitLength() <= 32;
        if (fitsS) {
            assertEquals(t.intValue(), Numerics.i32TruncF64S(x));
        } else {
            assertEquals(Trap.Kind.INTEGER_OVERFLOW, trapKind(() -> Numerics.i32TruncF64S(x)));
        }
        if (fitsU) {
            assertEquals(t.intValue(), Numerics.i32TruncF64U(x));
        } else {
            assertEquals(Trap.Kind.INTEGER_OVERFLOW, trapKind(() -> Numerics.i32TruncF64U(x)));
        }
        float f = (float) x;
        if (Float.isInfinite(f)) {
            return;
        }
        BigInteger tf = new BigDecimal(f).setScale(0, RoundingMode.DOWN).toBigInteger();
        if (tf.signum() >= 0 && tf.bitLength() <= 32) {
            assertEquals(tf.intValue(), Numerics.i32TruncF32U(f));
            assertEquals(tf.intValue(), Numerics.i32TruncSatF32U(f));
        } else {
            assertEquals(Trap.Kind.INTEGER_OVERFLOW, trapKind(() -> Numerics.i32TruncF32U(f)));
        }
        if (tf.bitLength() < 64) {
            assertEquals(tf.longValue(), Numerics.i64TruncF32S(f));
        } else {
            assertEquals(Trap.Kind.INTEGER_OVERFLOW, trapKind(() -> Numerics.i64TruncF32S(f)));
        }
    }

    private static Trap.Kind trapKind(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Trap t) {
            return t.kind();
        }
    }

    // ------------------------------------------------------------ SWAR lane kernels vs lane loops

    private static long reference(int w, long a, long b, java.util.function.LongBinaryOperator op) {
        long m = w == 64 ? -1 : (1L << w) - 1;
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            long x = (a >>> i) & m, y = (b >>> i) & m;
            r |= (op.applyAsLong(x, y) & m) << i;
        }
        return r;
    }

    @Provide
    Arbitrary<Integer> widths() {
        return Arbitraries.of(8, 16, 32);
    }

    /** Halves with many equal, zero, all-ones and top-bit lanes, which is where carries go wrong. */
    @Provide
    Arbitrary<Long> halves() {
        return Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.of(0L, -1L, 0x8080_8080_8080_8080L, 0x7F7F_7F7F_7F7F_7F7FL, 0x8000_0000_8000_0000L,
                        0x0001_0000_FFFF_8000L, 0x00FF_0080_7F01_FE00L));
    }

    @Property(tries = 2000)
    void swarAddSubEqMatchLaneLoops(@ForAll("widths") int w, @ForAll("halves") long a, @ForAll("halves") long b) {
        assertEquals(reference(w, a, b, Long::sum), SimdInt.add(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> x - y), SimdInt.sub(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> x == y ? -1 : 0), SimdInt.eq(w, a, b));
        assertEquals(-1L, SimdInt.eq(w, a, a));
        assertEquals(reference(w, 0, a, (x, y) -> -y), SimdInt.un(w, SimdInt.NEG, a));
    }

    @Property(tries = 3000)
    void saturatingMinMaxAverageAndOrderMatchLaneLoops(@ForAll("widths") int w, @ForAll("halves") long a,
            @ForAll("halves") long b) {
        long smin = -(1L << (w - 1)), smax = (1L << (w - 1)) - 1, umax = (1L << w) - 1;
        int sh = 64 - w;
        java.util.function.LongUnaryOperator sx = x -> (x << sh) >> sh;
        assertEquals(reference(w, a, b, (x, y) -> Math.max(smin, Math.min(smax, sx.applyAsLong(x) + sx.applyAsLong(y)))),
                SimdInt.addSatS(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> Math.max(smin, Math.min(smax, sx.applyAsLong(x) - sx.applyAsLong(y)))),
                SimdInt.subSatS(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> Math.min(umax, x + y)), SimdInt.addSatU(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> Math.max(0, x - y)), SimdInt.subSatU(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> Math.min(sx.applyAsLong(x), sx.applyAsLong(y))), SimdInt.minS(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> Math.max(sx.applyAsLong(x), sx.applyAsLong(y))), SimdInt.maxS(w, a, b));
        assertEquals(reference(w, a, b, Math::min), SimdInt.minU(w, a, b));
        assertEquals(reference(w, a, b, Math::max), SimdInt.maxU(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> (x + y + 1) >>> 1), SimdInt.avgrU(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> x * y), SimdInt.mul(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> x < y ? -1 : 0), SimdInt.ltU(w, a, b));
        assertEquals(reference(w, a, b, (x, y) -> sx.applyAsLong(x) < sx.applyAsLong(y) ? -1 : 0), SimdInt.ltS(w, a, b));
    }

    @Property(tries = 2000)
    void shiftsMatchLaneLoops(@ForAll("widths") int w, @ForAll("halves") long a, @ForAll int n) {
        int k = n & (w - 1);
        int sh = 64 - w;
        assertEquals(reference(w, a, 0, (x, y) -> x << k), SimdInt.shift(w, SimdInt.SHL, a, n));
        assertEquals(reference(w, a, 0, (x, y) -> x >>> k), SimdInt.shift(w, SimdInt.SHR_U, a, n));
        assertEquals(reference(w, a, 0, (x, y) -> ((x << sh) >> sh) >> k), SimdInt.shift(w, SimdInt.SHR_S, a, n));
    }

    @Property(tries = 1000)
    void bytePopcountMatchesBitCount(@ForAll("halves") long a) {
        assertEquals(reference(8, a, 0, (x, y) -> Long.bitCount(x)), SimdInt.popcnt8(a));
    }
}
