package dev.ligature.emscripten;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ligature.core.runtime.Engine;
import dev.ligature.jit.JitCompileException;
import dev.ligature.jit.JitEngine;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture emcc 3.1.6 built (src/test/fixtures/build.sh) and compares stdout, stderr
 * and the exit status byte for byte with what node printed for the same program, arguments and
 * environment (time zone UTC on both sides).
 */
class FixturesTest {
    static Stream<Fixture> fixtures() throws Exception {
        return Fixture.all().stream();
    }

    /** Fixtures the compiler engine cannot run yet (src/test/fixtures/compiler-gaps.txt), with reasons. */
    static Map<String, String> compilerGaps() throws Exception {
        Map<String, String> gaps = new HashMap<>();
        for (String line : Files.readAllLines(Fixture.DIR.resolve("compiler-gaps.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\\|", 2);
                gaps.put(f[0].trim(), f[1].trim());
            }
        }
        return gaps;
    }

    static void check(Fixture f, Engine engine) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EmscriptenHost.Builder b = EmscriptenHost.builder().stdout(out).stderr(err);
        f.env().forEach(b::env);
        b.timeZone(java.time.ZoneId.of(f.timeZone()));
        if (f.stdin() != null) {
            b.stdin(new java.io.ByteArrayInputStream(Files.readAllBytes(Fixture.DIR.resolve(f.stdin()))));
        }
        EmscriptenProgram program = EmscriptenProgram.load(f.js(), engine);
        List<String> argv = new ArrayList<>();
        argv.add("./this.program");
        argv.addAll(f.args());
        int status = b.build().run(program, argv);
        // Text first for a readable difference, then bytes: decoding could hide a difference.
        assertAll(
                () -> assertEquals(new String(f.expected("stdout"), StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8), "stdout"),
                () -> assertArrayEquals(f.expected("stdout"), out.toByteArray(), "stdout bytes"),
                () -> assertEquals(new String(f.expected("stderr"), StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), "stderr"),
                () -> assertArrayEquals(f.expected("stderr"), err.toByteArray(), "stderr bytes"),
                () -> assertEquals(f.expectedStatus(), status, "exit status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void interpreter(Fixture f) throws Exception {
        check(f, Engine.interpreter());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void compiler(Fixture f) throws Exception {
        String gap = compilerGaps().get(f.name());
        if (gap != null) {
            try {
                EmscriptenProgram.load(f.js(), new JitEngine());
            } catch (JitCompileException e) {
                Assumptions.abort("compiler gap (compiler-gaps.txt): " + gap + "; now: " + e.getMessage());
            }
            fail(f.name() + " compiles now: run it and remove its line from compiler-gaps.txt");
        }
        check(f, new JitEngine());
    }
}
