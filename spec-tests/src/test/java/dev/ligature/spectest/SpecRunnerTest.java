package dev.ligature.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.script.Action;
import dev.ligature.core.script.Command;
import dev.ligature.core.script.Expected;
import dev.ligature.core.script.ModuleSource;
import dev.ligature.core.script.Script;
import dev.ligature.core.script.WastValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecRunnerTest {
    private static final Path FILE = Path.of("t.wast");

    // Text, not Quote: Quote's payload type is changing (String to bytes) in a parallel branch, and
    // the runner treats both text forms alike.
    private static ModuleSource.Text quote(String directive) {
        return new ModuleSource.Text(directive, 1, 1);
    }

    private static ModuleSource.Binary binary(String directive) {
        return new ModuleSource.Binary(directive.getBytes(StandardCharsets.US_ASCII), 1);
    }

    private static FileResult run(SkipList skips, Command... commands) {
        Script script = new Script(List.of(commands));
        return new SpecRunner(skips, new FakeFrontend(script), new FakeExecutor(), Duration.ofSeconds(30)).runScript(FILE, "t.wast", script);
    }

    private static FileResult run(Command... commands) {
        return run(SkipList.empty(), commands);
    }

    @Test
    void moduleThatLoadsAndValidatesPasses() {
        FileResult r = run(new Command.ModuleCommand(1, null, false, quote("ok")),
                new Command.ModuleCommand(2, "$d", true, binary("ok")),
                new Command.ModuleCommand(3, null, false, new ModuleSource.Text("ok", 3, 1)));
        assertEquals(3, r.passed());
        assertEquals(0, r.failed());
    }

    @Test
    void moduleThatDoesNotLoadOrValidateFails() {
        FileResult r = run(new Command.ModuleCommand(4, null, false, binary("malformed:unexpected end")),
                new Command.ModuleCommand(5, null, false, quote("invalid:type mismatch")));
        assertEquals(0, r.passed());
        assertEquals(List.of(4, 5), r.failures().stream().map(Failure::line).toList());
        assertTrue(r.failures().get(0).reason().contains("malformed: unexpected end"), r.failures().get(0).reason());
        assertTrue(r.failures().get(1).reason().contains("invalid: type mismatch"), r.failures().get(1).reason());
        assertEquals("module", r.failures().get(0).kind());
    }

    @Test
    void binaryAssertMalformedComparesTheMessage() {
        FileResult r = run(new Command.AssertMalformed(1, binary("malformed:unexpected end of section"), "unexpected end"),
                new Command.AssertMalformed(2, binary("malformed:integer too large"), "unexpected end"),
                new Command.AssertMalformed(3, binary("ok"), "unexpected end"));
        assertEquals(1, r.passed());
        assertEquals(2, r.failed());
        assertTrue(r.failures().get(0).reason().contains("expected malformed \"unexpected end\", got \"integer too large"),
                r.failures().get(0).reason());
        assertTrue(r.failures().get(1).reason().contains("decoded without error"), r.failures().get(1).reason());
    }

    @Test
    void textAssertMalformedNeedsOnlyTheExceptionType() {
        FileResult r = run(new Command.AssertMalformed(1, quote("malformed:some other words"), "unknown operator"),
                new Command.AssertMalformed(2, new ModuleSource.Text("malformed:x", 2, 1), "unknown operator"),
                new Command.AssertMalformed(3, quote("ok"), "unknown operator"));
        assertEquals(2, r.passed());
        assertEquals(1, r.failed());
        assertTrue(r.failures().get(0).reason().contains("parsed without error"));
    }

    @Test
    void assertInvalidComparesTheMessageAndRejectsMalformedModules() {
        FileResult r = run(new Command.AssertInvalid(1, quote("invalid:type mismatch (in function 0)"), "type mismatch"),
                new Command.AssertInvalid(2, quote("invalid:unknown local"), "type mismatch"),
                new Command.AssertInvalid(3, quote("ok"), "type mismatch"),
                new Command.AssertInvalid(4, new ModuleSource.Text("malformed:unknown operator", 4, 2), "type mismatch"));
        assertEquals(1, r.passed());
        assertEquals(List.of(2, 3, 4), r.failures().stream().map(Failure::line).toList());
        assertTrue(r.failures().get(0).reason().contains("expected invalid \"type mismatch\", got \"unknown local\""));
        assertTrue(r.failures().get(1).reason().contains("but the module validated"));
        assertTrue(r.failures().get(2).reason().contains("the text parser rejected the module as malformed"),
                r.failures().get(2).reason());
    }

    @Test
    void unexpectedExceptionsFailOneCommandAndTheRunGoesOn() {
        FileResult r = run(new Command.ModuleCommand(1, null, false, quote("npe")),
                new Command.AssertInvalid(2, quote("deep"), "type mismatch"),
                new Command.ModuleCommand(3, null, false, quote("ok")));
        assertEquals(1, r.passed());
        assertEquals(2, r.failed());
        assertTrue(r.failures().get(0).reason().contains("java.lang.NullPointerException: boom"));
        assertTrue(r.failures().get(1).reason().contains("java.lang.StackOverflowError"));
    }

    private static Action invoke(String name, WastValue... args) {
        return new Action.Invoke(null, name, List.of(args));
    }

    private static Expected i32(int v) {
        return new Expected.Exact(new WastValue.I32(v));
    }

    @Test
    void actionsRunAgainstTheCurrentInstanceAndResultsAreCompared() {
        Command module = new Command.ModuleCommand(1, null, false, quote("ok"));
        FileResult r = run(module,
                new Command.AssertReturn(2, invoke("inc", new WastValue.I32(41)), List.of(i32(42))),
                new Command.AssertReturn(3, invoke("inc", new WastValue.I32(1)), List.of(i32(3))),
                new Command.AssertReturn(4, new Action.Get(null, "g"), List.of(new Expected.Exact(new WastValue.I64(42)))),
                new Command.ActionCommand(5, invoke("nothing")));
        assertEquals(4, r.passed());
        assertEquals(List.of(3), r.failures().stream().map(Failure::line).toList());
        assertTrue(r.failures().get(0).reason().contains("expected i32 3, got i32 2"), r.failures().get(0).reason());
    }

    @Test
    void actionWithoutAnInstanceFails() {
        FileResult r = run(new Command.AssertReturn(1, invoke("inc", new WastValue.I32(1)), List.of(i32(2))));
        assertEquals(1, r.failed());
        assertTrue(r.failures().get(0).reason().contains("no instance"), r.failures().get(0).reason());
    }

    @Test
    void trapsExhaustionAndExceptionsAreToldApart() {
        Command module = new Command.ModuleCommand(1, null, false, quote("ok"));
        FileResult r = run(module,
                new Command.AssertTrap(2, invoke("trap"), "unreachable"),
                new Command.AssertTrap(3, invoke("trap"), "integer overflow"),
                new Command.AssertTrap(4, invoke("throw"), "unreachable"),
                new Command.AssertExhaustion(5, invoke("deep"), "call stack exhausted"),
                new Command.AssertException(6, invoke("throw")),
                new Command.AssertException(7, invoke("inc", new WastValue.I32(0))),
                new Command.AssertTrap(8, invoke("npe"), "unreachable"));
        assertEquals(List.of(3, 4, 7, 8), r.failures().stream().map(Failure::line).toList());
        assertEquals(4, r.passed());
        assertTrue(r.failures().get(2).reason().contains("but it completed"), r.failures().get(2).reason());
        assertTrue(r.failures().get(3).reason().contains("NullPointerException"), r.failures().get(3).reason());
    }

    @Test
    void registerDefinitionsAndUnlinkableModules() {
        FakeExecutor engine = new FakeExecutor();
        Script script = new Script(List.of(
                new Command.ModuleCommand(1, "M", true, quote("ok")),
                new Command.ModuleInstance(2, "I", "M"),
                new Command.Register(3, "reg", "I"),
                new Command.ModuleInstance(4, null, "Nope"),
                new Command.AssertUnlinkable(5, quote("ok"), "unknown import")));
        engine.failNext = null;
        FileResult r = new SpecRunner(SkipList.empty(), new FakeFrontend(script), engine, Duration.ofSeconds(30))
                .runScript(FILE, "t.wast", script);
        assertEquals(List.of("reg"), engine.registered);
        assertEquals(List.of(4, 5), r.failures().stream().map(Failure::line).toList());
        assertTrue(r.failures().get(0).reason().contains("no module definition $Nope"), r.failures().get(0).reason());
        assertTrue(r.failures().get(1).reason().contains("but it completed"), r.failures().get(1).reason());

        engine.failNext = new FakeExecutor.FakeLink("unknown import spectest.nothing");
        Script linkFails = new Script(List.of(new Command.AssertUnlinkable(1, quote("ok"), "unknown import")));
        FileResult r2 = new SpecRunner(SkipList.empty(), new FakeFrontend(linkFails), engine, Duration.ofSeconds(30))
                .runScript(FILE, "t.wast", linkFails);
        assertEquals(1, r2.passed());
    }

    @Test
    void skipListStillSkipsByKind() {
        SkipList skips = SkipList.parse("kind assert_return not today\n", "test");
        FileResult r = run(skips, new Command.AssertReturn(1, invoke("inc", new WastValue.I32(1)), List.of(i32(2))));
        assertEquals(1, r.skipped());
        assertEquals(0, r.failed());
    }

    @Test
    void execEntryValidatesModulesAndSkipsOnlyExecution() {
        SkipList skips = SkipList.parse("exec t.wast no runtime for this file\n", "test");
        FileResult r = run(skips, new Command.ModuleCommand(1, null, false, quote("ok")),
                new Command.ModuleCommand(2, null, false, quote("invalid:type mismatch")),
                new Command.AssertReturn(3, invoke("inc", new WastValue.I32(1)), List.of(i32(7))),
                new Command.AssertInvalid(4, quote("ok"), "type mismatch"));
        assertEquals(1, r.passed());
        assertEquals(1, r.skipped());
        assertEquals(List.of(2, 4), r.failures().stream().map(Failure::line).toList());
        assertTrue(skips.unused().isEmpty());
    }

    @Test
    void commandEntrySkipsOnlyItsLine() {
        SkipList skips = SkipList.parse("cmd t.wast:2 broken on purpose\n", "test");
        FileResult r = run(skips, new Command.ModuleCommand(1, null, false, quote("ok")),
                new Command.ModuleCommand(2, null, false, quote("npe")));
        assertEquals(1, r.passed());
        assertEquals(1, r.skipped());
        assertEquals(0, r.failed());
        assertTrue(skips.unused().isEmpty());
    }

    @Test
    void skippedFileCountsEveryCommandAsSkipped() {
        SkipList skips = SkipList.parse("dir proposals/x/ not implemented\n", "test");
        Script script = new Script(List.of(new Command.ModuleCommand(1, null, false, quote("npe")),
                new Command.Register(2, "m", null), new Command.AssertInvalid(3, quote("ok"), "x")));
        FileResult r = new SpecRunner(skips, new FakeFrontend(script), new FakeExecutor(), Duration.ofSeconds(30))
                .runScript(FILE, "proposals/x/a.wast", script);
        assertEquals(3, r.skipped());
        assertEquals(0, r.passed() + r.failed());
    }

    @Test
    void scriptSyntaxErrorFailsTheWholeFileOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.wast");
        Files.writeString(file, "malformed:unexpected token");
        Script script = new Script(List.of(new Command.ModuleCommand(1, null, false, quote("ok"))));
        FileResult r = new SpecRunner(SkipList.empty(), new FakeFrontend(script), new FakeExecutor(), Duration.ofSeconds(30))
                .runFile(file, dir);
        assertEquals(1, r.failed());
        assertEquals(0, r.passed());
        Failure f = r.failures().get(0);
        assertEquals(Failure.SCRIPT, f.kind());
        assertEquals(7, f.line());
        assertTrue(f.reason().startsWith("script does not parse: unexpected token"), f.reason());
    }

    @Test
    void hangingFileIsAbandonedAtTheTimeLimit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("h.wast");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "anything");
        Script script = new Script(List.of(new Command.ModuleCommand(1, null, false, quote("ok")),
                new Command.ModuleCommand(9, null, false, quote("hang"))));
        FileResult r = new SpecRunner(SkipList.empty(), new FakeFrontend(script), new FakeExecutor(), Duration.ofMillis(200))
                .runFile(file, dir);
        assertEquals("sub/h.wast", r.suitePath());
        assertEquals(1, r.passed());
        assertEquals(1, r.failed());
        assertEquals(9, r.failures().get(0).line());
        assertTrue(r.failures().get(0).reason().startsWith("timed out"), r.failures().get(0).reason());
    }

    @Test
    void findsScriptsRecursivelyInSortedOrder(@TempDir Path dir) throws Exception {
        for (String name : List.of("b.wast", "a/z.wast", "a.wast", "c.txt", "a/b/c.wast")) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        List<String> found = SpecRunner.findScripts(dir).stream().map(p -> SpecRunner.suitePath(p, dir)).toList();
        assertEquals(List.of("a.wast", "a/b/c.wast", "a/z.wast", "b.wast"), found);
    }
}
