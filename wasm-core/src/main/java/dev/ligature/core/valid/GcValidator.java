package dev.ligature.core.valid;

import static dev.ligature.core.valid.TypeCodes.*;

import dev.ligature.core.instr.Opcode;

/** Typing of the GC instructions (prefix 0xFB), on the state of a {@link CodeValidator}. */
final class GcValidator {
    private final CodeValidator v;
    private final TypeContext tc;

    GcValidator(CodeValidator v) {
        this.v = v;
        this.tc = v.tc;
    }

    private int structType(long idx) {
        checkType(idx);
        if (!tc.isStruct((int) idx)) {
            throw v.err("type mismatch: type " + idx + " is not a struct type");
        }
        return (int) idx;
    }

    private int arrayType(long idx) {
        checkType(idx);
        if (!tc.isArray((int) idx)) {
            throw v.err("type mismatch: type " + idx + " is not an array type");
        }
        return (int) idx;
    }

    private void checkType(long idx) {
        if (idx < 0 || idx >= tc.size()) {
            throw v.err("unknown type " + idx);
        }
    }

    private int field(int t, long f) {
        if (f < 0 || f >= tc.fields(t).length) {
            throw v.err("unknown field " + f);
        }
        return (int) f;
    }

    private static boolean packed(int s) {
        return s == TypeContext.S_I8 || s == TypeContext.S_I16;
    }

    private void mutableArray(int t) {
        if (!tc.mutability(t)[0]) {
            throw v.err("immutable array");
        }
    }

    private void numericArray(int t) {
        int s = tc.fields(t)[0];
        if (isRef(s)) {
            throw v.err("array type is not numeric or vector");
        }
    }

    private void elemMatches(int t, long e) {
        int seg = v.elem(e);
        if (!tc.valSub(v.m.elemTypes[seg], tc.fields(t)[0])) {
            throw v.err("type mismatch: element segment " + e + " does not match array type " + t);
        }
    }

    /** Pops {@code n} values of type {@code t} without looping past what the stack can hold. */
    private void popN(int t, long n) {
        long avail = v.sp - v.ctlHeight[v.depth - 1];
        long k = Math.min(n, avail + 1);
        for (long i = 0; i < k; i++) {
            v.pop(t);
        }
    }

    void instruction(Opcode op) {
        var cr = v.cr;
        switch (op) {
            case STRUCT_NEW -> {
                int t = structType(cr.index());
                int[] fs = tc.fields(t);
                for (int i = fs.length - 1; i >= 0; i--) {
                    v.pop(TypeContext.unpacked(fs[i]));
                }
                v.push(ref(false, H_CONCRETE + t));
            }
            case STRUCT_NEW_DEFAULT -> {
                int t = structType(cr.index());
                for (int s : tc.fields(t)) {
                    if (!defaultable(s)) {
                        throw v.err("type mismatch: field of type " + name(s) + " has no default value");
                    }
                }
                v.push(ref(false, H_CONCRETE + t));
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                int t = structType(cr.index());
                int f = field(t, cr.index2());
                int s = tc.fields(t)[f];
                if (packed(s) != (op != Opcode.STRUCT_GET)) {
                    throw v.err(packed(s) ? "type mismatch: field is packed" : "type mismatch: field is not packed");
                }
                v.pop(ref(true, H_CONCRETE + t));
                v.push(TypeContext.unpacked(s));
            }
            case STRUCT_SET -> {
                int t = structType(cr.index());
                int f = field(t, cr.index2());
                if (!tc.mutability(t)[f]) {
                    throw v.err("immutable field " + f);
                }
                v.pop(TypeContext.unpacked(tc.fields(t)[f]));
                v.pop(ref(true, H_CONCRETE + t));
            }
            case ARRAY_NEW -> {
                int t = arrayType(cr.index());
                v.pop(I32);
                v.pop(TypeContext.unpacked(tc.fields(t)[0]));
                v.push(ref(false, H_CONCRETE + t));
            }
            case ARRAY_NEW_DEFAULT -> {
                int t = arrayType(cr.index());
                if (!defaultable(tc.fields(t)[0])) {
                    throw v.err("type mismatch: array element has no default value");
                }
                v.pop(I32);
                v.push(ref(false, H_CONCRETE + t));
            }
            case ARRAY_NEW_FIXED -> {
                int t = arrayType(cr.index());
                popN(TypeContext.unpacked(tc.fields(t)[0]), cr.index2());
                v.push(ref(false, H_CONCRETE + t));
            }
            case ARRAY_NEW_DATA -> {
                int t = arrayType(cr.index());
                numericArray(t);
                v.data(cr.index2());
                v.pop(I32);
                v.pop(I32);
                v.push(ref(false, H_CONCRETE + t));
            }
            case ARRAY_NEW_ELEM -> {
                int t = arrayType(cr.index());
                elemMatches(t, cr.index2());
                v.pop(I32);
                v.pop(I32);
                v.push(ref(false, H_CONCRETE + t));
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                int t = arrayType(cr.index());
                int s = tc.fields(t)[0];
                if (packed(s) != (op != Opcode.ARRAY_GET)) {
                    throw v.err(packed(s) ? "type mismatch: array is packed" : "type mismatch: array is not packed");
                }
                v.pop(I32);
                v.pop(ref(true, H_CONCRETE + t));
                v.push(TypeContext.unpacked(s));
            }
            case ARRAY_SET -> {
                int t = arrayType(cr.index());
                mutableArray(t);
                v.pop(TypeContext.unpacked(tc.fields(t)[0]));
                v.pop(I32);
                v.pop(ref(true, H_CONCRETE + t));
            }
            case ARRAY_LEN -> {
                v.pop(ref(true, H_ARRAY));
                v.push(I32);
            }
            case ARRAY_FILL -> {
                int t = arrayType(cr.index());
                mutableArray(t);
                v.pop(I32);
                v.pop(TypeContext.unpacked(tc.fields(t)[0]));
                v.pop(I32);
                v.pop(ref(true, H_CONCRETE + t));
            }
            case ARRAY_COPY -> {
                int dst = arrayType(cr.index());
                int src = arrayType(cr.index2());
                mutableArray(dst);
                if (!tc.storageMatches(tc.fields(src)[0], tc.fields(dst)[0])) {
                    throw v.err("array types do not match");
                }
                v.pop(I32);
                v.pop(I32);
                v.pop(ref(true, H_CONCRETE + src));
                v.pop(I32);
                v.pop(ref(true, H_CONCRETE + dst));
            }
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
                int t = arrayType(cr.index());
                mutableArray(t);
                if (op == Opcode.ARRAY_INIT_DATA) {
                    numericArray(t);
                    v.data(cr.index2());
                } else {
                    elemMatches(t, cr.index2());
                }
                v.pop(I32);
                v.pop(I32);
                v.pop(I32);
                v.pop(ref(true, H_CONCRETE + t));
            }
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
                int h = v.heapCode(cr.heapType());
                v.pop(ref(true, tc.top(h)));
                if (op == Opcode.REF_TEST || op == Opcode.REF_TEST_NULL) {
                    v.push(I32);
                } else {
                    v.push(ref(op == Opcode.REF_CAST_NULL, h));
                }
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> brOnCast(op == Opcode.BR_ON_CAST_FAIL);
            case ANY_CONVERT_EXTERN -> {
                int r = v.pop(ref(true, H_EXTERN));
                v.push(ref(r != BOT && isNullable(r), H_ANY));
            }
            case EXTERN_CONVERT_ANY -> {
                int r = v.pop(ref(true, H_ANY));
                v.push(ref(r != BOT && isNullable(r), H_EXTERN));
            }
            case REF_I31 -> {
                v.pop(I32);
                v.push(ref(false, H_I31));
            }
            case I31_GET_S, I31_GET_U -> {
                v.pop(ref(true, H_I31));
                v.push(I32);
            }
            default -> throw v.err("unknown instruction " + op.mnemonic());
        }
    }

    private void brOnCast(boolean fail) {
        var cr = v.cr;
        int flags = cr.castFlags();
        int[] lt = v.labelTypes(v.label(cr.index()));
        int h1 = v.heapCode(cr.heapType());
        int h2 = v.heapCode(cr.heapType2());
        int rt1 = ref((flags & 1) != 0, h1);
        int rt2 = ref((flags & 2) != 0, h2);
        if (!tc.valSub(rt2, rt1)) {
            throw v.err("type mismatch: cast target is not a subtype of the source type");
        }
        int diff = ref(isNullable(rt1) && !isNullable(rt2), h1);
        int branched = fail ? diff : rt2;
        int fallthrough = fail ? rt2 : diff;
        if (lt.length == 0 || !tc.valSub(branched, lt[lt.length - 1])) {
            throw v.err("type mismatch: branch target of cast does not take " + name(branched));
        }
        v.pop(rt1);
        v.push(branched);
        v.popAll(lt);
        v.pushAll(lt, lt.length - 1);
        v.push(fallthrough);
    }
}
