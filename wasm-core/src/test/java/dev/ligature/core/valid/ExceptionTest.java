package dev.ligature.core.valid;

import static dev.ligature.core.instr.Opcode.*;
import static dev.ligature.core.types.NumType.*;
import static dev.ligature.core.valid.Code.code;
import static dev.ligature.core.valid.TestModule.module;
import static dev.ligature.core.valid.TestModule.vals;

import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionTest {
    /** A module with tag 0 taking {@code payload}, and one function. */
    private static TestModule withTag(List<ValType> payload, List<ValType> results, Code body) {
        TestModule m = module();
        m.tag(m.type(payload, vals()));
        m.func(vals(), results, body);
        return m;
    }

    @Test
    void throwPopsThePayload() {
        withTag(vals(I32), vals(), code().i32(1).op(THROW, 0)).assertValid();
        withTag(vals(I32), vals(), code().op(THROW, 0))
                .assertInvalid("type mismatch: instruction requires [i32] but stack has []");
        withTag(vals(I32), vals(), code().i64(5).op(THROW, 0))
                .assertInvalid("type mismatch: instruction requires [i32] but stack has [i64]");
        TestModule none = module();
        none.func(vals(), vals(), code().op(THROW, 0));
        none.assertInvalid("unknown tag 0");
        withTag(vals(), vals(I32), code().op(THROW, 0)).assertValid();
    }

    @Test
    void throwRef() {
        withTag(vals(), vals(), code().heap(REF_NULL, AbsHeapType.EXN).op(THROW_REF)).assertValid();
        withTag(vals(), vals(), code().heap(REF_NULL, AbsHeapType.ANY).op(THROW_REF)).assertInvalid("type mismatch");
    }

    @Test
    void tryTableClausesMustMatchTheirLabels() {
        // block (result i32) try_table (catch 0 0) ... end unreachable end
        Code ok = code().block(BLOCK, I32).block(TRY_TABLE).u32(1).u8(CodeReader.CATCH).u32(0).u32(0)
                .op(END).op(UNREACHABLE).op(END);
        withTag(vals(I32), vals(I32), ok).assertValid();
        Code wrong = code().block(BLOCK, I64).block(TRY_TABLE).u32(1).u8(CodeReader.CATCH).u32(0).u32(0)
                .op(END).op(UNREACHABLE).op(END).op(DROP);
        withTag(vals(I32), vals(), wrong).assertInvalid("type mismatch");
        Code withRef = code().block(BLOCK, RefType.EXNREF).block(TRY_TABLE).u32(1).u8(CodeReader.CATCH_ALL_REF).u32(0)
                .op(END).op(UNREACHABLE).op(END).op(DROP);
        withTag(vals(), vals(), withRef).assertValid();
        Code badLabel = code().block(TRY_TABLE).u32(1).u8(CodeReader.CATCH_ALL).u32(1).op(END);
        withTag(vals(), vals(), badLabel).assertInvalid("unknown label");
        Code badTag = code().block(BLOCK).block(TRY_TABLE).u32(1).u8(CodeReader.CATCH).u32(3).u32(0).op(END).op(END);
        withTag(vals(), vals(), badTag).assertInvalid("unknown tag 3");
        Code body = code().block(TRY_TABLE, I32).u32(0).i64(1).op(END);
        withTag(vals(), vals(I32), body).assertInvalid("type mismatch");
    }

    @Test
    void legacyTryCatch() {
        withTag(vals(I32), vals(I32), code().block(TRY, I32).i32(1).op(CATCH, 0).op(END)).assertValid();
        withTag(vals(I64), vals(I32), code().block(TRY, I32).i32(42).op(CATCH, 0).op(END))
                .assertInvalid("type mismatch: instruction requires [i32] but stack has [i64]");
        withTag(vals(), vals(), code().block(TRY).op(CATCH, 0).i32(42).op(END))
                .assertInvalid("type mismatch: block requires [] but stack has [i32]");
        withTag(vals(), vals(I32), code().block(TRY, I32).op(END))
                .assertInvalid("type mismatch: instruction requires [i32] but stack has []");
        withTag(vals(), vals(), code().block(TRY).op(CATCH_ALL).op(RETHROW, 0).op(END)).assertValid();
    }

    @Test
    void rethrowNeedsACatchLabel() {
        withTag(vals(), vals(), code().op(RETHROW, 0)).assertInvalid("invalid rethrow label");
        withTag(vals(), vals(), code().block(BLOCK).op(RETHROW, 0).op(END)).assertInvalid("invalid rethrow label");
        withTag(vals(), vals(), code().block(TRY).op(RETHROW, 0).op(DELEGATE, 0)).assertInvalid("invalid rethrow label");
        withTag(vals(), vals(), code().block(TRY).op(CATCH, 0).block(BLOCK).op(RETHROW, 1).op(END).op(END))
                .assertValid();
    }

    @Test
    void delegateTargetsAnOuterLabel() {
        withTag(vals(), vals(), code().block(TRY).op(DELEGATE, 0)).assertValid();
        withTag(vals(), vals(), code().block(TRY).op(DELEGATE, 1)).assertInvalid("unknown label");
    }
}
