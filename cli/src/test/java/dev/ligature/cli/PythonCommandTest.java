package dev.ligature.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.python.PyodideDistribution;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ligature python} as the {@code python} command behaves (CPython 3.14's own messages and
 * statuses): -c, FILE with arguments, -m, stdin, exit statuses, tracebacks, a missing file.
 */
class PythonCommandTest {
    private record Outcome(int status, String out, String err) {}

    @BeforeAll
    static void needsPyodide() {
        Assumptions.assumeTrue(PyodideDistribution.bundled().isPresent(),
                "this build has no bundled Pyodide (npm was unavailable when python/fetch-pyodide.sh ran)");
    }

    private static Outcome run(String stdin, String... args) throws UsageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PythonCommand.parse(args).run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dashCPrintsCPythonsVersion() throws Exception {
        Outcome o = run("", "-c", "import sys; print(sys.version)");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().startsWith("3.14.2 "), o.out());
        assertEquals("", o.err());
    }

    @Test
    void aFileRunsAsMainWithItsArgumentsAndExitStatus(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("prog.py");
        Files.writeString(script, "import sys\nprint(__name__, sys.argv[1:])\nsys.exit(int(sys.argv[1]))\n");
        Outcome o = run("", script.toString(), "7", "x");
        assertEquals(7, o.status(), o.err());
        assertEquals("__main__ ['7', 'x']\n", o.out());
    }

    @Test
    void anUncaughtExceptionPrintsItsTracebackAndGivesOne(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("boom.py");
        Files.writeString(script, "def f():\n    raise ValueError('bad')\nf()\n");
        Outcome o = run("", script.toString());
        assertEquals(1, o.status());
        assertEquals("Traceback (most recent call last):\n"
                + "  File \"" + script + "\", line 3, in <module>\n"
                + "    f()\n"
                + "    ~^^\n"
                + "  File \"" + script + "\", line 2, in f\n"
                + "    raise ValueError('bad')\n"
                + "ValueError: bad\n", o.err());
    }

    @Test
    void aSyntaxErrorGivesOne() throws Exception {
        Outcome o = run("", "-c", "def (");
        assertEquals(1, o.status());
        assertTrue(o.err().endsWith("SyntaxError: invalid syntax\n"), o.err());
    }

    @Test
    void exitMessagesModulesAndStdin() throws Exception {
        Outcome msg = run("", "-c", "import sys; sys.exit('bye')");
        assertEquals(1, msg.status());
        assertEquals("bye\n", msg.err());
        Outcome mod = run("", "-m", "json.tool", "--help");
        assertEquals(0, mod.status(), mod.err());
        assertTrue(mod.out().startsWith("usage: python -m json.tool"), mod.out());
        Outcome stdin = run("print(6 * 7)\n");
        assertEquals(0, stdin.status(), stdin.err());
        assertEquals("42\n", stdin.out());
    }

    @Test
    void aMissingFileIsOneLineAndStatusTwo() throws Exception {
        Outcome o = run("", "no/such/file.py");
        assertEquals(2, o.status());
        assertEquals("python: can't open file '" + Path.of("no/such/file.py").toAbsolutePath()
                + "': [Errno 2] No such file or directory\n", o.err());
    }
}
