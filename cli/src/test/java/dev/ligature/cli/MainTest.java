package dev.ligature.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private record Outcome(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionComesFromThePom() {
        Outcome o = run("--version");
        assertEquals(0, o.status());
        // The filtered resource must have been filled in: no placeholder, no fallback.
        assertTrue(o.out().strip().matches("ligature \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), o.out());
    }

    @Test
    void helpDescribesTheWastCommand() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"wast", "--help"})) {
            Outcome o = run(args);
            assertEquals(0, o.status());
            assertTrue(o.out().startsWith("Usage: ligature"), o.out());
            assertTrue(o.out().contains("wast [--engine interpreter|compiler] [--json FILE]"), o.out());
        }
    }

    @Test
    void aBadOverrideIsAUsageError() {
        for (String key : new String[] {"ligature.jit.forceSplit", "ligature.memory.backing"}) {
            String saved = System.getProperty(key);
            System.setProperty(key, "bogus");
            try {
                assertUsageError(run("wast", "x.wast"), "-D" + key + "=bogus: expected");
            } finally {
                if (saved == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, saved);
                }
            }
        }
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        assertUsageError(run(), "Usage:");
        assertUsageError(run("--frobnicate"), "unknown option '--frobnicate'");
        assertUsageError(run("frobnicate"), "unknown command 'frobnicate'");
        assertUsageError(run("wast"), "no PATH given");
        assertUsageError(run("wast", "--engine", "jit", "x.wast"), "unknown engine 'jit'");
        assertUsageError(run("wast", "--engine=jit", "x.wast"), "unknown engine 'jit'");
        assertUsageError(run("wast", "x.wast", "--json"), "option --json needs a value");
        assertUsageError(run("wast", "--bogus", "x.wast"), "unknown option '--bogus'");
        assertUsageError(run("wast", "/no/such/place.wast"), "no such file or directory: /no/such/place.wast");
    }

    private static void assertUsageError(Outcome o, String expected) {
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(expected), o.err());
    }

    @Test
    void rejectsAJsonReportInAMissingDirectory(@TempDir Path dir) throws Exception {
        Path wast = dir.resolve("a.wast");
        Files.writeString(wast, "(module)\n");
        assertUsageError(run("wast", "--json", dir.resolve("nope/out.json").toString(), wast.toString()),
                "cannot write the JSON report");
    }

    @Test
    void skipListedFilesCountAsSkippedAndAppearInTheJsonReport(@TempDir Path dir) throws Exception {
        // The layout of WebAssembly/testsuite: the bundled skip file skips proposals/threads/.
        Path threads = dir.resolve("suite/proposals/threads");
        Files.createDirectories(threads);
        Files.writeString(threads.resolve("atomic.wast"), "(module (memory 1 1 shared))\n");
        Path json = dir.resolve("report.json");

        // Given a sub-folder of the suite, the skip entry still applies and paths are relative to it.
        Outcome o = run("wast", "--engine", "interpreter", "--json", json.toString(), dir.resolve("suite/proposals").toString());
        assertEquals(0, o.status(), o.out() + o.err());
        List<String> lines = o.lines();
        assertEquals(2, lines.size(), o.out());
        assertTrue(lines.get(0).matches("threads/atomic\\.wast: 0 passed, 0 failed, [1-9]\\d* skipped"), lines.get(0));
        assertTrue(lines.get(1).matches("0 passed, 0 failed, [1-9]\\d* skipped"), lines.get(1));

        String report = Files.readString(json);
        assertTrue(report.contains("\"engine\": \"interpreter\""), report);
        assertTrue(report.matches("(?s).*\"threads/atomic\\.wast\": \\{\"passed\": 0, \"failed\": 0, \"skipped\": [1-9]\\d*}.*"),
                report);
    }

    @Test
    void compilerEngineRunsAScript(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("a.wast"), """
                (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
                (assert_return (invoke "add" (i32.const 2) (i32.const 3)) (i32.const 5))
                (assert_trap (module (func unreachable) (start 0)) "unreachable")
                """);
        Outcome o = run("wast", "--engine", "compiler", script.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        // module, assert_return and assert_trap (the start function traps in compiled code)
        assertTrue(o.out().contains("3 passed, 0 failed, 0 skipped"), o.out());
    }

    @Test
    void suiteRootIsTheNearestFolderWithProposals(@TempDir Path dir) throws Exception {
        Path sub = dir.resolve("suite/proposals/threads");
        Files.createDirectories(sub);
        Path file = Files.writeString(dir.resolve("suite/x.wast"), "");
        Path lone = Files.createDirectories(dir.resolve("elsewhere"));
        assertEquals(dir.resolve("suite").toRealPath(), WastCommand.detectSuiteRoot(sub).toRealPath());
        assertEquals(dir.resolve("suite").toRealPath(), WastCommand.detectSuiteRoot(file).toRealPath());
        assertFalse(Files.isDirectory(lone.resolve("proposals")));
        assertEquals(lone.toRealPath(), WastCommand.detectSuiteRoot(lone).toRealPath());
    }
}
