package dev.ligature.core.exec;

import dev.ligature.core.script.Expected;
import dev.ligature.core.script.WastValue;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.ValType;

/** Matches a result (as slots) against an expected value or NaN pattern of a spec script. */
final class ResultMatcher {
    private ResultMatcher() {}

    static boolean matches(Expected e, ValType type, long lo, long hi) {
        return switch (e) {
            case Expected.Exact x -> exact(x.value(), lo, hi);
            case Expected.CanonicalNan c -> c.type() == NumType.F32 ? canonical32((int) lo) : canonical64(lo);
            case Expected.ArithmeticNan a -> a.type() == NumType.F32 ? arithmetic32((int) lo) : arithmetic64(lo);
            case Expected.V128Lanes v -> lanes(v, lo, hi);
            case Expected.Either either -> {
                for (Expected alt : either.alternatives()) {
                    if (matches(alt, type, lo, hi)) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> false;
        };
    }

    private static boolean exact(WastValue v, long lo, long hi) {
        return switch (v) {
            case WastValue.I32 i -> (int) lo == i.value();
            case WastValue.I64 i -> lo == i.value();
            case WastValue.F32 f -> (int) lo == f.bits();
            case WastValue.F64 f -> lo == f.bits();
            case WastValue.V128 x -> lo == StraightLineRunner.half(x.bytes(), 0)
                    && hi == StraightLineRunner.half(x.bytes(), 8);
            default -> false;
        };
    }

    static boolean canonical32(int bits) {
        return (bits & 0x7FFF_FFFF) == 0x7FC0_0000;
    }

    static boolean arithmetic32(int bits) {
        return (bits & 0x7FC0_0000) == 0x7FC0_0000;
    }

    static boolean canonical64(long bits) {
        return (bits & Long.MAX_VALUE) == 0x7FF8_0000_0000_0000L;
    }

    static boolean arithmetic64(long bits) {
        return (bits & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
    }

    private static boolean lanes(Expected.V128Lanes v, long lo, long hi) {
        int n = v.lanes().size();
        int w = 128 / n;
        for (int i = 0; i < n; i++) {
            int bit = i * w;
            long half = bit < 64 ? lo : hi;
            long lane = w == 64 ? half : (half >>> (bit & 63)) & ((1L << w) - 1);
            Expected e = v.lanes().get(i);
            boolean ok = switch (e) {
                case Expected.CanonicalNan c -> w == 32 ? canonical32((int) lane) : canonical64(lane);
                case Expected.ArithmeticNan a -> w == 32 ? arithmetic32((int) lane) : arithmetic64(lane);
                case Expected.Exact x -> {
                    long want = switch (x.value()) {
                        case WastValue.I32 k -> k.value();
                        case WastValue.I64 k -> k.value();
                        case WastValue.F32 f -> f.bits();
                        case WastValue.F64 f -> f.bits();
                        default -> throw new IllegalArgumentException("lane " + x);
                    };
                    long m = w == 64 ? -1L : (1L << w) - 1;
                    yield (want & m) == lane;
                }
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
