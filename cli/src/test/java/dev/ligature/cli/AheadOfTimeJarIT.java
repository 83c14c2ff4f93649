package dev.ligature.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.WasmModule;
import dev.ligature.jit.AotJar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ahead-of-time jars are interchangeable between the {@code ligature} command (the shaded {@code ligature.jar},
 * run as {@code java -jar} in a child JVM, where every class sits in one jar) and the library (this JVM: the
 * modules' own jars or class folders). Both hash the same class bytes into their engine identity, so each loads
 * what the other wrote. Runs after {@code package} (failsafe), which builds the shaded jar.
 */
class AheadOfTimeJarIT {
    private static final Path FIXTURES = RunCommandTest.FIXTURES;
    private static final Path HELLO = FIXTURES.resolve("hello_O2.wasm");

    private record Result(int status, String out, String err) {}

    private static Path shadedJar() {
        Path jar = Path.of(System.getProperty("ligature.jar", "target/ligature.jar"));
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built by package: " + jar);
        return jar;
    }

    /** {@code java -jar ligature.jar ARGS} in a child JVM, without any -D override from the environment. */
    private static Result ligature(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", shadedJar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "ligature " + String.join(" ", args) + " finished");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    private static String engineOf(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.getManifest().getMainAttributes().getValue("Ligature-Engine");
        }
    }

    @Test
    void theLibraryHereIsNotTheShadedJar() throws Exception {
        Path library = Path.of(AotJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertFalse(library.toAbsolutePath().normalize().equals(shadedJar().toAbsolutePath().normalize()), library.toString());
    }

    @Test
    void aJarTheCommandWroteLoadsThroughTheLibrary(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("hello-cli.jar");
        Result compiled = ligature(dir, "compile", HELLO.toString(), "-o", jar.toString());
        assertEquals(0, compiled.status(), compiled.out() + compiled.err());
        byte[] wasm = Files.readAllBytes(HELLO);

        Path mine = dir.resolve("hello-lib.jar");
        AotJar.write(wasm, mine);
        assertEquals(engineOf(mine), engineOf(jar), "the command and the library are the same engine build");

        WasmModule module = AotJar.load(jar, wasm); // refuses a jar of another engine build
        assertTrue(module != null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.parse(new String[] {"--aot", jar.toString(), HELLO.toString()}).run(
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(Files.readString(FIXTURES.resolve("hello_O2.stdout")), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aJarTheLibraryWroteRunsOnTheCommand(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("hello-lib.jar");
        AotJar.write(Files.readAllBytes(HELLO), jar);
        Result run = ligature(dir, "run", "--aot", jar.toString(), HELLO.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(Files.readString(FIXTURES.resolve("hello_O2.stdout")), run.out());
        assertEquals("to stderr 7\n", run.err());
    }
}
