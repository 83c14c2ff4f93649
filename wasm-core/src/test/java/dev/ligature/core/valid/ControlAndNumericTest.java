package dev.ligature.core.valid;

import static dev.ligature.core.instr.Opcode.*;
import static dev.ligature.core.types.NumType.*;
import static dev.ligature.core.valid.Code.code;
import static dev.ligature.core.valid.TestModule.invalid;
import static dev.ligature.core.valid.TestModule.valid;
import static dev.ligature.core.valid.TestModule.vals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.ast.Func;
import dev.ligature.core.types.RefType;
import org.junit.jupiter.api.Test;

class ControlAndNumericTest {
    @Test
    void fixedRulesFromTheOpcodeTable() {
        valid(vals(), vals(I32), code().i32(1).i32(2).op(I32_ADD));
        valid(vals(), vals(F64), code().i64(1).op(F64_CONVERT_I64_S));
        valid(vals(), vals(I32), code().v128(1, 2).op(I8X16_ALL_TRUE));
        invalid("type mismatch", vals(), vals(I32), code().i32(1).i64(2).op(I32_ADD));
        invalid("type mismatch", vals(), vals(I32), code().i32(1).op(I32_ADD));
        invalid("type mismatch", vals(), vals(), code().f32(1).op(I64_EQZ).op(DROP));
    }

    @Test
    void mismatchMessageNamesExpectedAndActualTypes() {
        InvalidModuleException e = invalid("type mismatch: instruction requires [i32] but stack has [i64]",
                vals(), vals(), code().i64(5).op(I32_EQZ).op(DROP));
        assertEquals(0, e.functionIndex());
        assertEquals(2, e.instructionOffset());
    }

    @Test
    void functionResultsAreChecked() {
        invalid("type mismatch", vals(), vals(I32), code());
        invalid("type mismatch", vals(), vals(), code().i32(1));
        invalid("type mismatch: block requires [] but stack has [i32]", vals(), vals(), code().i32(1));
        valid(vals(), vals(I32, I64), code().i32(1).i64(2));
    }

    @Test
    void blocksWithValueTypesAndTypeIndices() {
        valid(vals(), vals(I32), code().block(BLOCK, I32).i32(1).op(END));
        invalid("type mismatch", vals(), vals(I32), code().block(BLOCK, I32).op(END));
        TestModule m = TestModule.module();
        int multi = m.type(vals(I32), vals(I32, I32));
        m.func(vals(), vals(I32, I32), code().i32(1).blockIdx(BLOCK, multi).i32(2).op(END));
        m.assertValid();
        TestModule bad = TestModule.module();
        bad.func(vals(), vals(), code().blockIdx(BLOCK, 5).op(END));
        bad.assertInvalid("unknown type");
    }

    @Test
    void loopLabelTakesParameters() {
        TestModule m = TestModule.module();
        int t = m.type(vals(I32), vals());
        m.func(vals(), vals(), code().i32(0).blockIdx(LOOP, t).i32(1).op(BR_IF, 0).op(DROP).op(END));
        m.assertValid();
        TestModule bad = TestModule.module();
        int t2 = bad.type(vals(I32), vals());
        bad.func(vals(), vals(), code().i32(0).blockIdx(LOOP, t2).op(DROP).op(BR, 0).op(END));
        bad.assertInvalid("type mismatch");
    }

    @Test
    void ifElse() {
        valid(vals(I32), vals(I32), code().op(LOCAL_GET, 0).block(IF, I32).i32(1).op(ELSE).i32(2).op(END));
        invalid("type mismatch", vals(I32), vals(I32), code().op(LOCAL_GET, 0).block(IF, I32).i32(1).op(END));
        invalid("type mismatch", vals(I64), vals(), code().op(LOCAL_GET, 0).block(IF).op(END));
        invalid("type mismatch", vals(I32), vals(I32),
                code().op(LOCAL_GET, 0).block(IF, I32).i32(1).op(ELSE).i64(2).op(END));
    }

    @Test
    void branches() {
        valid(vals(), vals(I32), code().block(BLOCK, I32).i32(1).op(BR, 0).op(END));
        invalid("unknown label", vals(), vals(), code().op(BR, 1));
        invalid("type mismatch", vals(), vals(I32), code().block(BLOCK, I32).i64(1).op(BR, 0).op(END));
        valid(vals(I32), vals(I32), code().block(BLOCK, I32).i32(7).op(LOCAL_GET, 0).op(BR_IF, 0).op(END));
        invalid("type mismatch", vals(I64), vals(),
                code().block(BLOCK).op(LOCAL_GET, 0).op(BR_IF, 0).op(END));
    }

    @Test
    void brTable() {
        valid(vals(I32), vals(I32), code().block(BLOCK, I32).block(BLOCK, I32).i32(1).op(LOCAL_GET, 0)
                .op(BR_TABLE).u32(1).u32(0).u32(1).op(END).op(END));
        invalid("type mismatch", vals(I32), vals(I32), code().block(BLOCK, I32).block(BLOCK).i32(1)
                .op(LOCAL_GET, 0).op(BR_TABLE).u32(1).u32(0).u32(1).op(END).i32(2).op(END));
        invalid("unknown label", vals(I32), vals(), code().op(LOCAL_GET, 0).op(BR_TABLE).u32(1).u32(3).u32(0));
    }

    @Test
    void unreachableMakesTheStackPolymorphic() {
        valid(vals(), vals(I32), code().op(UNREACHABLE).op(I32_ADD));
        valid(vals(), vals(I64), code().op(UNREACHABLE));
        valid(vals(), vals(), code().op(RETURN).op(SELECT).op(DROP));
        invalid("type mismatch", vals(), vals(), code().op(UNREACHABLE).i64(1).op(I32_ADD).op(DROP));
        invalid("type mismatch", vals(), vals(), code().op(UNREACHABLE).op(REF_AS_NON_NULL).op(I32_EQZ).op(DROP));
    }

    @Test
    void selectRules() {
        valid(vals(), vals(F32), code().f32(1).f32(2).i32(0).op(SELECT));
        invalid("type mismatch", vals(), vals(F32), code().f32(1).f64(2).i32(0).op(SELECT));
        invalid("type mismatch", vals(), vals(), code().heap(REF_NULL, dev.ligature.core.types.AbsHeapType.FUNC)
                .heap(REF_NULL, dev.ligature.core.types.AbsHeapType.FUNC).i32(0).op(SELECT).op(DROP));
        valid(vals(), vals(RefType.FUNCREF), code().heap(REF_NULL, dev.ligature.core.types.AbsHeapType.FUNC)
                .heap(REF_NULL, dev.ligature.core.types.AbsHeapType.FUNC).i32(0).op(SELECT_T).u32(1)
                .valType(RefType.FUNCREF));
        invalid("invalid result arity", vals(), vals(), code().i32(1).i32(2).i32(0).op(SELECT_T).u32(0));
        invalid("invalid result arity", vals(), vals(), code().i32(1).i32(2).i32(0).op(SELECT_T).u32(2)
                .valType(I32).valType(I32));
    }

    @Test
    void locals() {
        valid(vals(I32), vals(I64), code().op(LOCAL_GET, 0).op(LOCAL_SET, 0).op(LOCAL_GET, 1),
                new Func.Locals(1, I64));
        invalid("unknown local", vals(I32), vals(), code().op(LOCAL_GET, 2).op(DROP), new Func.Locals(1, I64));
        invalid("type mismatch", vals(I32), vals(), code().i64(0).op(LOCAL_SET, 0));
        valid(vals(), vals(F32), code().f32(1).op(LOCAL_TEE, 0), new Func.Locals(1, F32));
    }

    @Test
    void nonDefaultableLocalsMustBeSetBeforeUse() {
        RefType nonNullFunc = new RefType(false, dev.ligature.core.types.AbsHeapType.FUNC);
        TestModule m = TestModule.module();
        int f = m.func(vals(), vals(), code());
        m.export("f", dev.ligature.core.types.ExternKind.FUNC, f);
        m.func(vals(), vals(), code().op(LOCAL_GET, 0).op(DROP), new Func.Locals(1, nonNullFunc));
        m.assertInvalid("uninitialized local");

        TestModule ok = TestModule.module();
        int g = ok.func(vals(), vals(), code());
        ok.export("g", dev.ligature.core.types.ExternKind.FUNC, g);
        ok.func(vals(), vals(), code().op(REF_FUNC, g).op(LOCAL_SET, 0).op(LOCAL_GET, 0).op(DROP),
                new Func.Locals(1, nonNullFunc));
        ok.assertValid();

        // Initialisation inside a block does not outlive it.
        TestModule scoped = TestModule.module();
        int h = scoped.func(vals(), vals(), code());
        scoped.export("h", dev.ligature.core.types.ExternKind.FUNC, h);
        scoped.func(vals(), vals(), code().block(BLOCK).op(REF_FUNC, h).op(LOCAL_SET, 0).op(END)
                .op(LOCAL_GET, 0).op(DROP), new Func.Locals(1, nonNullFunc));
        scoped.assertInvalid("uninitialized local");
    }

    @Test
    void callsAndReturn() {
        TestModule m = TestModule.module();
        int callee = m.func(vals(I32, I64), vals(F32), code().f32(0));
        m.func(vals(), vals(F32), code().i32(1).i64(2).op(CALL, callee));
        m.assertValid();
        TestModule bad = TestModule.module();
        int c2 = bad.func(vals(I32, I64), vals(F32), code().f32(0));
        bad.func(vals(), vals(F32), code().i64(2).i32(1).op(CALL, c2));
        bad.assertInvalid("type mismatch");
        invalid("unknown function", vals(), vals(), code().op(CALL, 9));
        valid(vals(), vals(I32), code().i32(1).op(RETURN).op(I32_ADD));
        invalid("type mismatch", vals(), vals(I32), code().i64(1).op(RETURN));
    }

    @Test
    void tailCallsNeedMatchingResults() {
        TestModule m = TestModule.module();
        int callee = m.func(vals(), vals(I32), code().i32(0));
        m.func(vals(), vals(I32), code().op(RETURN_CALL, callee));
        m.assertValid();
        TestModule bad = TestModule.module();
        int c2 = bad.func(vals(), vals(I32), code().i32(0));
        bad.func(vals(), vals(I64), code().op(RETURN_CALL, c2));
        bad.assertInvalid("type mismatch");
    }

    @Test
    void bodyMustEndExactlyOnce() {
        invalid("operator after end", vals(), vals(), code().op(END).op(NOP));
    }
}
