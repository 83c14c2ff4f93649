package dev.ligature.dylink.treesitter;

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

/**
 * The real third-party client of issue 13: web-tree-sitter's main module and a grammar side module,
 * fetched from npm with {@code npm pack} into {@code target/treesitter/} the first time a test asks
 * for them, never committed, each checked against a pinned SHA-256. Tests that need them are
 * aborted (reported as skipped, with the reason) when npm or the registry is not available here.
 *
 * <p>The versions and hashes are those of {@code src/test/treesitter/record.sh}, which recorded the
 * expected output {@code src/test/resources/treesitter/sample.json.tree} with web-tree-sitter under
 * node; change them together.
 */
final class TreeSitterPackages {
    /** web-tree-sitter: an Emscripten 4.0.x MAIN_MODULE=2 build with a dylink.0 section. */
    static final String WEB_TREE_SITTER_VERSION = "0.27.2";
    /** SHA-256 of package/web-tree-sitter.wasm in web-tree-sitter@0.27.2 (205 KiB, 283 functions). */
    static final String MAIN_SHA256 = "488beeff7adb7fd7e21e97cc29a43dc6d031977755eda892d6d96c7f456cfdec";
    /** tree-sitter-json: its prebuilt grammar is language ABI 14, inside web-tree-sitter 0.27's 13..15. */
    static final String JSON_VERSION = "0.24.8";
    /** SHA-256 of package/tree-sitter-json.wasm in tree-sitter-json@0.24.8 (5.5 KiB side module). */
    static final String JSON_SHA256 = "d2119fb98d5912719b13f9458574f8608d2d29dfbe45f6be1f860ea1fe2a2405";

    private TreeSitterPackages() {}

    /** The bytes of web-tree-sitter.wasm, or the calling test is aborted with the reason. */
    static byte[] mainModuleOrAbort() throws IOException {
        return bytesOrAbort("web-tree-sitter", WEB_TREE_SITTER_VERSION, "package/web-tree-sitter.wasm", MAIN_SHA256);
    }

    /** The bytes of tree-sitter-json.wasm, or the calling test is aborted with the reason. */
    static byte[] jsonGrammarOrAbort() throws IOException {
        return bytesOrAbort("tree-sitter-json", JSON_VERSION, "package/tree-sitter-json.wasm", JSON_SHA256);
    }

    /** The path of web-tree-sitter.wasm, fetching it if needed. */
    static Path mainModule() throws Unavailable {
        return file("web-tree-sitter", WEB_TREE_SITTER_VERSION, "package/web-tree-sitter.wasm", MAIN_SHA256);
    }

    /** The path of tree-sitter-json.wasm, fetching it if needed. */
    static Path jsonGrammar() throws Unavailable {
        return file("tree-sitter-json", JSON_VERSION, "package/tree-sitter-json.wasm", JSON_SHA256);
    }

    private static byte[] bytesOrAbort(String pkg, String version, String entry, String sha) throws IOException {
        try {
            return Files.readAllBytes(file(pkg, version, entry, sha));
        } catch (Unavailable e) {
            org.junit.jupiter.api.Assumptions.abort(pkg + "@" + version + " is not available here: " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    /** Where one package goes: {@code target/treesitter/<pkg>-<version>} of the module the tests run in. */
    private static Path dir(String pkg, String version) {
        return Paths.get("target", "treesitter", pkg + "-" + version).toAbsolutePath();
    }

    /** {@code entry} of {@code pkg@version}, fetched if absent, checked against {@code sha}. */
    private static synchronized Path file(String pkg, String version, String entry, String sha) throws Unavailable {
        Path dir = dir(pkg, version);
        Path file = dir.resolve(entry);
        if (!Files.isRegularFile(file)) {
            fetch(dir, pkg, version, entry);
        }
        try {
            String got = sha256(file);
            if (!got.equals(sha)) {
                throw new Unavailable(file + " has SHA-256 " + got + ", not the one of " + pkg + "@" + version);
            }
        } catch (IOException e) {
            throw new Unavailable("cannot read " + file + ": " + e);
        }
        return file;
    }

    private static void fetch(Path dir, String pkg, String version, String entry) throws Unavailable {
        try {
            Files.createDirectories(dir);
            // npm pack only downloads the tarball: no dependencies are installed and no scripts run.
            run(dir, List.of("npm", "pack", "--silent", pkg + "@" + version));
            run(dir, List.of("tar", "xzf", pkg + "-" + version + ".tgz", entry));
        } catch (IOException e) {
            throw new Unavailable("cannot fetch " + pkg + "@" + version + " with npm: " + e.getMessage());
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, Unavailable {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try (InputStream out = p.getInputStream()) {
            String text = new String(out.readAllBytes());
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new Unavailable(String.join(" ", command) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new Unavailable(String.join(" ", command) + " failed (" + p.exitValue() + "): " + text.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while running " + command);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A package cannot be had on this machine; the message says why. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
