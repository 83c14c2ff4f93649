package dev.ligature.core.script;

import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Compares the results of an action with what {@code assert_return} expects; shared by the spec
 * runner and by tests that check parts of the engine against the suite. Results arrive as the
 * engine leaves them: one {@code long} slot per value (two for a v128, low half first) and a
 * parallel array of references.
 *
 * <p>Floats compare by bit pattern, so {@code -0.0} differs from {@code 0.0} and a NaN matches only
 * the same NaN, except where the script asks for a NaN class: {@code nan:canonical} (quiet bit only,
 * either sign) or {@code nan:arithmetic} (quiet bit set, any payload).
 */
public final class ResultMatcher {
    /** Answers whether a non-null reference is of the kind a pattern such as {@code (ref.func)} names. */
    private final BiPredicate<String, Object> refKind;

    /**
     * @param refKind given a kind word ({@code func}, {@code extern}, ...) and a non-null reference,
     *     whether the reference is of that kind
     */
    public ResultMatcher(BiPredicate<String, Object> refKind) {
        this.refKind = refKind;
    }

    /** Null when the results match, otherwise what differs. */
    public String match(List<Expected> expected, List<ValType> types, long[] slots, Object[] refs) {
        if (expected.size() != types.size()) {
            return "expected " + expected.size() + " results, the function returns " + types.size();
        }
        int slot = 0;
        for (int i = 0; i < expected.size(); i++) {
            ValType t = types.get(i);
            if (!matches(expected.get(i), t, slots, refs, slot)) {
                return "result " + i + ": expected " + show(expected.get(i)) + ", got " + show(t, slots, refs, slot);
            }
            slot += t == VecType.V128 ? 2 : 1;
        }
        return null;
    }

    private boolean matches(Expected e, ValType t, long[] slots, Object[] refs, int slot) {
        return switch (e) {
            case Expected.Exact x -> exact(x.value(), t, slots, refs, slot);
            case Expected.CanonicalNan n -> t == n.type() && canonicalNan(n.type(), slots[slot]);
            case Expected.ArithmeticNan n -> t == n.type() && arithmeticNan(n.type(), slots[slot]);
            case Expected.V128Lanes v -> t == VecType.V128 && lanes(v, slots[slot], slots[slot + 1]);
            case Expected.AnyRef r -> t instanceof RefType && refs[slot] != null && refKind.test(r.kind(), refs[slot]);
            case Expected.AnyNull n -> t instanceof RefType && refs[slot] == null;
            case Expected.Either either -> either.alternatives().stream().anyMatch(a -> matches(a, t, slots, refs, slot));
        };
    }

    private static boolean exact(WastValue v, ValType t, long[] slots, Object[] refs, int slot) {
        return switch (v) {
            case WastValue.I32 i -> t == NumType.I32 && (int) slots[slot] == i.value();
            case WastValue.I64 i -> t == NumType.I64 && slots[slot] == i.value();
            case WastValue.F32 f -> t == NumType.F32 && (int) slots[slot] == f.bits();
            case WastValue.F64 f -> t == NumType.F64 && slots[slot] == f.bits();
            case WastValue.V128 b -> t == VecType.V128 && slots[slot] == ScriptValues.littleEndian(b.bytes(), 0) && slots[slot + 1] == ScriptValues.littleEndian(b.bytes(), 8);
            case WastValue.RefNull n -> t instanceof RefType && refs[slot] == null;
            case WastValue.RefExtern x -> t instanceof RefType && new ScriptValues.Extern(x.id()).equals(refs[slot]);
            case WastValue.RefHost h -> t instanceof RefType && new ScriptValues.Host(h.id()).equals(refs[slot]);
        };
    }

    static boolean canonicalNan(NumType type, long bits) {
        return type == NumType.F32
                ? ((int) bits & 0x7FFF_FFFF) == 0x7FC0_0000
                : (bits & 0x7FFF_FFFF_FFFF_FFFFL) == 0x7FF8_0000_0000_0000L;
    }

    static boolean arithmeticNan(NumType type, long bits) {
        return type == NumType.F32
                ? ((int) bits & 0x7FC0_0000) == 0x7FC0_0000
                : (bits & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
    }

    /** Lane-wise check of a v128 whose expectation mixes exact lanes and NaN classes. */
    private static boolean lanes(Expected.V128Lanes v, long lo, long hi) {
        int n = v.lanes().size();
        int bits = 128 / n;
        for (int i = 0; i < n; i++) {
            long lane = lane(lo, hi, i, bits);
            Expected e = v.lanes().get(i);
            NumType laneType = bits == 32 ? NumType.F32 : NumType.F64;
            boolean ok = switch (e) {
                case Expected.CanonicalNan c -> bits >= 32 && canonicalNan(laneType, lane);
                case Expected.ArithmeticNan a -> bits >= 32 && arithmeticNan(laneType, lane);
                case Expected.Exact x -> lane == laneBits(x.value(), bits);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static long lane(long lo, long hi, int i, int bits) {
        int bit = i * bits;
        long word = bit < 64 ? lo : hi;
        long v = word >>> (bit % 64);
        return bits == 64 ? v : v & ((1L << bits) - 1);
    }

    private static long laneBits(WastValue v, int bits) {
        long raw = switch (v) {
            case WastValue.I32 i -> i.value();
            case WastValue.I64 i -> i.value();
            case WastValue.F32 f -> f.bits();
            case WastValue.F64 f -> f.bits();
            default -> throw new IllegalArgumentException("not a lane value: " + v);
        };
        return bits == 64 ? raw : raw & ((1L << bits) - 1);
    }

    private static String show(Expected e) {
        return switch (e) {
            case Expected.Exact x -> show(x.value());
            case Expected.CanonicalNan n -> n.type() + ".const nan:canonical";
            case Expected.ArithmeticNan n -> n.type() + ".const nan:arithmetic";
            case Expected.V128Lanes v -> "v128.const " + v.shape() + " " + v.lanes().stream().map(ResultMatcher::show).toList();
            case Expected.AnyRef r -> "(ref." + r.kind() + ")";
            case Expected.AnyNull n -> "(ref.null)";
            case Expected.Either either -> "(either " + either.alternatives().stream().map(ResultMatcher::show).toList() + ")";
        };
    }

    private static String show(WastValue v) {
        return switch (v) {
            case WastValue.I32 i -> "i32 " + i.value();
            case WastValue.I64 i -> "i64 " + i.value();
            case WastValue.F32 f -> "f32 " + Float.intBitsToFloat(f.bits()) + " (0x" + Integer.toHexString(f.bits()) + ")";
            case WastValue.F64 f -> "f64 " + Double.longBitsToDouble(f.bits()) + " (0x" + Long.toHexString(f.bits()) + ")";
            case WastValue.V128 b -> "v128 " + HexFormat.of().formatHex(b.bytes());
            case WastValue.RefNull n -> "(ref.null " + n.heap() + ")";
            case WastValue.RefExtern x -> "(ref.extern " + x.id() + ")";
            case WastValue.RefHost h -> "(ref.host " + h.id() + ")";
        };
    }

    private static String show(ValType t, long[] slots, Object[] refs, int slot) {
        if (t == NumType.I32) {
            return "i32 " + (int) slots[slot];
        }
        if (t == NumType.I64) {
            return "i64 " + slots[slot];
        }
        if (t == NumType.F32) {
            return show(new WastValue.F32((int) slots[slot]));
        }
        if (t == NumType.F64) {
            return show(new WastValue.F64(slots[slot]));
        }
        if (t == VecType.V128) {
            return "v128 0x" + Long.toHexString(slots[slot + 1]) + "_" + Long.toHexString(slots[slot]);
        }
        return t + " " + refs[slot];
    }
}
