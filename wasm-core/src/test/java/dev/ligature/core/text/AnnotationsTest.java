package dev.ligature.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.CustomSection;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.binary.ModuleEncoder;
import dev.ligature.core.binary.NameSection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationsTest {
    private static final String PLACEMENTS = """
            (module
              (type (func))
              (@custom "a" "x" "" "yz")
              (@custom "b" (before global) "1")
              (@custom "c" (after func))
              (@custom "d" (before first))
              (@custom "e" (after last))
              (func)
              (global i32 (i32.const 0)))
            """;

    private static final String NAMES = """
            (module $m (@name "Modül")
              (import "m" "g" (func))
              (func $f (@name "λ"))
              (tag (@name "θ")))
            """;

    // Locals: one run of one i32 = 3 bytes (01 01 7F). Body: local.get 0 (2 bytes), then the
    // hinted plain if at expression offset 2 (body offset 5), end; block (2), local.get 0 (2),
    // hinted br_if at expression offset 9 (body offset 12).
    private static final String HINTS = """
            (module
              (import "m" "f" (func))
              (func)
              (func (param i32) (local i32)
                local.get 0
                (@metadata.code.branch_hint "\\01") if end
                (block (@metadata.code.branch_hint "\\00") (br_if 0 (local.get 0)))))
            """;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void customSectionsKeepNameBytesAndPlacementInBinaryOrder() {
        List<CustomSection> c = WatParser.parseModule(PLACEMENTS).customs();
        // "before global" = after the tag section, which precedes the global section in binary order
        assertEquals(List.of(
                new CustomSection("d", new byte[0], 0),
                new CustomSection("c", new byte[0], Module.SEC_FUNCTION),
                new CustomSection("b", utf8("1"), Module.SEC_TAG),
                new CustomSection("a", utf8("xyz"), Module.SEC_DATA),
                new CustomSection("e", new byte[0], Module.SEC_DATA)), c);
    }

    @Test
    void customAtTopLevelOfBareFields() {
        assertEquals(List.of(new CustomSection("bla", new byte[0], Module.SEC_DATA)),
                WatParser.parseModule("(@custom \"bla\")").customs());
    }

    @Test
    void namesGoToTheNameSection() {
        Module m = WatParser.parseModule(NAMES);
        NameSection n = NameSection.of(m);
        assertEquals("Modül", n.moduleName());
        assertEquals(Map.of(1, "λ"), n.functions());
        assertEquals(Map.of(0, "θ"), n.tags());
    }

    @Test
    void branchHintsEncodeFunctionOffsetAndHint() {
        Module m = WatParser.parseModule(HINTS);
        CustomSection c = m.custom("metadata.code.branch_hint");
        assertEquals(Module.SEC_FUNCTION, c.after());
        assertArrayEquals(new byte[] {1, 2, 2, 5, 1, 1, 12, 1, 0}, c.data());
        byte[] code = m.functions().get(1).body().bytes();
        assertEquals(0x04, code[5 - 3]);
        assertEquals(0x0D, code[12 - 3]);
    }

    @Test
    void foldedIfHintPointsAtTheIfAfterItsCondition() {
        Module m = WatParser.parseModule(
                "(func (param i32) (@metadata.code.branch_hint \"\\01\") (if (local.get 0) (then)))");
        // no locals: the declarations take one byte (a zero count); local.get 0 takes two
        assertArrayEquals(new byte[] {1, 0, 1, 3, 1, 1}, m.custom("metadata.code.branch_hint").data());
        assertEquals(0x04, m.functions().get(0).body().bytes()[2]);
    }

    @Test
    void unknownAnnotationsAreStillDropped() {
        Module m = WatParser.parseModule("(module (@foo bar (baz \"q\")) (func (@other)))");
        assertTrue(m.customs().isEmpty());
        assertNull(m.custom("name"));
    }

    @Test
    void producedSectionsRoundTripThroughTheBinaryFormat() {
        for (String src : List.of(PLACEMENTS, NAMES, HINTS)) {
            Module m = WatParser.parseModule(src);
            Module back = ModuleDecoder.decode(ModuleEncoder.encode(m));
            assertEquals(m.customs(), back.customs(), src);
        }
    }

    private static void malformed(String src, String phrase) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> WatParser.parseModule(src));
        assertTrue(e.getMessage().startsWith(phrase), e.getMessage());
    }

    @Test
    void customErrors() {
        malformed("(@custom)", "@custom annotation: missing section name");
        malformed("(@custom 4)", "@custom annotation: missing section name");
        malformed("(@custom \"\\df\")", "@custom annotation: malformed UTF-8 encoding");
        malformed("(@custom \"bla\" here)", "@custom annotation: unexpected token");
        malformed("(@custom \"bla\" after)", "@custom annotation: unexpected token");
        malformed("(@custom \"bla\" (after))", "@custom annotation: malformed section kind");
        malformed("(@custom \"bla\" (before types))", "@custom annotation: malformed section kind");
        malformed("(@custom \"bla\" (type))", "@custom annotation: malformed placement");
        malformed("(type (@custom \"bla\") $t (func))", "misplaced @custom annotation");
        malformed("(func (block (@custom \"bla\")))", "misplaced @custom annotation");
    }

    @Test
    void nameErrors() {
        malformed("(module (@name \"M1\") (@name \"M2\"))", "@name annotation: multiple module");
        malformed("(module (func) (@name \"M\"))", "misplaced @name annotation");
        malformed("(module (start $f (@name \"M\")) (func $f))", "misplaced @name annotation");
        malformed("(@name \"M\")", "misplaced @name annotation");
    }

    @Test
    void branchHintErrors() {
        malformed("(func (@metadata.code.branch_hint \"\\01\") (@metadata.code.branch_hint \"\\01\") (if (i32.const 0) (then)))",
                "@metadata.code.branch_hint annotation: duplicate annotation");
        malformed("(module (@metadata.code.branch_hint \"\\01\") (func))",
                "@metadata.code.branch_hint annotation: not in a function");
        malformed("(func (@metadata.code.branch_hint \"\\02\") (if (i32.const 0) (then)))",
                "@metadata.code.branch_hint annotation: malformed hint");
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> WatParser.parseModule(
                "(func (result i32) i32.const 1 (@metadata.code.branch_hint \"\\01\") i32.eqz)"));
        assertTrue(e.getMessage().startsWith("@metadata.code.branch_hint annotation: invalid target"), e.getMessage());
    }

    @Test
    void malformedTextWinsOverAnInvalidHintTarget() {
        malformed("(func (@metadata.code.branch_hint \"\\01\") nop) (func bogus)", "unknown operator");
    }
}
