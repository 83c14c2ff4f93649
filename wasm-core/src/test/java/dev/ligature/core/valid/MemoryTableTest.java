package dev.ligature.core.valid;

import static dev.ligature.core.instr.Opcode.*;
import static dev.ligature.core.types.NumType.*;
import static dev.ligature.core.valid.Code.code;
import static dev.ligature.core.valid.TestModule.vals;

import dev.ligature.core.ast.DataSegment;
import dev.ligature.core.ast.ElementSegment;
import dev.ligature.core.ast.SegmentMode;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.TableType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTableTest {
    private static final MemoryType MEM32 = new MemoryType(new Limits(1, -1), false, false);
    private static final MemoryType MEM64 = new MemoryType(new Limits(1, -1), false, true);
    private static final TableType FUNCS = new TableType(RefType.FUNCREF, new Limits(1, -1), false);
    private static final TableType FUNCS64 = new TableType(RefType.FUNCREF, new Limits(1, -1), true);

    private static TestModule withMem(MemoryType mem, Code body, dev.ligature.core.types.ValType... results) {
        TestModule m = TestModule.module().memory(mem);
        m.func(vals(), List.of(results), body);
        return m;
    }

    @Test
    void loadsAndStoresUseTheMemoryAddressType() {
        withMem(MEM32, code().i32(0).mem(I64_LOAD, 3, 0), I64).assertValid();
        withMem(MEM64, code().i64(0).mem(I64_LOAD, 3, 0), I64).assertValid();
        withMem(MEM64, code().i32(0).mem(I64_LOAD, 3, 0), I64).assertInvalid("type mismatch");
        withMem(MEM32, code().i32(0).f32(1).mem(F32_STORE, 2, 0)).assertValid();
        withMem(MEM32, code().i32(0).f64(1).mem(F32_STORE, 2, 0)).assertInvalid("type mismatch");
    }

    @Test
    void memoryMustExist() {
        TestModule m = TestModule.module();
        m.func(vals(), vals(I32), code().i32(0).mem(I32_LOAD, 2, 0));
        m.assertInvalid("unknown memory 0");
        TestModule multi = TestModule.module().memory(MEM32).memory(MEM64);
        multi.func(vals(), vals(I32), code().i64(0).mem(I32_LOAD, 2, 1, 0));
        multi.assertValid();
        withMem(MEM32, code().i32(0).mem(I32_LOAD, 2, 1, 0), I32).assertInvalid("unknown memory 1");
        withMem(MEM32, code().op(MEMORY_SIZE, 1), I32).assertInvalid("unknown memory 1");
    }

    @Test
    void alignmentAndOffset() {
        withMem(MEM32, code().i32(0).mem(I32_LOAD8_U, 0, 0), I32).assertValid();
        withMem(MEM32, code().i32(0).mem(I32_LOAD8_U, 1, 0), I32)
                .assertInvalid("alignment must not be larger than natural");
        withMem(MEM32, code().i32(0).mem(I64_LOAD, 4, 0), I64)
                .assertInvalid("alignment must not be larger than natural");
        withMem(MEM32, code().i32(0).mem(I32_LOAD, 2, 0xFFFF_FFFFL), I32).assertValid();
        withMem(MEM32, code().i32(0).mem(I32_LOAD, 2, 0x1_0000_0000L), I32).assertInvalid("offset out of range");
        withMem(MEM64, code().i64(0).mem(I32_LOAD, 2, 0x1_0000_0000L), I32).assertValid();
    }

    @Test
    void simdLanes() {
        TestModule ok = TestModule.module();
        ok.func(vals(), vals(I32), code().v128(0, 0).op(I8X16_EXTRACT_LANE_U).u8(15));
        ok.assertValid();
        TestModule bad = TestModule.module();
        bad.func(vals(), vals(I32), code().v128(0, 0).op(I8X16_EXTRACT_LANE_U).u8(16));
        bad.assertInvalid("invalid lane index");
        TestModule i64 = TestModule.module();
        i64.func(vals(), vals(I64), code().v128(0, 0).op(I64X2_EXTRACT_LANE).u8(2));
        i64.assertInvalid("invalid lane index");
        Code shuffle = code().v128(0, 0).v128(0, 0).op(I8X16_SHUFFLE);
        for (int i = 0; i < 16; i++) {
            shuffle.u8(i == 3 ? 32 : 31);
        }
        TestModule sh = TestModule.module();
        sh.func(vals(), vals(dev.ligature.core.types.VecType.V128), shuffle);
        sh.assertInvalid("invalid lane index");
        withMem(MEM32, code().i32(0).v128(0, 0).mem(V128_LOAD32_LANE, 2, 0).u8(3), dev.ligature.core.types.VecType.V128)
                .assertValid();
        withMem(MEM32, code().i32(0).v128(0, 0).mem(V128_LOAD32_LANE, 2, 0).u8(4), dev.ligature.core.types.VecType.V128)
                .assertInvalid("invalid lane index");
        withMem(MEM32, code().i32(0).v128(0, 0).mem(V128_LOAD32_LANE, 3, 0).u8(0), dev.ligature.core.types.VecType.V128)
                .assertInvalid("alignment must not be larger than natural");
    }

    @Test
    void bulkMemory() {
        withMem(MEM64, code().i64(0).i32(0).i64(1).op(MEMORY_FILL, 0)).assertValid();
        withMem(MEM64, code().i32(0).i32(0).i32(1).op(MEMORY_FILL, 0)).assertInvalid("type mismatch");
        withMem(MEM64, code().i64(1).op(MEMORY_GROW, 0), I64).assertValid();
        TestModule copy = TestModule.module().memory(MEM32).memory(MEM64);
        // Copying from a 64-bit into a 32-bit memory: the length has the smaller address type.
        copy.func(vals(), vals(), code().i32(0).i64(0).i32(1).op(MEMORY_COPY, 0, 1));
        copy.assertValid();
        TestModule init = TestModule.module().memory(MEM32).data(new DataSegment(SegmentMode.PASSIVE, 0, null, new byte[1]));
        init.func(vals(), vals(), code().i32(0).i32(0).i32(1).op(MEMORY_INIT, 0, 0).op(DATA_DROP, 0));
        init.assertValid();
        TestModule noData = TestModule.module().memory(MEM32);
        noData.func(vals(), vals(), code().op(DATA_DROP, 0));
        noData.assertInvalid("unknown data segment 0");
    }

    @Test
    void tableInstructions() {
        TestModule m = TestModule.module().table(FUNCS64);
        m.func(vals(), vals(RefType.FUNCREF), code().i64(0).op(TABLE_GET, 0));
        m.func(vals(), vals(I64), code().heap(REF_NULL, AbsHeapType.FUNC).i64(1).op(TABLE_GROW, 0));
        m.func(vals(), vals(), code().i64(0).heap(REF_NULL, AbsHeapType.FUNC).i64(1).op(TABLE_FILL, 0));
        m.assertValid();
        TestModule bad = TestModule.module().table(FUNCS);
        bad.func(vals(), vals(), code().i32(0).heap(REF_NULL, AbsHeapType.EXTERN).op(TABLE_SET, 0));
        bad.assertInvalid("type mismatch");
        TestModule unknown = TestModule.module();
        unknown.func(vals(), vals(I32), code().op(TABLE_SIZE, 0));
        unknown.assertInvalid("unknown table 0");
        TestModule copy = TestModule.module().table(FUNCS).table(new TableType(RefType.EXTERNREF, new Limits(0, -1), false));
        copy.func(vals(), vals(), code().i32(0).i32(0).i32(0).op(TABLE_COPY, 0, 1));
        copy.assertInvalid("type mismatch");
    }

    @Test
    void tableInitAndElemDrop() {
        TestModule m = TestModule.module().table(FUNCS);
        m.elem(new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.FUNCREF, List.of()));
        m.func(vals(), vals(), code().i32(0).i32(0).i32(0).op(TABLE_INIT, 0, 0).op(ELEM_DROP, 0));
        m.assertValid();
        TestModule bad = TestModule.module().table(FUNCS);
        bad.func(vals(), vals(), code().op(ELEM_DROP, 4));
        bad.assertInvalid("unknown elem segment 4");
        TestModule wrongType = TestModule.module().table(FUNCS);
        wrongType.elem(new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.EXTERNREF, List.of()));
        wrongType.func(vals(), vals(), code().i32(0).i32(0).i32(0).op(TABLE_INIT, 0, 0));
        wrongType.assertInvalid("type mismatch");
    }

    @Test
    void callIndirect() {
        TestModule m = TestModule.module().table(FUNCS);
        int t = m.type(vals(I32), vals(I64));
        m.func(vals(), vals(I64), code().i32(1).i32(0).op(CALL_INDIRECT, t, 0));
        m.assertValid();
        TestModule t64 = TestModule.module().table(FUNCS64);
        int tt = t64.type(vals(), vals());
        t64.func(vals(), vals(), code().i32(0).op(CALL_INDIRECT, tt, 0));
        t64.assertInvalid("type mismatch");
        TestModule noTable = TestModule.module();
        int nt = noTable.type(vals(), vals());
        noTable.func(vals(), vals(), code().i32(0).op(CALL_INDIRECT, nt, 0));
        noTable.assertInvalid("unknown table");
        TestModule externs = TestModule.module().table(new TableType(RefType.EXTERNREF, new Limits(0, -1), false));
        int et = externs.type(vals(), vals());
        externs.func(vals(), vals(), code().i32(0).op(CALL_INDIRECT, et, 0));
        externs.assertInvalid("type mismatch");
    }
}
