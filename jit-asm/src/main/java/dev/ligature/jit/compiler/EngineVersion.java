package dev.ligature.jit.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The identity of this compiler build, recorded in ahead-of-time jars: the POM version plus a hash
 * of the compiler's own class files, so a jar written by any other build of the code generator
 * (even an unreleased snapshot with the same version) is refused rather than run.
 */
public final class EngineVersion {
    private EngineVersion() {}

    private static final String VALUE = compute();

    public static String get() {
        return VALUE;
    }

    private static String compute() {
        String version = "unknown";
        try (InputStream in = EngineVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException e) {
            // keep "unknown": the hash below still identifies the build
        }
        return version + "+" + codeHash();
    }

    /**
     * SHA-256 (first 16 hex digits) over the compiler's classes and the wasm-core runtime they call
     * (generated code calls Memory, the SIMD kernels, ...): each one's jar, or its package folder's
     * class files when running from build folders.
     */
    private static String codeHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (!hash(md, EngineVersion.class, "dev/ligature/jit")
                    || !hash(md, dev.ligature.core.runtime.Memory.class, "dev/ligature/core")) {
                return "nohash";
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | SecurityException e) {
            return "nohash";
        }
    }

    private static boolean hash(MessageDigest md, Class<?> c, String folder) throws IOException, URISyntaxException {
        var source = c.getProtectionDomain().getCodeSource();
        Path where = source == null ? null : Path.of(source.getLocation().toURI());
        if (where != null && Files.isRegularFile(where)) {
            md.update(Files.readAllBytes(where));
            return true;
        } else if (where != null && Files.isDirectory(where)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(where.resolve(folder))) {
                files = s.filter(f -> f.toString().endsWith(".class")).sorted().toList();
            }
            for (Path f : files) {
                md.update(where.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return true;
        }
        return false;
    }
}
