package dev.ligature.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dynamic-linking scenario of {@code dylink/fixtures} (emcc 3.1.6 main and side modules)
 * under {@code ligature run}, on both engines, against what node printed for it
 * ({@code expected/NAME.stdout/.stderr/.status}, recorded by {@code record.sh}). Addresses and
 * table indices are printed by the programs, so equality means Ligature followed Emscripten's
 * allocation order. Scenarios where node shows an Emscripten 3.1.6 bug (the {@code bug} column)
 * are held to what a correct linker prints instead: {@code expected/NAME.correct.stdout}, recorded
 * by {@code make-correct.py} from node with that one bug patched out, exit status 0, nothing on stderr.
 */
class DylinkFixturesTest {
    static final Path FIXTURES = Path.of("../dylink/fixtures").toAbsolutePath().normalize();

    record Scenario(String name, String main, List<String> args, String env, String bug) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Scenario> scenarios() throws IOException {
        List<Scenario> out = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURES.resolve("scenarios.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Scenario(f[0], f[1], List.of(f[2].split(" ")), f[3].equals("-") ? null : f[3], f.length > 4 ? f[4] : ""));
        }
        return out;
    }

    static Stream<Arguments> runs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Scenario s : scenarios()) {
            out.add(Arguments.of(s, "interpreter"));
            out.add(Arguments.of(s, "compiler"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on the {1}")
    @MethodSource("runs")
    void printsWhatNodePrints(Scenario s, String engine) throws Exception {
        List<String> args = new ArrayList<>(List.of("--engine", engine, "--argv0", "./this.program",
                "--dir", FIXTURES + "::/fixtures", "--cwd", "/fixtures"));
        if (s.env() != null) {
            args.add("--env");
            args.add(s.env());
        }
        args.add(FIXTURES.resolve(s.main()).toString());
        args.addAll(s.args());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.parse(args.toArray(String[]::new)).run(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Path expected = FIXTURES.resolve("expected");
        boolean bug = !s.bug().isEmpty();
        String wantOut = Files.readString(expected.resolve(s.name() + (bug ? ".correct.stdout" : ".stdout")));
        String wantErr = bug ? "" : Files.readString(expected.resolve(s.name() + ".stderr"));
        int wantStatus = bug ? 0 : Integer.parseInt(Files.readString(expected.resolve(s.name() + ".status")).trim());
        String gotOut = out.toString(StandardCharsets.UTF_8);
        String gotErr = err.toString(StandardCharsets.UTF_8);
        assertAll(
                () -> assertEquals(wantOut, gotOut, "stdout"),
                () -> assertEquals(wantErr, gotErr, "stderr"),
                () -> assertEquals(wantStatus, status, "exit status; stderr: " + gotErr));
    }
}
