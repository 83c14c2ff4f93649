package dev.ligature.python.tools;

import dev.ligature.jit.JitEngine;
import dev.ligature.python.InterpreterOptions;
import dev.ligature.python.PyodideDistribution;
import dev.ligature.python.PythonInterpreter;
import dev.ligature.python.PythonRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the standard library archive Ligature's interpreters import from: Pyodide's zip plus, beside
 * every {@code .py}, an unchecked-hash {@code .pyc} compiled by this very CPython (so the magic number
 * and the code format match), which makes imports several times faster than compiling the sources
 * on every import (pyodide.md §7). Run by the build (exec-maven-plugin, process-classes) with the
 * directory that holds the distribution; skips the work when the archive is already there.
 * Internal: not part of the API.
 */
public final class StdlibPycBuilder {
    private StdlibPycBuilder() {}

    /**
     * Builds {@code DIR/python_stdlib_pyc.zip} from {@code DIR/pyodide.asm.wasm} and
     * {@code DIR/python_stdlib.zip}.
     *
     * @param args the directory
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path out = dir.resolve("python_stdlib_pyc.zip");
        if (!Files.isRegularFile(dir.resolve("pyodide.asm.wasm"))) {
            System.out.println("StdlibPycBuilder: no Pyodide distribution in " + dir + ": nothing to build");
            return;
        }
        if (Files.isRegularFile(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(dir.resolve("python_stdlib.zip"))) > 0) {
            return;
        }
        long t0 = System.nanoTime();
        PythonRuntime runtime = PythonRuntime.create(PyodideDistribution.of(dir, "build"), JitEngine.lazy());
        String script;
        try (InputStream in = StdlibPycBuilder.class.getResourceAsStream("compile_stdlib.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path tmp = Files.createTempDirectory(dir, "pyc");
        try (PythonInterpreter py = runtime.newInterpreter(InterpreterOptions.builder()
                .stdout(System.out).stderr(System.err).mount(tmp, "/out", false).build())) {
            py.exec(script);
            py.exec("build('/lib/python314.zip', '/out/python_stdlib_pyc.zip')");
        }
        Files.move(tmp.resolve("python_stdlib_pyc.zip"), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(tmp);
        System.out.printf("StdlibPycBuilder: %s in %.1f s%n", out.getFileName(), (System.nanoTime() - t0) / 1e9);
    }
}
