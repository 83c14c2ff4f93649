package dev.ligature.python;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ligature.core.runtime.Engine;
import dev.ligature.jit.JitEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential corpus ({@code src/test/corpus}): each script runs in a fresh interpreter, as
 * {@code python FILE} would run it ({@code run_main.py}, shared with the recording), and its stdout,
 * stderr and exit status must be what node + Pyodide 314.0.7 gave (recorded by {@code record.sh});
 * where Pyodide differs from CPython only because of JavaScript, the CPython result
 * ({@code NN.cpython.stdout}). Every script runs on the compiler; the quick subset
 * ({@code corpus.tsv}) on the interpreter too.
 */
class PythonCorpusTest {
    static final Path CORPUS = Path.of("src/test/corpus");
    private static PythonRuntime compiler;
    private static PythonRuntime interpreter;

    record Script(String name, boolean quick) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Script> scripts() throws IOException {
        List<Script> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("corpus.tsv"))) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Script(f[0], f[1].equals("yes")));
        }
        return out;
    }

    static Stream<Arguments> runs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Script s : scripts()) {
            out.add(Arguments.of(s, "compiler"));
        }
        for (Script s : scripts()) {
            if (s.quick()) {
                out.add(Arguments.of(s, "interpreter"));
            }
        }
        return out.stream();
    }

    private static synchronized PythonRuntime runtime(String engine) {
        Assumptions.assumeTrue(PyodideDistribution.bundled().isPresent(),
                "this build has no bundled Pyodide (npm was unavailable when python/fetch-pyodide.sh ran)");
        if (engine.equals("compiler")) {
            if (compiler == null) {
                compiler = PythonRuntime.create(JitEngine.lazy());
            }
            return compiler;
        }
        if (interpreter == null) {
            interpreter = PythonRuntime.create(Engine.interpreter());
        }
        return interpreter;
    }

    @ParameterizedTest(name = "{0} on the {1}")
    @MethodSource("runs")
    void printsWhatPyodidePrints(Script s, String engine) throws Exception {
        PythonRuntime rt = runtime(engine);
        String file = s.name().endsWith(".py") ? s.name() : s.name() + ".py";
        String stem = file.substring(0, file.length() - 3);
        byte[] source = Files.readAllBytes(CORPUS.resolve("scripts").resolve(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long status;
        try (PythonInterpreter py = rt.newInterpreter(InterpreterOptions.builder().stdout(out).stderr(err).build())) {
            py.process().process().writeFile("/tmp/" + file, source);
            py.set("_run_main_source", Files.readString(CORPUS.resolve("run_main.py")));
            py.exec("_corpus = {'__name__': 'run_main'}\n"
                    + "exec(compile(_run_main_source, '/run_main.py', 'exec'), _corpus)\n"
                    + "_corpus_status = _corpus['corpus_run']('/tmp/" + file + "')\n");
            status = (Long) py.eval("_corpus_status");
        }
        Path expected = CORPUS.resolve("expected");
        Path cpython = expected.resolve(stem + ".cpython.stdout");
        String wantOut = Files.readString(Files.exists(cpython) ? cpython : expected.resolve(stem + ".stdout"));
        String wantErr = Files.readString(expected.resolve(stem + ".stderr"));
        long wantStatus = Long.parseLong(Files.readString(expected.resolve(stem + ".status")).trim());
        String gotOut = out.toString(StandardCharsets.UTF_8);
        String gotErr = err.toString(StandardCharsets.UTF_8);
        assertAll(
                () -> assertEquals(wantOut, gotOut, "stdout"),
                () -> assertEquals(wantErr, gotErr, "stderr"),
                () -> assertEquals(wantStatus, status, "exit status; stderr: " + gotErr));
    }
}
