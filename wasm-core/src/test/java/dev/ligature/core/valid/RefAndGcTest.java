package dev.ligature.core.valid;

import static dev.ligature.core.instr.Opcode.*;
import static dev.ligature.core.types.NumType.*;
import static dev.ligature.core.valid.Code.code;
import static dev.ligature.core.valid.TestModule.module;
import static dev.ligature.core.valid.TestModule.vals;

import dev.ligature.core.ast.DataSegment;
import dev.ligature.core.ast.ElementSegment;
import dev.ligature.core.ast.SegmentMode;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.ArrayType;
import dev.ligature.core.types.FieldType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.PackedType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.StructType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.types.TypeIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefAndGcTest {
    private static RefType ref(boolean nullable, int idx) {
        return new RefType(nullable, new TypeIndex(idx));
    }

    private static RefType ref(boolean nullable, AbsHeapType h) {
        return new RefType(nullable, h);
    }

    @Test
    void nullChecksAndNonNullConversion() {
        TestModule m = module();
        m.func(vals(RefType.ANYREF), vals(I32), code().op(LOCAL_GET, 0).op(REF_IS_NULL));
        m.func(vals(RefType.ANYREF), vals(ref(false, AbsHeapType.ANY)), code().op(LOCAL_GET, 0).op(REF_AS_NON_NULL));
        m.assertValid();
        TestModule bad = module();
        bad.func(vals(I32), vals(I32), code().op(LOCAL_GET, 0).op(REF_IS_NULL));
        bad.assertInvalid("type mismatch");
        TestModule unknownType = module();
        unknownType.func(vals(), vals(), code().heap(REF_NULL, 4).op(DROP));
        unknownType.assertInvalid("unknown type");
    }

    @Test
    void refEqNeedsEqReferences() {
        TestModule ok = module();
        ok.func(vals(ref(true, AbsHeapType.I31), RefType.ANYREF), vals(I32),
                code().op(LOCAL_GET, 0).op(LOCAL_GET, 0).op(REF_EQ));
        ok.assertValid();
        TestModule bad = module();
        bad.func(vals(RefType.ANYREF), vals(I32), code().op(LOCAL_GET, 0).op(LOCAL_GET, 0).op(REF_EQ));
        bad.assertInvalid("type mismatch");
    }

    @Test
    void brOnNullAndNonNull() {
        TestModule m = module();
        m.func(vals(RefType.FUNCREF), vals(ref(false, AbsHeapType.FUNC)),
                code().block(BLOCK).op(LOCAL_GET, 0).op(BR_ON_NULL, 0).op(RETURN).op(END).op(UNREACHABLE));
        m.func(vals(RefType.FUNCREF), vals(ref(false, AbsHeapType.FUNC)),
                code().block(BLOCK, ref(false, AbsHeapType.FUNC)).op(LOCAL_GET, 0).op(BR_ON_NON_NULL, 0)
                        .op(UNREACHABLE).op(END));
        m.assertValid();
        TestModule bad = module();
        bad.func(vals(RefType.FUNCREF), vals(), code().block(BLOCK).op(LOCAL_GET, 0).op(BR_ON_NON_NULL, 0)
                .op(END));
        bad.assertInvalid("type mismatch");
    }

    @Test
    void callRef() {
        TestModule m = module();
        int t = m.type(vals(I32), vals(I64));
        m.func(vals(ref(true, t)), vals(I64), code().i32(1).op(LOCAL_GET, 0).op(CALL_REF, t));
        m.func(vals(ref(true, t)), vals(I64), code().i32(1).op(LOCAL_GET, 0).op(RETURN_CALL_REF, t));
        m.assertValid();
        TestModule bad = module();
        int t2 = bad.type(vals(I32), vals(I64));
        bad.func(vals(RefType.FUNCREF), vals(I64), code().i32(1).op(LOCAL_GET, 0).op(CALL_REF, t2));
        bad.assertInvalid("type mismatch");
    }

    @Test
    void structs() {
        TestModule m = module();
        int s = m.type(new StructType(List.of(new FieldType(I32, true), new FieldType(PackedType.I8, false))));
        m.func(vals(), vals(ref(false, s)), code().i32(1).i32(2).op(STRUCT_NEW, s));
        m.func(vals(ref(true, s)), vals(I32), code().op(LOCAL_GET, 0).op(STRUCT_GET_S, s, 1));
        m.func(vals(ref(true, s)), vals(), code().op(LOCAL_GET, 0).i32(3).op(STRUCT_SET, s, 0));
        m.func(vals(), vals(ref(false, s)), code().op(STRUCT_NEW_DEFAULT, s));
        m.assertValid();

        TestModule imm = module();
        int s2 = imm.type(new StructType(List.of(new FieldType(I32, false))));
        imm.func(vals(ref(true, s2)), vals(), code().op(LOCAL_GET, 0).i32(3).op(STRUCT_SET, s2, 0));
        imm.assertInvalid("immutable field");

        TestModule packed = module();
        int s3 = packed.type(new StructType(List.of(new FieldType(PackedType.I16, false))));
        packed.func(vals(ref(true, s3)), vals(I32), code().op(LOCAL_GET, 0).op(STRUCT_GET, s3, 0));
        packed.assertInvalid("type mismatch");

        TestModule noDefault = module();
        int s4 = noDefault.type(new StructType(List.of(new FieldType(ref(false, AbsHeapType.ANY), false))));
        noDefault.func(vals(), vals(), code().op(STRUCT_NEW_DEFAULT, s4).op(DROP));
        noDefault.assertInvalid("type mismatch");

        TestModule field = module();
        int s5 = field.type(new StructType(List.of()));
        field.func(vals(ref(true, s5)), vals(I32), code().op(LOCAL_GET, 0).op(STRUCT_GET, s5, 0));
        field.assertInvalid("unknown field");
    }

    @Test
    void arrays() {
        TestModule m = module();
        int a = m.type(new ArrayType(new FieldType(I64, true)));
        m.data(new DataSegment(SegmentMode.PASSIVE, 0, null, new byte[8]));
        m.func(vals(), vals(ref(false, a)), code().i64(0).i32(4).op(ARRAY_NEW, a));
        m.func(vals(), vals(ref(false, a)), code().i64(0).i64(1).op(ARRAY_NEW_FIXED, a, 2));
        m.func(vals(), vals(ref(false, a)), code().i32(0).i32(1).op(ARRAY_NEW_DATA, a, 0));
        m.func(vals(ref(true, a)), vals(I64), code().op(LOCAL_GET, 0).i32(0).op(ARRAY_GET, a));
        m.func(vals(ref(true, a)), vals(I32), code().op(LOCAL_GET, 0).op(ARRAY_LEN));
        m.func(vals(ref(true, a)), vals(), code().op(LOCAL_GET, 0).i32(0).i64(7).i32(1).op(ARRAY_FILL, a));
        m.func(vals(ref(true, a)), vals(), code().op(LOCAL_GET, 0).i32(0).op(LOCAL_GET, 0).i32(0).i32(1)
                .op(ARRAY_COPY, a, a));
        m.assertValid();

        TestModule fixed = module();
        int fa = fixed.type(new ArrayType(new FieldType(I64, true)));
        fixed.func(vals(), vals(ref(false, fa)), code().i64(0).op(ARRAY_NEW_FIXED, fa, 2));
        fixed.assertInvalid("type mismatch");

        TestModule imm = module();
        int ia = imm.type(new ArrayType(new FieldType(I32, false)));
        imm.func(vals(ref(true, ia)), vals(), code().op(LOCAL_GET, 0).i32(0).i32(1).op(ARRAY_SET, ia));
        imm.assertInvalid("immutable array");

        TestModule copy = module();
        int ca = copy.type(new ArrayType(new FieldType(PackedType.I8, true)));
        int cb = copy.type(new ArrayType(new FieldType(PackedType.I16, true)));
        copy.func(vals(ref(true, ca), ref(true, cb)), vals(), code().op(LOCAL_GET, 0).i32(0).op(LOCAL_GET, 1).i32(0)
                .i32(0).op(ARRAY_COPY, ca, cb));
        copy.assertInvalid("array types do not match");

        TestModule refData = module();
        int ra = refData.type(new ArrayType(new FieldType(RefType.FUNCREF, true)));
        refData.data(new DataSegment(SegmentMode.PASSIVE, 0, null, new byte[8]));
        refData.func(vals(ref(true, ra)), vals(), code().op(LOCAL_GET, 0).i32(0).i32(0).i32(0)
                .op(ARRAY_INIT_DATA, ra, 0));
        refData.assertInvalid("array type is not numeric or vector");

        TestModule elems = module();
        int ea = elems.type(new ArrayType(new FieldType(RefType.FUNCREF, false)));
        elems.elem(new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.EXTERNREF, List.of()));
        elems.func(vals(), vals(), code().i32(0).i32(0).op(ARRAY_NEW_ELEM, ea, 0).op(DROP));
        elems.assertInvalid("type mismatch");
    }

    @Test
    void castsStayWithinAHierarchy() {
        TestModule m = module();
        int s = m.type(new StructType(List.of()));
        m.func(vals(RefType.ANYREF), vals(I32), code().op(LOCAL_GET, 0).heap(REF_TEST, s));
        m.func(vals(RefType.ANYREF), vals(ref(true, s)), code().op(LOCAL_GET, 0).heap(REF_CAST_NULL, s));
        m.func(vals(RefType.ANYREF), vals(ref(false, AbsHeapType.I31)),
                code().op(LOCAL_GET, 0).heap(REF_CAST, AbsHeapType.I31));
        m.assertValid();
        TestModule bad = module();
        bad.func(vals(RefType.FUNCREF), vals(I32), code().op(LOCAL_GET, 0).heap(REF_TEST, AbsHeapType.I31));
        bad.assertInvalid("type mismatch");
        TestModule nullable = module();
        nullable.func(vals(RefType.ANYREF), vals(ref(false, AbsHeapType.I31)),
                code().op(LOCAL_GET, 0).heap(REF_CAST_NULL, AbsHeapType.I31));
        nullable.assertInvalid("type mismatch");
    }

    @Test
    void brOnCast() {
        // block (result (ref i31)) local.get 0 br_on_cast 0 anyref (ref i31) drop unreachable end
        Code ok = code().block(BLOCK, ref(false, AbsHeapType.I31)).op(LOCAL_GET, 0).op(BR_ON_CAST).u8(1).u32(0)
                .u8(AbsHeapType.ANY.code()).u8(AbsHeapType.I31.code()).op(DROP).op(UNREACHABLE).op(END);
        TestModule m = module();
        m.func(vals(RefType.ANYREF), vals(ref(false, AbsHeapType.I31)), ok);
        m.assertValid();
        Code unrelated = code().block(BLOCK, ref(false, AbsHeapType.I31)).op(LOCAL_GET, 0).op(BR_ON_CAST).u8(1).u32(0)
                .u8(AbsHeapType.ANY.code()).u8(AbsHeapType.FUNC.code()).op(DROP).op(UNREACHABLE).op(END);
        TestModule bad = module();
        bad.func(vals(RefType.ANYREF), vals(ref(false, AbsHeapType.I31)), unrelated);
        bad.assertInvalid("type mismatch");
        // br_on_cast_fail sends the non-i31 rest (anyref) to a label that takes only (ref i31): invalid.
        Code fail = code().block(BLOCK, ref(false, AbsHeapType.I31)).op(LOCAL_GET, 0).op(BR_ON_CAST_FAIL).u8(1).u32(0)
                .u8(AbsHeapType.ANY.code()).u8(AbsHeapType.I31.code()).op(END);
        TestModule failBad = module();
        failBad.func(vals(RefType.ANYREF), vals(ref(false, AbsHeapType.I31)), fail);
        failBad.assertInvalid("type mismatch");
    }

    @Test
    void i31AndConversions() {
        TestModule m = module();
        m.func(vals(), vals(I32), code().i32(5).op(REF_I31).op(I31_GET_S));
        m.func(vals(RefType.EXTERNREF), vals(RefType.ANYREF), code().op(LOCAL_GET, 0).op(ANY_CONVERT_EXTERN));
        m.func(vals(ref(false, AbsHeapType.I31)), vals(ref(false, AbsHeapType.EXTERN)),
                code().op(LOCAL_GET, 0).op(EXTERN_CONVERT_ANY));
        m.assertValid();
        TestModule bad = module();
        bad.func(vals(RefType.ANYREF), vals(RefType.ANYREF), code().op(LOCAL_GET, 0).op(ANY_CONVERT_EXTERN));
        bad.assertInvalid("type mismatch");
    }

    @Test
    void gcConstantExpressions() {
        TestModule m = module();
        int s = m.type(new StructType(List.of(new FieldType(I32, false))));
        int a = m.type(new ArrayType(new FieldType(I32, false)));
        m.global(new GlobalType(ref(false, s), false), code().i32(1).op(STRUCT_NEW, s));
        m.global(new GlobalType(ref(false, a), false), code().i32(1).i32(2).op(ARRAY_NEW_FIXED, a, 2));
        m.global(new GlobalType(ref(false, AbsHeapType.I31), false), code().i32(1).op(REF_I31));
        m.assertValid();
        TestModule bad = module();
        int s2 = bad.type(new StructType(List.of(new FieldType(I32, false))));
        bad.global(new GlobalType(ref(true, s2), false), code().heap(REF_NULL, s2).op(STRUCT_GET, s2, 0));
        bad.assertInvalid("constant expression required");
        TestModule sub = module();
        int base = sub.rec(new SubType(false, List.of(), new StructType(List.of())));
        int derived = sub.rec(new SubType(true, List.of(base), new StructType(List.of())));
        sub.global(new GlobalType(ref(false, base), false), code().op(STRUCT_NEW, derived));
        sub.assertValid();
    }
}
