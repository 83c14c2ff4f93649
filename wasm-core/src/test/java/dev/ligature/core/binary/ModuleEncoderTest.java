package dev.ligature.core.binary;

import static dev.ligature.core.binary.Hex.bytes;
import static dev.ligature.core.binary.Hex.hex;
import static dev.ligature.core.binary.Hex.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ligature.core.ast.CustomSection;
import dev.ligature.core.ast.ElementSegment;
import dev.ligature.core.ast.Expr;
import dev.ligature.core.ast.Module;
import dev.ligature.core.ast.SegmentMode;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.RefType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder's choices: compact element encodings, custom section placement, sections left out. */
class ModuleEncoderTest {
    private static final RefType REF_FUNC = new RefType(false, AbsHeapType.FUNC);

    private static Expr expr(String hex) {
        return Expr.wrap(bytes(hex));
    }

    private static Module withElements(ElementSegment... segments) {
        Module e = Module.empty();
        return new Module(e.types(), e.imports(), e.functions(), e.tables(), e.memories(), e.tags(), e.globals(),
                e.exports(), e.start(), List.of(segments), e.dataCount(), e.data(), e.customs());
    }

    private static Module withCustoms(CustomSection... customs) {
        Module e = Module.empty();
        return new Module(e.types(), e.imports(), e.functions(), e.tables(), e.memories(), e.tags(), e.globals(),
                e.exports(), e.start(), e.elements(), e.dataCount(), e.data(), List.of(customs));
    }

    @Test
    void theEmptyModuleIsJustTheHeader() {
        assertEquals(Hex.HEADER, hex(ModuleEncoder.encode(Module.empty())));
    }

    @Test
    void refFuncListsOfTypeRefFuncUseTheFunctionIndexEncodings() {
        Module m = withElements(
                new ElementSegment(SegmentMode.ACTIVE, 0, expr("41 00 0b"), REF_FUNC, List.of(expr("d2 05 0b"))),
                new ElementSegment(SegmentMode.PASSIVE, 0, null, REF_FUNC, List.of(expr("d2 80 01 0b"))),
                new ElementSegment(SegmentMode.ACTIVE, 3, expr("41 00 0b"), REF_FUNC, List.of()),
                new ElementSegment(SegmentMode.DECLARATIVE, 0, null, REF_FUNC, List.of(expr("d2 01 0b"))));
        assertEquals(hex(module("09 17 04", "00 41 00 0b 01 05", "01 00 01 80 01", "02 03 41 00 0b 00 00",
                "03 00 01 01")), hex(ModuleEncoder.encode(m)));
    }

    @Test
    void otherSegmentsUseTheExpressionEncodings() {
        Module m = withElements(
                // funcref in table 0: form 4, no type written
                new ElementSegment(SegmentMode.ACTIVE, 0, expr("41 00 0b"), RefType.FUNCREF, List.of(expr("d2 05 0b"))),
                // (ref func) but a non-canonical index encoding: must keep the bytes, so form 5
                new ElementSegment(SegmentMode.PASSIVE, 0, null, REF_FUNC, List.of(expr("d2 85 00 0b"))),
                new ElementSegment(SegmentMode.ACTIVE, 1, expr("41 00 0b"), RefType.EXTERNREF, List.of(expr("d0 6f 0b"))),
                new ElementSegment(SegmentMode.DECLARATIVE, 0, null, RefType.FUNCREF, List.of(expr("d2 01 0b"))));
        assertEquals(hex(module("09 21 04", "04 41 00 0b 01 d2 05 0b", "05 64 70 01 d2 85 00 0b",
                "06 01 41 00 0b 6f 01 d0 6f 0b", "07 70 01 d2 01 0b")), hex(ModuleEncoder.encode(m)));
    }

    @Test
    void customSectionsGoBackWhereTheyWereAndKeepTheirSectionPresent() {
        Module m = withCustoms(new CustomSection("a", bytes("01"), 0), new CustomSection("b", bytes(""), Module.SEC_TAG),
                new CustomSection("c", bytes("02 03"), Module.SEC_DATA));
        byte[] out = ModuleEncoder.encode(m);
        assertEquals(hex(module("00 03 01 61 01", "0d 01 00", "00 02 01 62", "0b 01 00", "00 04 01 63 02 03")), hex(out));
        assertEquals(m, ModuleDecoder.decode(out));
    }

    @Test
    void customSectionsAfterAnUnknownSectionAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ModuleEncoder.encode(withCustoms(new CustomSection("x", new byte[0], 14))));
    }
}
