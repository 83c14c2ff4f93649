package dev.ligature.jit.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Pyodide 314.0.7's {@code pyodide.asm.wasm} for jit-asm's tests: the same file, checked against
 * the same SHA-256, as wasm-core's test fixture {@code dev.ligature.core.fixtures.Pyodide} (whose
 * fetch logic this repeats in short, test classes of another module not being on this classpath).
 * Reuses wasm-core's fetched copy when there is one, else runs {@code npm pack} into
 * {@code target/pyodide}. Tests abort (skipped, with the reason) when it cannot be had.
 */
final class PyodideFixture {
    static final String VERSION = "314.0.7";
    static final String WASM_SHA256 = "cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6";
    static final int DEFINED_FUNCTIONS = 16_958;

    private PyodideFixture() {}

    static synchronized byte[] mainModuleBytesOrAbort() throws IOException {
        Path ours = Paths.get("target", "pyodide").toAbsolutePath();
        Path[] candidates = {
            Paths.get("..", "wasm-core", "target", "pyodide", "package", "pyodide.asm.wasm").toAbsolutePath(),
            ours.resolve("package").resolve("pyodide.asm.wasm"),
        };
        for (Path p : candidates) {
            if (Files.isRegularFile(p) && sha256(p).equals(WASM_SHA256)) {
                return Files.readAllBytes(p);
            }
        }
        String why = fetch(ours);
        Path wasm = candidates[1];
        Assumptions.assumeTrue(why == null, () -> "Pyodide " + VERSION + " is not available here: " + why);
        String sha = sha256(wasm);
        Assumptions.assumeTrue(sha.equals(WASM_SHA256), () -> wasm + " has SHA-256 " + sha + ", not pyodide@" + VERSION + "'s");
        return Files.readAllBytes(wasm);
    }

    /** Fetches the package into {@code dir}; returns null, or why it could not. */
    private static String fetch(Path dir) {
        try {
            Files.createDirectories(dir);
            for (List<String> command : List.of(List.of("npm", "pack", "--silent", "pyodide@" + VERSION),
                    List.of("tar", "xzf", "pyodide-" + VERSION + ".tgz", "package/pyodide.asm.wasm"))) {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
                try (InputStream out = p.getInputStream()) {
                    String text = new String(out.readAllBytes());
                    if (!p.waitFor(5, TimeUnit.MINUTES)) {
                        p.destroyForcibly();
                        return String.join(" ", command) + " timed out";
                    }
                    if (p.exitValue() != 0) {
                        return String.join(" ", command) + " failed: " + text.strip();
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return "cannot run npm: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
