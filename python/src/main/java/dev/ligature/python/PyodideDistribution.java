package dev.ligature.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A Pyodide release: its CPython main module ({@code pyodide.asm.wasm}) and standard library
 * ({@code python_stdlib.zip}). The jar of this module bundles {@code pyodide@314.0.7} (fetched from
 * npm by the build, SHA-256 checked); another release can be given as a directory.
 */
public final class PyodideDistribution {
    private static final String RESOURCES = "/dev/ligature/python/pyodide/";
    private static volatile PyodideDistribution bundled;

    private final String version;
    private final byte[] wasm;
    private final byte[] stdlib;

    private PyodideDistribution(String version, byte[] wasm, byte[] stdlib) {
        this.version = version;
        this.wasm = wasm;
        this.stdlib = stdlib;
    }

    /**
     * The distribution this jar bundles, read once per JVM.
     *
     * @return it, or empty if this jar was built without one (the build had no npm)
     * @throws UncheckedIOException if the bundled resources cannot be read
     */
    public static Optional<PyodideDistribution> bundled() {
        PyodideDistribution d = bundled;
        if (d != null) {
            return Optional.of(d);
        }
        synchronized (PyodideDistribution.class) {
            if (bundled == null) {
                try (InputStream props = PyodideDistribution.class.getResourceAsStream(RESOURCES + "distribution.properties")) {
                    if (props == null) {
                        return Optional.empty();
                    }
                    Properties p = new Properties();
                    p.load(props);
                    // The archive with compiled .pyc (StdlibPycBuilder, at build time) when the build made one.
                    byte[] stdlib = PyodideDistribution.class.getResource(RESOURCES + "python_stdlib_pyc.zip") != null
                            ? resource("python_stdlib_pyc.zip")
                            : resource("python_stdlib.zip");
                    bundled = new PyodideDistribution(p.getProperty("version"), resource("pyodide.asm.wasm"), stdlib);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the bundled Pyodide distribution", e);
                }
            }
            return Optional.of(bundled);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PyodideDistribution.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        }
    }

    /**
     * A distribution in a directory: an unpacked Pyodide npm package (its {@code pyodide.asm.wasm}
     * and {@code python_stdlib.zip}).
     *
     * @param directory the directory
     * @param version a name for the release, for messages
     * @return the distribution
     * @throws IOException if either file cannot be read
     */
    public static PyodideDistribution of(Path directory, String version) throws IOException {
        Objects.requireNonNull(version, "version");
        return new PyodideDistribution(version, Files.readAllBytes(directory.resolve("pyodide.asm.wasm")),
                Files.readAllBytes(directory.resolve("python_stdlib.zip")));
    }

    /**
     * The build's ahead-of-time classes of the bundled module (a jar resource), copied to a file the
     * first time: under {@code ~/.cache/ligature/aot} keyed by the jar's SHA-256, else a temporary file.
     *
     * @return the jar file, or empty when this distribution has none (not bundled, or built without)
     */
    java.util.Optional<Path> aotJar() {
        if (this != bundled) {
            return java.util.Optional.empty();
        }
        synchronized (PyodideDistribution.class) {
            if (aotJar == null) {
                aotJar = extractAotJar();
            }
            return java.util.Optional.ofNullable(aotJar);
        }
    }

    private static Path aotJar;

    private static Path extractAotJar() {
        if (PyodideDistribution.class.getResource(RESOURCES + "pyodide-aot.jar") == null) {
            return null;
        }
        try {
            byte[] jar = resource("pyodide-aot.jar");
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(jar));
            Path target;
            try {
                Path dir = Path.of(System.getProperty("user.home"), ".cache", "ligature", "aot");
                Files.createDirectories(dir);
                target = dir.resolve("pyodide-" + sha.substring(0, 32) + ".jar");
                if (Files.isRegularFile(target) && Files.size(target) == jar.length) {
                    return target;
                }
                Path tmp = Files.createTempFile(dir, "pyodide", ".tmp");
                Files.write(tmp, jar);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                target = Files.createTempFile("ligature-pyodide", ".jar");
                target.toFile().deleteOnExit();
                Files.write(target, jar);
            }
            return target;
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return null; // compiled at run time instead
        }
    }

    /** {@return the release, e.g. {@code 314.0.7}} */
    public String version() {
        return version;
    }

    byte[] wasm() {
        return wasm;
    }

    byte[] stdlib() {
        return stdlib;
    }
}
