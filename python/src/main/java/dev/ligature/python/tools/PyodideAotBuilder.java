package dev.ligature.python.tools;

import dev.ligature.jit.AotJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compiles every function of Pyodide's module to JVM classes at build time and stores them beside
 * the distribution ({@code pyodide-aot.jar}), so that no user of the bundled runtime pays for
 * compiling CPython (pyodide.md: 16,958 functions). Run by the build (exec-maven-plugin,
 * process-classes); skips the work when the jar is newer than the module. Internal: not part of the API.
 */
public final class PyodideAotBuilder {
    private PyodideAotBuilder() {}

    /**
     * Writes {@code DIR/pyodide-aot.jar} from {@code DIR/pyodide.asm.wasm}.
     *
     * @param args the directory
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path wasm = dir.resolve("pyodide.asm.wasm");
        Path jar = dir.resolve("pyodide-aot.jar");
        if (!Files.isRegularFile(wasm)) {
            System.out.println("PyodideAotBuilder: no Pyodide distribution in " + dir + ": nothing to build");
            return;
        }
        if (Files.isRegularFile(jar) && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(wasm)) > 0) {
            return;
        }
        long t0 = System.nanoTime();
        int n = AotJar.write(Files.readAllBytes(wasm), jar);
        System.out.printf("PyodideAotBuilder: %d functions compiled into %s (%d MB) in %.1f s%n", n, jar.getFileName(),
                Files.size(jar) >> 20, (System.nanoTime() - t0) / 1e9);
    }
}
