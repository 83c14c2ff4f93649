package dev.ligature.core.instr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.types.NumType;
import dev.ligature.core.types.VecType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * Every row's {@link MemAccess} agrees with the row's other columns and with the instruction's
     * name in the specification: {@code i64.load16_u} reads 2 bytes into an i64 and zero-extends,
     * {@code i32.store8} writes the low byte of an i32, {@code v128.load8x8_s} sign-extends its lanes.
     * The engines derive their loads and stores from it, so this is what keeps them right.
     */
    @Test
    void everyMemoryRowStatesItsAccess() {
        Pattern name = Pattern.compile("(i32|i64|f32|f64|v128)\\.(load|store)(\\d+)?(x\\d+)?(_lane|_splat|_zero)?(_[su])?");
        int rows = 0;
        for (Opcode op : Opcode.values()) {
            MemAccess a = op.memAccess();
            boolean memarg = op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE;
            assertEquals(memarg, a != null, op.toString());
            if (!memarg) {
                continue;
            }
            rows++;
            Matcher m = name.matcher(op.mnemonic());
            assertTrue(m.matches(), op.mnemonic());
            String sig = op.sig();
            assertEquals(op.width(), a.bytes(), op.toString());
            assertEquals(m.group(2).equals("store"), a.store(), op.toString());
            assertEquals(sig.endsWith(">"), a.store(), op.toString());
            assertEquals(switch (m.group(1)) {
                case "i32" -> NumType.I32;
                case "i64" -> NumType.I64;
                case "f32" -> NumType.F32;
                case "f64" -> NumType.F64;
                default -> VecType.V128;
            }, a.type(), op.toString());
            assertEquals(!m.group(1).equals("v128"), a.scalar(), op.toString());
            // loadN / storeN moves N bits, except loadNxM (M lanes of N bits: 8 bytes) and the lane forms.
            if (m.group(3) != null && m.group(4) == null) {
                assertEquals(Integer.parseInt(m.group(3)) / 8, a.bytes(), op.toString());
            }
            assertEquals(a.scalar() && m.group(3) != null, a.partial(), op.toString());
            assertEquals("_s".equals(m.group(6)), a.signed(), op.toString());
        }
        assertEquals(23 + 22, rows); // the scalar loads and stores, and the vector ones
        assertTrue(Opcode.I64_LOAD32_U.memAccess().partial() && !Opcode.I64_LOAD32_U.memAccess().signed());
        assertFalse(Opcode.F64_STORE.memAccess().partial());
    }

    /** The rows flagged constant are the instructions the specification allows in constant expressions (and end). */
    @Test
    void constantRowsAreTheSpecificationsConstantInstructions() {
        Set<Opcode> constant = EnumSet.noneOf(Opcode.class);
        for (Opcode op : Opcode.values()) {
            if (op.constant()) {
                constant.add(op);
            }
        }
        Set<Opcode> spec = EnumSet.noneOf(Opcode.class);
        for (String m : new String[] {"end", "i32.const", "i64.const", "f32.const", "f64.const", "v128.const",
            "ref.null", "ref.func", "ref.i31", "global.get", "i32.add", "i32.sub", "i32.mul", "i64.add", "i64.sub",
            "i64.mul", "struct.new", "struct.new_default", "array.new", "array.new_default", "array.new_fixed",
            "any.convert_extern", "extern.convert_any"}) {
            Opcode op = Opcode.forMnemonic(m);
            assertNotNull(op, m);
            spec.add(op);
        }
        assertEquals(spec, constant);
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
