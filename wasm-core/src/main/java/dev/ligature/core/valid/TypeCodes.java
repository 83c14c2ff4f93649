package dev.ligature.core.valid;

import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.HeapType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.TypeIndex;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;

/**
 * Value types encoded as ints, so the validator's operand stack is a plain {@code int[]} and typing
 * an instruction allocates nothing. Numbers and v128 are small constants; a reference type sets
 * {@link #REF}, {@link #NULLABLE} when null is a member, and keeps its heap type in the low bits:
 * an abstract heap type by its {@link AbsHeapType} ordinal, {@link #H_BOT} for the unknown heap type
 * of unreachable code, or {@link #H_CONCRETE} plus a module type index.
 */
public final class TypeCodes {
    private TypeCodes() {}

    /** The unknown type produced by popping an empty stack in unreachable code; matches every type. */
    public static final int BOT = 0;
    public static final int I32 = 1, I64 = 2, F32 = 3, F64 = 4, V128 = 5;

    public static final int REF = 1 << 30;
    public static final int NULLABLE = 1 << 29;
    public static final int HEAP_MASK = NULLABLE - 1;

    /** Abstract heap types, equal to the ordinals of {@link AbsHeapType}. */
    public static final int H_FUNC = 0, H_EXTERN = 1, H_ANY = 2, H_EQ = 3, H_I31 = 4, H_STRUCT = 5,
            H_ARRAY = 6, H_EXN = 7, H_NONE = 8, H_NOEXTERN = 9, H_NOFUNC = 10, H_NOEXN = 11;
    /** The heap type of a reference whose type is unknown (unreachable code): below every heap type. */
    public static final int H_BOT = 12;
    /** Offset of concrete heap types: heap code {@code H_CONCRETE + i} is module type index i. */
    public static final int H_CONCRETE = 16;

    private static final AbsHeapType[] ABS = AbsHeapType.values();

    static {
        // The encoding relies on the ordinals of AbsHeapType; fail loudly if they ever move.
        if (AbsHeapType.FUNC.ordinal() != H_FUNC || AbsHeapType.NOEXN.ordinal() != H_NOEXN
                || AbsHeapType.ANY.ordinal() != H_ANY || AbsHeapType.NONE.ordinal() != H_NONE) {
            throw new AssertionError("AbsHeapType ordinals changed");
        }
    }

    public static int ref(boolean nullable, int heap) {
        return REF | (nullable ? NULLABLE : 0) | heap;
    }

    public static boolean isRef(int t) {
        return (t & REF) != 0;
    }

    public static boolean isNullable(int t) {
        return (t & NULLABLE) != 0;
    }

    public static int heap(int t) {
        return t & HEAP_MASK;
    }

    public static boolean isConcrete(int heap) {
        return heap >= H_CONCRETE;
    }

    /** Module type index of a concrete heap code. */
    public static int typeIndex(int heap) {
        return heap - H_CONCRETE;
    }

    public static boolean isNumOrVec(int t) {
        return t >= I32 && t <= V128;
    }

    /** Whether a local of this type needs no explicit initialisation. */
    public static boolean defaultable(int t) {
        return !isRef(t) || isNullable(t);
    }

    /** The heap code of a heap type, without checking a type index against a module. */
    public static int heapCode(HeapType h) {
        return switch (h) {
            case AbsHeapType a -> a.ordinal();
            case TypeIndex i -> H_CONCRETE + i.index();
        };
    }

    /** The code of a value type, without checking a type index against a module. */
    public static int of(ValType t) {
        return switch (t) {
            case NumType n -> switch (n) {
                case I32 -> I32;
                case I64 -> I64;
                case F32 -> F32;
                case F64 -> F64;
            };
            case VecType v -> V128;
            case RefType r -> ref(r.nullable(), heapCode(r.heap()));
        };
    }

    /** The value type a code stands for; {@link #BOT} and the bottom heap type have none. */
    public static ValType toValType(int t) {
        switch (t) {
            case I32: return NumType.I32;
            case I64: return NumType.I64;
            case F32: return NumType.F32;
            case F64: return NumType.F64;
            case V128: return VecType.V128;
            default:
                if (!isRef(t) || heap(t) == H_BOT) {
                    throw new IllegalArgumentException("no value type for code " + t);
                }
                int h = heap(t);
                HeapType ht = isConcrete(h) ? new TypeIndex(typeIndex(h)) : ABS[h];
                return new RefType(isNullable(t), ht);
        }
    }

    /** Text form of a heap code, as in error messages. */
    public static String heapName(int h) {
        if (h == H_BOT) {
            return "bot";
        }
        return isConcrete(h) ? Integer.toString(typeIndex(h)) : ABS[h].text();
    }

    /** Text form of a type code, as in error messages ({@code i32}, {@code (ref null 3)}, ...). */
    public static String name(int t) {
        return switch (t) {
            case BOT -> "bot";
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
            case V128 -> "v128";
            default -> {
                int h = heap(t);
                if (isNullable(t) && !isConcrete(h) && h != H_BOT) {
                    yield ABS[h].text() + "ref";
                }
                yield "(ref " + (isNullable(t) ? "null " : "") + heapName(h) + ")";
            }
        };
    }
}
