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
import dev.ligature.core.types.ExternKind;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.TableType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleTest {
    private static MemoryType mem(long min, long max, boolean is64) {
        return new MemoryType(new Limits(min, max), false, is64);
    }

    @Test
    void memoryLimits() {
        module().memory(mem(65536, 65536, false)).assertValid();
        module().memory(mem(65537, -1, false)).assertInvalid("memory size must be at most 65536 pages (4GiB)");
        module().memory(mem(0, 0x1_0000_0000L, false)).assertInvalid("memory size");
        module().memory(mem(1L << 48, -1, true)).assertValid();
        module().memory(mem((1L << 48) + 1, -1, true)).assertInvalid("memory size");
        module().memory(mem(1, 0, false)).assertInvalid("size minimum must not be greater than maximum");
        module().imp(mem(65537, -1, false)).assertInvalid("memory size");
        module().memory(new MemoryType(new Limits(1, -1), true, false)).assertInvalid("shared memory must have maximum");
    }

    @Test
    void tableLimits() {
        module().table(new TableType(RefType.FUNCREF, new Limits(0xFFFF_FFFFL, -1), false)).assertValid();
        module().table(new TableType(RefType.FUNCREF, new Limits(0x1_0000_0000L, -1), false))
                .assertInvalid("table size must be at most 2^32-1");
        module().table(new TableType(RefType.FUNCREF, new Limits(0x1_0000_0000L, -1), true)).assertValid();
        module().table(new TableType(RefType.FUNCREF, new Limits(2, 1), false))
                .assertInvalid("size minimum must not be greater than maximum");
    }

    @Test
    void nonNullableTablesNeedAnInitialiser() {
        RefType nonNull = new RefType(false, AbsHeapType.FUNC);
        module().table(new TableType(nonNull, new Limits(1, -1), false)).assertInvalid("type mismatch");
        TestModule m = module();
        int f = m.func(vals(), vals(), code());
        m.table(new TableType(nonNull, new Limits(1, -1), false), code().op(REF_FUNC, f).expr());
        m.assertValid();
    }

    @Test
    void exports() {
        TestModule m = module();
        int f = m.func(vals(), vals(), code());
        m.export("a", ExternKind.FUNC, f).export("a", ExternKind.FUNC, f);
        m.assertInvalid("duplicate export name");
        module().export("g", ExternKind.GLOBAL, 0).assertInvalid("unknown global 0");
        module().export("m", ExternKind.MEMORY, 0).assertInvalid("unknown memory 0");
        module().export("t", ExternKind.TABLE, 0).assertInvalid("unknown table 0");
        module().export("f", ExternKind.FUNC, 7).assertInvalid("unknown function 7");
    }

    @Test
    void startFunction() {
        TestModule ok = module();
        ok.start = ok.func(vals(), vals(), code());
        ok.assertValid();
        TestModule bad = module();
        bad.start = bad.func(vals(I32), vals(), code());
        bad.assertInvalid("start function");
        TestModule results = module();
        results.start = results.func(vals(), vals(I32), code().i32(0));
        results.assertInvalid("start function");
        TestModule missing = module();
        missing.start = 3;
        missing.assertInvalid("unknown function");
    }

    @Test
    void globalInitialisersAreConstantExpressions() {
        module().global(new GlobalType(I32, false), code().i32(1).i32(2).op(I32_MUL)).assertValid();
        module().global(new GlobalType(I64, false), code().i64(1).i64(2).op(I64_SUB)).assertValid();
        module().global(new GlobalType(I32, false), code().i32(1).op(I32_EQZ))
                .assertInvalid("constant expression required");
        module().global(new GlobalType(I32, false), code().i64(1)).assertInvalid("type mismatch");
        module().global(new GlobalType(I32, false), code()).assertInvalid("type mismatch");
        module().global(new GlobalType(I32, false), code().i32(1).i32(2)).assertInvalid("type mismatch");
        module().global(new GlobalType(I32, false), code().op(GLOBAL_GET, 0)).assertInvalid("unknown global 0");
        module().global(new GlobalType(I32, false), code().i32(0))
                .global(new GlobalType(I32, false), code().op(GLOBAL_GET, 0)).assertValid();
        module().imp(new GlobalType(I32, true)).global(new GlobalType(I32, false), code().op(GLOBAL_GET, 0))
                .assertInvalid("constant expression required");
        module().global(new GlobalType(RefType.FUNCREF, false), code().heap(REF_NULL, AbsHeapType.EXTERN))
                .assertInvalid("type mismatch");
    }

    @Test
    void globalSetNeedsAMutableGlobal() {
        TestModule m = module().global(new GlobalType(F32, false), code().f32(0));
        m.func(vals(), vals(), code().f32(1).op(GLOBAL_SET, 0));
        m.assertInvalid("immutable global");
        TestModule ok = module().imp(new GlobalType(F32, true));
        ok.func(vals(), vals(), code().f32(1).op(GLOBAL_SET, 0));
        ok.assertValid();
        TestModule missing = module();
        missing.func(vals(), vals(I32), code().op(GLOBAL_GET, 1));
        missing.assertInvalid("unknown global 1");
    }

    @Test
    void elementSegments() {
        TableType table = new TableType(RefType.FUNCREF, new Limits(1, -1), false);
        TestModule m = module().table(table);
        int f = m.func(vals(), vals(), code());
        m.elem(new ElementSegment(SegmentMode.ACTIVE, 0, code().i32(0).expr(), RefType.FUNCREF,
                List.of(code().op(REF_FUNC, f).expr())));
        m.assertValid();
        module().elem(new ElementSegment(SegmentMode.ACTIVE, 0, code().i32(0).expr(), RefType.FUNCREF, List.of()))
                .assertInvalid("unknown table");
        module().table(table).elem(new ElementSegment(SegmentMode.ACTIVE, 0, code().i64(0).expr(), RefType.FUNCREF,
                List.of())).assertInvalid("type mismatch");
        module().table(table).elem(new ElementSegment(SegmentMode.ACTIVE, 0, code().i32(0).expr(), RefType.EXTERNREF,
                List.of())).assertInvalid("type mismatch");
        module().elem(new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.FUNCREF,
                List.of(code().heap(REF_NULL, AbsHeapType.EXTERN).expr()))).assertInvalid("type mismatch");
        TableType t64 = new TableType(RefType.FUNCREF, new Limits(1, -1), true);
        module().table(t64).elem(new ElementSegment(SegmentMode.ACTIVE, 0, code().i64(0).expr(), RefType.FUNCREF,
                List.of())).assertValid();
    }

    @Test
    void dataSegments() {
        module().memory(mem(1, -1, false)).data(new DataSegment(SegmentMode.ACTIVE, 0, code().i32(0).expr(), new byte[2]))
                .assertValid();
        module().data(new DataSegment(SegmentMode.ACTIVE, 0, code().i32(0).expr(), new byte[2]))
                .assertInvalid("unknown memory 0");
        module().memory(mem(1, -1, true)).data(new DataSegment(SegmentMode.ACTIVE, 0, code().i32(0).expr(), new byte[2]))
                .assertInvalid("type mismatch");
        module().memory(mem(1, -1, false)).data(new DataSegment(SegmentMode.ACTIVE, 0, code().i32(0).op(NOP).expr(),
                new byte[2])).assertInvalid("constant expression required");
    }

    @Test
    void refFuncInBodiesNeedsADeclaration() {
        TestModule m = module();
        int f = m.func(vals(), vals(), code());
        m.func(vals(), vals(), code().op(REF_FUNC, f).op(DROP));
        m.assertInvalid("undeclared function reference");
        TestModule declared = module();
        int g = declared.func(vals(), vals(), code());
        declared.elem(new ElementSegment(SegmentMode.DECLARATIVE, 0, null, RefType.FUNCREF,
                List.of(code().op(REF_FUNC, g).expr())));
        declared.func(vals(), vals(), code().op(REF_FUNC, g).op(DROP));
        declared.assertValid();
        TestModule viaGlobal = module();
        int h = viaGlobal.func(vals(), vals(), code());
        viaGlobal.global(new GlobalType(RefType.FUNCREF, false), code().op(REF_FUNC, h));
        viaGlobal.func(vals(), vals(), code().op(REF_FUNC, h).op(DROP));
        viaGlobal.assertValid();
    }

    @Test
    void tagsNeedFunctionTypesWithoutResults() {
        TestModule ok = module();
        ok.tag(ok.type(vals(I32), vals()));
        ok.assertValid();
        TestModule bad = module();
        bad.tag(bad.type(vals(), vals(I32)));
        bad.assertInvalid("non-empty tag result type");
        module().tag(0).assertInvalid("unknown type");
        module().imp(new ExternType.Func(0)).assertInvalid("unknown type");
    }
}
