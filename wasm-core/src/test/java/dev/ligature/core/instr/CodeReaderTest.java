package dev.ligature.core.instr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.binary.WasmWriter;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.NumType;
import org.junit.jupiter.api.Test;

class CodeReaderTest {
    private static CodeReader reader(byte[] code) {
        return new CodeReader(new WasmReader(code));
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void decodesImmediatesOfEachShape() {
        WasmWriter w = new WasmWriter();
        w.opcode(Opcode.BLOCK).u8(0x7F);                        // block (result i32)
        w.opcode(Opcode.I32_CONST).s64(-1);
        w.opcode(Opcode.BR_TABLE).u32(2).u32(0).u32(1).u32(0);
        w.opcode(Opcode.I64_LOAD).u8(0x40 | 3).u32(2).u64(1L << 40); // align 3, memory 2, large offset
        w.opcode(Opcode.REF_NULL).u8(0x70);
        w.opcode(Opcode.V128_CONST).bytes(bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
        w.opcode(Opcode.TRY_TABLE).u8(0x40).u32(2).u8(0).u32(7).u32(1).u8(2).u32(0);
        w.opcode(Opcode.END);
        CodeReader r = reader(w.toByteArray());

        assertEquals(Opcode.BLOCK, r.next());
        assertEquals(NumType.I32, r.blockValType());
        assertEquals(-1, r.index());
        assertEquals(Opcode.I32_CONST, r.next());
        assertEquals(-1, r.value());
        assertEquals(Opcode.BR_TABLE, r.next());
        assertEquals(2, r.labelCount());
        assertEquals(1, r.labels()[1]);
        assertEquals(0, r.index());
        assertEquals(Opcode.I64_LOAD, r.next());
        assertEquals(3, r.align());
        assertEquals(2, r.memory());
        assertEquals(1L << 40, r.offset());
        assertEquals(Opcode.REF_NULL, r.next());
        assertEquals(AbsHeapType.FUNC, r.heapType());
        assertEquals(Opcode.V128_CONST, r.next());
        assertEquals(16, r.v128()[15]);
        assertEquals(Opcode.TRY_TABLE, r.next());
        assertNull(r.blockValType());
        assertEquals(2, r.catchCount());
        assertEquals(CodeReader.CATCH, r.catchKind(0));
        assertEquals(7, r.catchTag(0));
        assertEquals(1, r.catchLabel(0));
        assertEquals(CodeReader.CATCH_ALL, r.catchKind(1));
        assertEquals(-1, r.catchTag(1));
        assertEquals(Opcode.END, r.next());
        assertFalse(r.hasNext());
    }

    @Test
    void prefixedOpcodesUseLeb128Codes() {
        // i16x8.relaxed_dot_i8x16_i7x16_s is 0xFD 274, whose LEB128 takes two bytes.
        CodeReader r = reader(bytes(0xFD, 0x92, 0x02));
        assertEquals(Opcode.I16X8_RELAXED_DOT_I8X16_I7X16_S, r.next());
    }

    @Test
    void blockTypeCanBeATypeIndex() {
        CodeReader r = reader(bytes(0x02, 0x05));
        assertEquals(Opcode.BLOCK, r.next());
        assertEquals(5, r.index());
    }

    @Test
    void unknownOpcodesAreMalformed() {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> reader(bytes(0x27)).next());
        assertTrue(e.getMessage().contains("illegal opcode"));
        assertThrows(MalformedModuleException.class, () -> reader(bytes(0xFD, 0x9A, 0x01)).next()); // 154: reserved
        assertThrows(MalformedModuleException.class, () -> reader(bytes(0xFC, 0x7F)).next());
    }

    @Test
    void truncatedImmediatesAreMalformed() {
        assertThrows(MalformedModuleException.class, () -> reader(bytes(0x41, 0x80)).next());
        assertThrows(MalformedModuleException.class, () -> reader(bytes(0x44, 0, 0, 0)).next());
        assertThrows(MalformedModuleException.class, () -> reader(bytes(0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)).next());
    }

    @Test
    void lebLimitsAreEnforced() {
        // i32.const with a sixth byte: too long.
        MalformedModuleException tooLong = assertThrows(MalformedModuleException.class,
                () -> reader(bytes(0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)).next());
        assertTrue(tooLong.getMessage().contains("integer representation too long"));
        // i32.const whose fifth byte sets bits beyond 32 that are not sign bits.
        MalformedModuleException tooLarge = assertThrows(MalformedModuleException.class,
                () -> reader(bytes(0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x4F)).next());
        assertTrue(tooLarge.getMessage().contains("integer too large"));
        // A correctly sign-extended fifth byte is fine: -1.
        CodeReader ok = reader(bytes(0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F));
        ok.next();
        assertEquals(-1, ok.value());
    }

    @Test
    void writerAndReaderAgreeOnLeb128() {
        long[] samples = {0, 1, -1, 63, 64, -64, -65, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : samples) {
            WasmWriter w = new WasmWriter();
            w.s64(v).u64(v);
            WasmReader r = new WasmReader(w.toByteArray());
            assertEquals(v, r.s64());
            assertEquals(v, r.u64());
            assertFalse(r.hasMore());
        }
        assertArrayEquals(bytes(0xE5, 0x8E, 0x26), new WasmWriter().u32(624485).toByteArray());
        assertArrayEquals(bytes(0xC0, 0xBB, 0x78), new WasmWriter().s64(-123456).toByteArray());
    }
}
