package dev.ligature.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ligature run} over the programs emscripten-abi's fixtures hold (built by emcc 3.1.6). */
class RunCommandTest {
    static final Path FIXTURES = Path.of("../emscripten-abi/src/test/fixtures/out");

    private record Outcome(int status, String out, String err) {}

    private static Outcome run(String stdin, String... args) throws UsageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.parse(args).run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }

    @Test
    void argumentsEnvironmentAndExitStatusReachTheProgram() throws Exception {
        Outcome o = run("", "--env", "GREETING=hi there", fixture("args_env_exit_O0.js"), "7", "--not-an-option");
        assertEquals(7, o.status());
        assertTrue(o.out().contains("argc=3\nargv[1]=7\nargv[2]=--not-an-option\n"), o.out());
        assertTrue(o.out().contains("GREETING=hi there\n"), o.out());
        assertTrue(o.out().endsWith("second handler (runs first)\natexit handler ran\n"), o.out());
    }

    @Test
    void printsWhatTheProgramPrints() throws Exception {
        Outcome o = run("", fixture("hello_O2.wasm"));
        assertEquals(0, o.status());
        assertEquals(Files.readString(FIXTURES.resolve("hello_O2.stdout")), o.out());
        assertEquals("to stderr 7\n", o.err());
    }

    @Test
    void aProgramRunsFromItsAheadOfTimeJarAndAJarForOtherBytesIsRefused(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("hello.jar");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8);
        assertEquals(Main.OK, Main.run(new String[] {"compile", fixture("hello_O2.wasm"), "-o", jar.toString()}, ps, ps), log.toString());
        Outcome o = run("", "--aot", jar.toString(), fixture("hello_O2.wasm"));
        assertEquals(0, o.status(), o.err());
        assertEquals(Files.readString(FIXTURES.resolve("hello_O2.stdout")), o.out());
        assertEquals("to stderr 7\n", o.err());
        Outcome wrong = run("", "--aot", jar.toString(), fixture("hello_O3.js"));
        assertEquals(1, wrong.status());
        assertTrue(wrong.err().contains("--aot: ") && wrong.err().contains("different module binary"), wrong.err());
        assertEquals("", wrong.out(), "nothing ran");
    }

    @Test
    void minifiedBuildRunsThroughItsJs() throws Exception {
        Outcome o = run("", fixture("hello_O3.js"));
        assertEquals(0, o.status());
        assertEquals(Files.readString(FIXTURES.resolve("hello_O3.stdout")), o.out());
    }

    @Test
    void mountedDirectoryAndStdin(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("f.txt"), "from the host");
        Outcome o = run("typed\n", "--dir", dir + "::/data:ro", fixture("fsops_O2.js"), "cat:/data/f.txt", "write:/data/g:x");
        assertEquals(0, o.status());
        assertEquals("cat:/data/f.txt: [from the host]\nwrite:/data/g:x: error Read-only file system\nstdin: typed\n", o.out());
        assertTrue(Files.notExists(dir.resolve("g")));
    }

    @Test
    void loadErrorsExitWithOneAndSaySo() throws Exception {
        Outcome o = run("", fixture("no-such-program.wasm"));
        assertEquals(1, o.status());
        assertTrue(o.err().startsWith("ligature run: cannot read "), o.err());
    }

    @Test
    void usageErrors() {
        assertThrows(UsageException.class, () -> RunCommand.parse(new String[0]));
        assertThrows(UsageException.class, () -> RunCommand.parse(new String[] {"--engine", "jit", "p.wasm"}));
        assertThrows(UsageException.class, () -> RunCommand.parse(new String[] {"--env", "NOEQUALS", "p.wasm"}));
        assertThrows(UsageException.class, () -> RunCommand.parse(new String[] {"--dir", "/no/such/dir", "p.wasm"}));
        assertThrows(UsageException.class, () -> RunCommand.parse(new String[] {"--bogus=1", "p.wasm"}));
    }

    @Test
    void dirSpecs(@TempDir Path dir) throws Exception {
        var m = RunCommand.parseDir(dir + "::/guest:ro");
        assertEquals("/guest", m.guestPath());
        assertTrue(m.readOnly());
        m = RunCommand.parseDir(dir.toString());
        assertEquals(dir.toAbsolutePath().normalize().toString(), m.guestPath());
        assertTrue(!m.readOnly());
    }
}
