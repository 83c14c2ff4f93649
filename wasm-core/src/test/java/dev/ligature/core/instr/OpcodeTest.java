package dev.ligature.core.instr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpcodeTest {
    @Test
    void everyEncodingIsUniqueAndFindable() {
        Set<Long> seen = new HashSet<>();
        for (Opcode op : Opcode.values()) {
            long key = (long) op.prefix() << 32 | op.code();
            assertTrue(seen.add(key), "duplicate encoding for " + op);
            Opcode found = op.prefix() == 0 ? Opcode.plain(op.code()) : Opcode.prefixed(op.prefix(), op.code());
            assertSame(op, found);
        }
    }

    @Test
    void mnemonicsFindThePlainVariant() {
        for (Opcode op : Opcode.values()) {
            Opcode byName = Opcode.forMnemonic(op.mnemonic());
            assertEquals(op.mnemonic(), byName.mnemonic());
        }
        assertSame(Opcode.SELECT, Opcode.forMnemonic("select"));
        assertSame(Opcode.REF_TEST, Opcode.forMnemonic("ref.test"));
        assertSame(Opcode.REF_CAST, Opcode.forMnemonic("ref.cast"));
        assertNull(Opcode.forMnemonic("get_local"));
    }

    @Test
    void typeRulesUseOnlyKnownLetters() {
        for (Opcode op : Opcode.values()) {
            String sig = op.sig();
            if (sig == null) {
                continue;
            }
            assertEquals(1, sig.chars().filter(c -> c == '>').count(), op + " " + sig);
            assertTrue(sig.matches("[iIfFva]*>[iIfFv]?"), op + " " + sig);
            assertEquals(sig.indexOf('a') >= 0, op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE, op.toString());
        }
    }

    @Test
    void memoryAccessWidthsAreNaturalPowersOfTwo() {
        for (Opcode op : Opcode.values()) {
            if (op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE) {
                assertTrue(Integer.bitCount(op.width()) == 1 && op.width() <= 16, op.toString());
            }
        }
        assertEquals(2, Opcode.I32_LOAD.naturalAlignment());
        assertEquals(0, Opcode.I64_LOAD8_U.naturalAlignment());
        assertEquals(4, Opcode.V128_LOAD.naturalAlignment());
        assertEquals(3, Opcode.V128_LOAD16X4_S.naturalAlignment());
    }

    /** Encodings from the WebAssembly 3.0 specification's binary instruction index. */
    @ParameterizedTest
    @CsvSource({
        "unreachable, 0, 0x00", "try_table, 0, 0x1F", "delegate, 0, 0x18", "throw_ref, 0, 0x0A",
        "return_call_ref, 0, 0x15", "i32.add, 0, 0x6A", "i64.extend32_s, 0, 0xC4", "f64.promote_f32, 0, 0xBB",
        "br_on_non_null, 0, 0xD6", "memory.fill, 0xFC, 11", "table.fill, 0xFC, 17", "i64.trunc_sat_f64_u, 0xFC, 7",
        "struct.new, 0xFB, 0", "br_on_cast_fail, 0xFB, 25", "i31.get_u, 0xFB, 30", "array.init_elem, 0xFB, 19",
        "v128.load, 0xFD, 0", "v128.any_true, 0xFD, 83", "i16x8.avgr_u, 0xFD, 155", "i32x4.dot_i16x8_s, 0xFD, 186",
        "i64x2.ge_s, 0xFD, 219", "f64x2.convert_low_i32x4_u, 0xFD, 255", "i8x16.relaxed_swizzle, 0xFD, 256",
        "i32x4.relaxed_dot_i8x16_i7x16_add_s, 0xFD, 275", "v128.load64_zero, 0xFD, 93"
    })
    void encodingsMatchTheSpecification(String mnemonic, String prefix, String code) {
        Opcode op = Opcode.forMnemonic(mnemonic);
        assertEquals(Integer.decode(prefix), op.prefix());
        assertEquals(Integer.decode(code), op.code());
    }
}
