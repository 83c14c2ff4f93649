package dev.ligature.core.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.MalformedModuleException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command forms of the script grammar. */
class WastParserTest {
    private static Command only(String script) {
        List<Command> commands = WastParser.parse(script).commands();
        assertEquals(1, commands.size(), "commands of " + script);
        return commands.get(0);
    }

    private static MalformedModuleException malformed(String script) {
        return assertThrows(MalformedModuleException.class, () -> WastParser.parse(script));
    }

    @Test
    void emptyScriptHasNoCommands() {
        assertTrue(WastParser.parse("").commands().isEmpty());
        assertTrue(WastParser.parse(" ;; nothing\n (; at all ;)").commands().isEmpty());
    }

    @Test
    void textModuleIsCutOutWithCommentsAndItsPosition() {
        String module = "(module $m (func) ;; keep me\n  (memory 1))";
        var cmd = assertInstanceOf(Command.ModuleCommand.class, only("\n\n   " + module + "  ;; after\n"));
        assertEquals(3, cmd.line());
        assertEquals("m", cmd.id());
        assertFalse(cmd.definition());
        var text = assertInstanceOf(ModuleSource.Text.class, cmd.source());
        assertEquals(module, text.source());
        assertEquals(3, text.line());
        assertEquals(4, text.column());
    }

    @Test
    void textModuleColumnCountsBytes() {
        // "é" is two bytes in UTF-8: the module starts at byte column 10, character column 9
        String script = ";; \"é\"\n(; é ;) (module)";
        var text = assertInstanceOf(ModuleSource.Text.class, ((Command.ModuleCommand) only(script)).source());
        assertEquals("(module)", text.source());
        assertEquals(2, text.line());
        assertEquals(10, text.column());
        var text2 = assertInstanceOf(ModuleSource.Text.class,
                ((Command.ModuleCommand) only("(;é;) (module)")).source());
        assertEquals(8, text2.column());
    }

    @Test
    void parenthesesInsideStringsAndCommentsDoNotEndTheModule() {
        String module = "(module (data \")((\") (; ) ;) (@a \")\" ) ;; )\n)";
        List<Command> cs = WastParser.parse(module + "(module)").commands();
        assertEquals(2, cs.size());
        assertEquals(module, ((ModuleSource.Text) ((Command.ModuleCommand) cs.get(0)).source()).source());
        assertEquals("(module)", ((ModuleSource.Text) ((Command.ModuleCommand) cs.get(1)).source()).source());
    }

    @Test
    void binaryModuleConcatenatesItsStrings() {
        var cmd = (Command.ModuleCommand) only("(module $b binary \"\\00asm\" \"\\01\\00\\00\\00\" \"\")");
        assertEquals("b", cmd.id());
        var bin = assertInstanceOf(ModuleSource.Binary.class, cmd.source());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, bin.bytes());
        assertEquals(1, bin.line());
    }

    @Test
    void quotedModuleKeepsBytesThatAreNotUtf8() {
        var cmd = (Command.ModuleCommand) only("(module quote \"(func\" \" \\ff)\")");
        assertNull(cmd.id());
        var q = assertInstanceOf(ModuleSource.Quote.class, cmd.source());
        assertArrayEquals(new byte[] {'(', 'f', 'u', 'n', 'c', ' ', (byte) 0xFF, ')'}, q.source());
    }

    @Test
    void moduleDefinitionAndInstance() {
        List<Command> cs = WastParser.parse("""
                (module definition $M (global (export "g") i32 (i32.const 1)))
                (module definition binary "\\00asm")
                (module instance $I $M)
                (module instance $J)
                (module instance)
                """).commands();
        var def = (Command.ModuleCommand) cs.get(0);
        assertTrue(def.definition());
        assertEquals("M", def.id());
        // the keyword is blanked so the text is a plain module at the same positions
        var text = (ModuleSource.Text) def.source();
        assertEquals("(module            $M (global (export \"g\") i32 (i32.const 1)))", text.source());
        assertEquals(1, text.column());
        var defBin = (Command.ModuleCommand) cs.get(1);
        assertTrue(defBin.definition());
        assertNull(defBin.id());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm'}, ((ModuleSource.Binary) defBin.source()).bytes());
        assertEquals(new Command.ModuleInstance(3, "I", "M"), cs.get(2));
        assertEquals(new Command.ModuleInstance(4, "J", null), cs.get(3));
        assertEquals(new Command.ModuleInstance(5, null, null), cs.get(4));
    }

    @Test
    void register() {
        assertEquals(new Command.Register(1, "spectest", "M"), only("(register \"spectest\" $M)"));
        assertEquals(new Command.Register(1, "x", null), only("(register \"x\")"));
    }

    @Test
    void actionsAtTopLevel() {
        List<Command> cs = WastParser.parse("""
                (invoke "f")
                (invoke $M "g" (i32.const 1) (i64.const 2))
                (get "glob")
                (get $M "glob")
                """).commands();
        assertEquals(new Command.ActionCommand(1, new Action.Invoke(null, "f", List.of())), cs.get(0));
        assertEquals(new Command.ActionCommand(2, new Action.Invoke("M", "g",
                List.of(new WastValue.I32(1), new WastValue.I64(2)))), cs.get(1));
        assertEquals(new Command.ActionCommand(3, new Action.Get(null, "glob")), cs.get(2));
        assertEquals(new Command.ActionCommand(4, new Action.Get("M", "glob")), cs.get(3));
    }

    @Test
    void assertReturnWithSeveralResultsAndNone() {
        assertEquals(new Command.AssertReturn(1, new Action.Invoke(null, "f", List.of(new WastValue.I32(3))),
                List.of(new Expected.Exact(new WastValue.I32(4)), new Expected.Exact(new WastValue.I64(-1)))),
                only("(assert_return (invoke \"f\" (i32.const 3)) (i32.const 4) (i64.const -1))"));
        assertEquals(new Command.AssertReturn(1, new Action.Get(null, "g"), List.of()),
                only("(assert_return (get \"g\"))"));
        // no blank between the head and the action
        assertInstanceOf(Command.AssertReturn.class, only("(assert_return(invoke \"f\"))"));
    }

    @Test
    void assertTrapOnActionOrModule() {
        assertEquals(new Command.AssertTrap(1, new Action.Invoke(null, "f", List.of()), "unreachable"),
                only("(assert_trap (invoke \"f\") \"unreachable\")"));
        var trap = assertInstanceOf(Command.AssertModuleTrap.class,
                only("(assert_trap (module (start 0)) \"out of bounds\")"));
        assertEquals("out of bounds", trap.message());
        assertEquals("(module (start 0))", ((ModuleSource.Text) trap.module()).source());
        assertEquals(14, ((ModuleSource.Text) trap.module()).column());
    }

    @Test
    void exhaustionAndException() {
        assertEquals(new Command.AssertExhaustion(2, new Action.Invoke(null, "r", List.of()), "call stack exhausted"),
                only("\n(assert_exhaustion (invoke \"r\") \"call stack exhausted\")"));
        assertEquals(new Command.AssertException(1, new Action.Invoke("M", "t", List.of())),
                only("(assert_exception (invoke $M \"t\"))"));
    }

    @Test
    void moduleAssertions() {
        List<Command> cs = WastParser.parse("""
                (assert_malformed (module quote "(func") "unexpected end")
                (assert_malformed (module binary "\\00") "unexpected end")
                (assert_invalid (module (func (result i32))) "type mismatch")
                (assert_unlinkable (module (import "a" "b" (func))) "unknown import")
                (assert_uninstantiable (module (func)) "oops")
                (assert_malformed_custom (module quote "(@custom \\"x\\")") "malformed custom")
                (assert_invalid_custom (module) "invalid custom")
                """).commands();
        var m0 = assertInstanceOf(Command.AssertMalformed.class, cs.get(0));
        assertArrayEquals("(func".getBytes(StandardCharsets.UTF_8), ((ModuleSource.Quote) m0.module()).source());
        assertEquals("unexpected end", m0.message());
        var m1 = assertInstanceOf(Command.AssertMalformed.class, cs.get(1));
        assertArrayEquals(new byte[] {0}, ((ModuleSource.Binary) m1.module()).bytes());
        var inv = assertInstanceOf(Command.AssertInvalid.class, cs.get(2));
        assertEquals("(module (func (result i32)))", ((ModuleSource.Text) inv.module()).source());
        assertEquals("type mismatch", inv.message());
        assertEquals(3, inv.line());
        assertEquals(3, inv.module().line());
        var unl = assertInstanceOf(Command.AssertUnlinkable.class, cs.get(3));
        assertEquals("unknown import", unl.message());
        assertEquals("oops", assertInstanceOf(Command.AssertUninstantiable.class, cs.get(4)).message());
        var mc = assertInstanceOf(Command.AssertCustom.class, cs.get(5));
        assertFalse(mc.invalid());
        assertArrayEquals("(@custom \"x\")".getBytes(StandardCharsets.UTF_8), ((ModuleSource.Quote) mc.module()).source());
        var ic = assertInstanceOf(Command.AssertCustom.class, cs.get(6));
        assertTrue(ic.invalid());
        assertEquals(7, ic.line());
    }

    @Test
    void scriptOfBareModuleFieldsIsOneModule() {
        var cmd = assertInstanceOf(Command.ModuleCommand.class, only(";; fields\n(func) (memory 0) (func (export \"f\"))\n"));
        var text = (ModuleSource.Text) cmd.source();
        assertEquals("(func) (memory 0) (func (export \"f\"))", text.source());
        assertEquals(2, text.line());
        assertEquals(1, text.column());
        assertEquals(2, cmd.line());
    }

    @Test
    void unclosedFieldOfAnInlineModuleIsAScriptError() {
        MalformedModuleException e = malformed("(func)\n(memory 1");
        assertTrue(e.getMessage().startsWith("unexpected end"), e.getMessage());
        assertEquals(2, e.line());
        assertTrue(malformed("(func) nop").getMessage().startsWith("unexpected token"));
    }

    @Test
    void malformedScriptsReportWhereTheyFail() {
        MalformedModuleException e = malformed("(module)\n  (frobnicate)");
        assertTrue(e.getMessage().startsWith("unexpected token"), e.getMessage());
        assertEquals(2, e.line());
        assertEquals(4, e.column());

        e = malformed("(assert_return (invoke \"f\")");
        assertTrue(e.getMessage().startsWith("unexpected end"), e.getMessage());

        e = malformed("(module (func)");
        assertTrue(e.getMessage().startsWith("unexpected end"), e.getMessage());
        assertEquals(1, e.line());
        assertEquals(1, e.column());

        e = malformed("(assert_trap (invoke \"f\"))");
        assertTrue(e.getMessage().startsWith("unexpected token"), e.getMessage());
        assertEquals(26, e.column());

        assertTrue(malformed("(assert_return (module) (i32.const 1))").getMessage().startsWith("unexpected token"));
        assertTrue(malformed("(assert_invalid (invoke \"f\") \"x\")").getMessage().startsWith("unexpected token"));
        assertTrue(malformed("(invoke f)").getMessage().startsWith("unexpected token"));
        assertTrue(malformed("(register $M)").getMessage().startsWith("unexpected token"));
        assertTrue(malformed("(assert_invalid (module instance $I) \"x\")").getMessage().startsWith("unexpected token"));
        assertTrue(malformed("i32.const").getMessage().startsWith("unexpected token"));
        assertTrue(malformed(")").getMessage().startsWith("unexpected token"));
        assertTrue(malformed("(module binary \"\\00\" $x)").getMessage().startsWith("unexpected token"));
        // lexical faults come from the lexer with its own phrases
        assertTrue(malformed("(module quote \"abc)").getMessage().startsWith("unclosed string"));
        // a name must be valid UTF-8
        assertTrue(malformed("(invoke \"\\ff\")").getMessage().startsWith("malformed UTF-8 encoding"));
    }

    @Test
    void bytesAndStringEntryPointsAgree() {
        String s = "(module $x (func))\n(assert_return (invoke \"é\" (f32.const 1)) (f32.const nan:canonical))";
        assertEquals(WastParser.parse(s).commands().get(1),
                WastParser.parse(s.getBytes(StandardCharsets.UTF_8)).commands().get(1));
        assertEquals("é", ((Command.AssertReturn) WastParser.parse(s).commands().get(1)).action().name());
    }
}
