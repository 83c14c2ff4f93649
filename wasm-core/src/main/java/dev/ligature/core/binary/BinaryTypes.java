package dev.ligature.core.binary;

import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.HeapType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.TypeIndex;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;

/** Decoding and encoding of value, heap and reference types, shared by sections and code. */
public final class BinaryTypes {
    private BinaryTypes() {}

    /*
     * Decoding code walks every instruction, and block types, ref.null, ref.test and friends carry
     * types; sharing the immutable instances of the common ones keeps that walk allocation-free.
     * Filled lazily: a race only builds an equal record twice, and records publish safely.
     */
    private static final int CACHED_INDICES = 4096;
    private static final RefType[] ABS_REF = new RefType[0x80];
    private static final RefType[] ABS_REF_NON_NULL = new RefType[0x80];
    private static final TypeIndex[] INDEX = new TypeIndex[CACHED_INDICES];
    private static final RefType[] INDEX_REF = new RefType[CACHED_INDICES];
    private static final RefType[] INDEX_REF_NON_NULL = new RefType[CACHED_INDICES];

    static {
        for (AbsHeapType t : AbsHeapType.values()) {
            ABS_REF[t.code()] = new RefType(true, t);
            ABS_REF_NON_NULL[t.code()] = new RefType(false, t);
        }
    }

    /** The type index {@code i}, shared for small indices. */
    public static TypeIndex typeIndex(int i) {
        if (i < 0 || i >= CACHED_INDICES) {
            return new TypeIndex(i);
        }
        TypeIndex t = INDEX[i];
        if (t == null) {
            t = new TypeIndex(i);
            INDEX[i] = t;
        }
        return t;
    }

    /** The reference type to {@code heap}, shared for abstract heap types and small type indices. */
    public static RefType refType(boolean nullable, HeapType heap) {
        switch (heap) {
            case AbsHeapType abs -> {
                return nullable ? ABS_REF[abs.code()] : ABS_REF_NON_NULL[abs.code()];
            }
            case TypeIndex idx -> {
                int i = idx.index();
                if (i < 0 || i >= CACHED_INDICES) {
                    return new RefType(nullable, heap);
                }
                RefType[] cache = nullable ? INDEX_REF : INDEX_REF_NON_NULL;
                RefType t = cache[i];
                if (t == null) {
                    t = new RefType(nullable, typeIndex(i));
                    cache[i] = t;
                }
                return t;
            }
        }
    }

    /** Whether {@code b} starts a value type (as opposed to a type index in a block type). */
    public static boolean startsValType(int b) {
        return (b >= 0x7B && b <= 0x7F) || b == RefType.CODE_REF || b == RefType.CODE_REF_NULL
                || AbsHeapType.fromCode(b) != null;
    }

    public static ValType valType(WasmReader r) {
        int at = r.pos();
        int b = r.u8();
        switch (b) {
            case 0x7F: return NumType.I32;
            case 0x7E: return NumType.I64;
            case 0x7D: return NumType.F32;
            case 0x7C: return NumType.F64;
            case VecType.CODE: return VecType.V128;
            default:
                r.pos(at);
                if (b == RefType.CODE_REF || b == RefType.CODE_REF_NULL || AbsHeapType.fromCode(b) != null) {
                    return refType(r);
                }
                throw (b & 0x80) != 0
                        // Type codes are one-byte signed LEB128 (s7): a continuation bit makes them too long.
                        ? r.errorAt("integer representation too long", at + 1)
                        : r.errorAt("malformed value type", at);
        }
    }

    public static RefType refType(WasmReader r) {
        int at = r.pos();
        int b = r.u8();
        if (b == RefType.CODE_REF || b == RefType.CODE_REF_NULL) {
            return refType(b == RefType.CODE_REF_NULL, heapType(r));
        }
        AbsHeapType abs = AbsHeapType.fromCode(b);
        if (abs == null) {
            throw r.errorAt("malformed reference type", at);
        }
        return ABS_REF[abs.code()];
    }

    /** A heap type: an s33 that is an abstract type's code (negative) or a type index. */
    public static HeapType heapType(WasmReader r) {
        int at = r.pos();
        long v = r.s33();
        if (v >= 0) {
            if (v > Integer.MAX_VALUE) {
                throw r.errorAt("type index out of range", at);
            }
            return typeIndex((int) v);
        }
        AbsHeapType abs = (v >= -64) ? AbsHeapType.fromCode((int) (v & 0x7F)) : null;
        if (abs == null) {
            throw r.errorAt("malformed heap type", at);
        }
        return abs;
    }

    public static void writeValType(WasmWriter w, ValType t) {
        switch (t) {
            case NumType n -> w.u8(n.code());
            case VecType v -> w.u8(VecType.CODE);
            case RefType ref -> writeRefType(w, ref);
        }
    }

    public static void writeRefType(WasmWriter w, RefType t) {
        if (t.nullable() && t.heap() instanceof AbsHeapType abs) {
            w.u8(abs.code());
            return;
        }
        w.u8(t.nullable() ? RefType.CODE_REF_NULL : RefType.CODE_REF);
        writeHeapType(w, t.heap());
    }

    public static void writeHeapType(WasmWriter w, HeapType h) {
        switch (h) {
            case AbsHeapType abs -> w.u8(abs.code());
            case TypeIndex idx -> w.s64(idx.index());
        }
    }
}
