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
                throw r.errorAt("malformed value type", at);
        }
    }

    public static RefType refType(WasmReader r) {
        int at = r.pos();
        int b = r.u8();
        if (b == RefType.CODE_REF || b == RefType.CODE_REF_NULL) {
            return new RefType(b == RefType.CODE_REF_NULL, heapType(r));
        }
        AbsHeapType abs = AbsHeapType.fromCode(b);
        if (abs == null) {
            throw r.errorAt("malformed reference type", at);
        }
        return new RefType(true, abs);
    }

    /** A heap type: an s33 that is an abstract type's code (negative) or a type index. */
    public static HeapType heapType(WasmReader r) {
        int at = r.pos();
        long v = r.s33();
        if (v >= 0) {
            if (v > Integer.MAX_VALUE) {
                throw r.errorAt("type index out of range", at);
            }
            return new TypeIndex((int) v);
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
