package dev.ligature.core.binary;

import static dev.ligature.core.binary.Hex.bytes;
import static dev.ligature.core.binary.Hex.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.MalformedModuleException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every decode fault phrase, from hand-built bytes; messages start with the phrase, then the offset. */
class DecodeErrorTest {
    private static final String TYPE_VOID = "01 04 01 60 00 00";
    private static final String ONE_FUNC = "03 02 01 00";

    /** A module with one function of type [] -> [] whose body (locals included) is {@code body}. */
    private static byte[] withBody(String body) {
        int size = bytes(body).length;
        return module(TYPE_VOID, ONE_FUNC, String.format("0a %02x 01 %02x", size + 2, size), body);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("empty input", bytes(""), "unexpected end", 0),
                Arguments.of("wrong magic", bytes("00 61 73 6e 01 00 00 00"), "magic header not detected", 0),
                Arguments.of("short magic", bytes("00 61 73"), "unexpected end", 3),
                Arguments.of("wrong version", bytes("00 61 73 6d 02 00 00 00"), "unknown binary version", 4),
                Arguments.of("short version", bytes("00 61 73 6d 01 00"), "unexpected end", 6),
                Arguments.of("section id 14", module("0e 01 00"), "malformed section id", 8),
                Arguments.of("section size past the end", module("01 05 00"), "length out of bounds", 9),
                Arguments.of("section shorter than its size", module("01 02 00 00"), "section size mismatch", 10),
                Arguments.of("section longer than its size", module("01 01 01 60 00 00"), "section size mismatch", 10),
                Arguments.of("duplicate section", module("06 01 00", "06 01 00"), "unexpected content after last section", 11),
                Arguments.of("sections out of order", module("03 01 00", "01 01 00"), "unexpected content after last section", 11),
                Arguments.of("tag section after global", module("06 01 00", "0d 01 00"), "unexpected content after last section", 11),
                Arguments.of("data count after code", module("0a 01 00", "0c 01 00"), "unexpected content after last section", 11),
                Arguments.of("count past the end", module("01 02 ff 01"), "length out of bounds", 10),
                Arguments.of("truncated entry", module("05 01 01"), "unexpected end of section or function", 11),
                Arguments.of("functions without code", module(TYPE_VOID, ONE_FUNC), "function and code section have inconsistent lengths", 18),
                Arguments.of("code without functions", module("0a 04 01 02 00 0b"), "function and code section have inconsistent lengths", 14),
                Arguments.of("data count without data", module("0c 01 01"), "data count and data section have inconsistent lengths", 11),
                Arguments.of("memory.init without data count", withBody("00 41 00 41 00 41 00 fc 08 00 00 0b"), "data count section required", -1),
                Arguments.of("array.new_data without data count", withBody("00 41 00 41 00 fb 09 00 00 1a 0b"), "data count section required", -1),
                Arguments.of("too many locals", withBody("02 ff ff ff ff 0f 7f 01 7e 0b"), "too many locals", 22),
                Arguments.of("body missing its end", withBody("00 41 01 1a"), "unexpected end of section or function", -1),
                Arguments.of("body running past its size", module(TYPE_VOID, ONE_FUNC, "0a 04 01 02 00 01", "0b 01 00"), "section size mismatch", 22),
                Arguments.of("else at function level", withBody("00 05 0b"), "END opcode expected", 23),
                Arguments.of("else in a block", withBody("00 02 40 05 0b 0b"), "END opcode expected", 25),
                Arguments.of("second else", withBody("00 04 40 05 05 0b 0b"), "END opcode expected", 26),
                Arguments.of("catch outside try", withBody("00 02 40 07 00 0b 0b"), "END opcode expected", 25),
                Arguments.of("catch after catch_all", withBody("00 06 40 19 07 00 0b 0b"), "END opcode expected", 26),
                Arguments.of("delegate after catch", withBody("00 06 40 07 00 18 00 0b"), "END opcode expected", 27),
                Arguments.of("illegal plain opcode", withBody("00 ff 0b"), "illegal opcode ff", 23),
                Arguments.of("illegal prefixed opcode", withBody("00 fc 7f 0b"), "illegal opcode fc 7f", 23),
                Arguments.of("illegal opcode in a constant", module("06 06 01 7f 00 27 00 0b"), "illegal opcode 27", 13),
                Arguments.of("memarg flags too large", withBody("00 41 00 28 80 01 00 1a 0b"), "malformed memop flags", 26),
                Arguments.of("integer too large", module("05 0c 01 00 ff ff ff ff ff ff ff ff ff 7f"), "integer too large", 21),
                Arguments.of("index too large", module("08 05 ff ff ff ff 7f"), "integer too large", 14),
                Arguments.of("integer representation too long", module("08 06 80 80 80 80 80 00"), "integer representation too long", 14),
                Arguments.of("signed type code too long", module("01 05 01 e0 7f 00 00"), "integer representation too long", 12),
                Arguments.of("limits flag 8 on a memory", module("05 03 01 08 00"), "malformed limits flags", 11),
                Arguments.of("shared table", module("04 04 01 70 02 00"), "malformed limits flags", 12),
                Arguments.of("limits flags as LEB128", module("05 04 01 81 00 00"), "malformed limits flags", 11),
                Arguments.of("global mutability 2", module("06 06 01 7f 02 41 00 0b"), "malformed mutability", 12),
                Arguments.of("field mutability 2", module("01 04 01 5e 78 02"), "malformed mutability", 13),
                Arguments.of("bad UTF-8 in a name", module("07 05 01 01 ff 00 00"), "malformed UTF-8 encoding", 11),
                Arguments.of("surrogate in a name", module("07 07 01 03 ed a0 80 00 00"), "malformed UTF-8 encoding", 11),
                Arguments.of("bad UTF-8 custom name", module("00 02 01 c0"), "malformed UTF-8 encoding", 10),
                Arguments.of("custom name past its section", module("00 00", "00 00"), "unexpected end", -1),
                Arguments.of("import kind 5", module("02 04 01 00 00 05"), "malformed import kind", 13),
                Arguments.of("export kind 5", module("07 04 01 00 05 00"), "malformed export kind", 12),
                Arguments.of("element flags 8", module("09 02 01 08"), "malformed elements segment kind", 11),
                Arguments.of("element kind 1", module("09 04 01 01 01 00"), "malformed element kind", 12),
                Arguments.of("element type i32", module("09 05 01 05 7f 00 0b"), "malformed reference type", 12),
                Arguments.of("data flags 3", module("0b 02 01 03"), "malformed data segment kind", 11),
                Arguments.of("data length past the input", module("0b 04 01 01 05 61"), "length out of bounds", 12),
                Arguments.of("data cut short", module("0b 04 01 01 02 61"), "unexpected end of section or function", 14),
                Arguments.of("definition type 0x40", module("01 02 01 40"), "malformed definition type", 11),
                Arguments.of("storage type 0x40", module("01 04 01 5e 40 00"), "malformed storage type", 12),
                Arguments.of("value type 0x40", module("01 05 01 60 01 40 00"), "malformed value type", 13),
                Arguments.of("heap type", module("01 06 01 60 01 64 50 00"), "malformed heap type", 14),
                Arguments.of("tag attribute 1", module("0d 03 01 01 00"), "zero byte expected", 11),
                Arguments.of("table 0x40 form with a non-zero byte", module("04 04 01 40 01 70"), "malformed reference type", 11));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void faultsAreReportedWithTheSuitesPhraseAndOffset(String what, byte[] input, String phrase, int offset) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(input));
        assertTrue(e.getMessage().startsWith(phrase + " (at byte offset "), what + ": " + e.getMessage());
        if (offset >= 0) {
            assertEquals(offset, e.offset(), what + ": " + e.getMessage());
        }
    }

    @Test
    void hugeDeclaredCountsFailWithoutAllocatingForThem() {
        // 2^32-1 types, functions, locals and br_table targets declared in a few bytes.
        for (byte[] input : new byte[][] {
                module("01 05 ff ff ff ff 0f"),
                module("03 05 ff ff ff ff 0f"),
                withBody("ff ff ff ff 0f 7f 0b"),
                withBody("00 0e ff ff ff ff 0f 0b")}) {
            assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(input));
        }
    }

    @Test
    void deeplyNestedBlocksNeedNoRecursion() {
        int depth = 200_000;
        StringBuilder body = new StringBuilder("00");
        body.append(" 02 40".repeat(depth)).append(" 0b".repeat(depth + 1));
        byte[] code = bytes(body.toString());
        WasmWriter w = new WasmWriter();
        w.bytes(bytes(Hex.HEADER, TYPE_VOID, ONE_FUNC));
        WasmWriter section = new WasmWriter().u32(1).u32(code.length).bytes(code);
        w.u8(10).sized(section);
        assertEquals(code.length - 1, ModuleDecoder.decode(w.toByteArray()).functions().getFirst().body().length());
    }
}
