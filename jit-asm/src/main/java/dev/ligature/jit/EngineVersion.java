package dev.ligature.jit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The identity of this compiler build, recorded in ahead-of-time jars ({@link AotJar}): the POM version
 * plus a hash of the class bytes that decide the generated code, never of the file holding them.
 *
 * <p><b>What is hashed</b> ({@link #decidesCode}): every class of jit-asm ({@code dev/ligature/jit/**},
 * the code generator), every class of wasm-core but its text format ({@code dev/ligature/core/**} without
 * {@code dev/ligature/core/text/**}: the decoder and validator build what the compiler reads, and generated
 * code calls the runtime and the interpreter's kernels), and ASM's core package ({@code org/objectweb/asm/*},
 * which writes the class files). Whole module trees rather than a hand-picked list, so that a class added
 * or moved (say into an internal package) is covered without anyone remembering to list it; the text
 * format is left out because jars are only ever made from binaries.
 *
 * <p><b>How</b> ({@link #hash}): the classes are found where {@code EngineVersion}, {@code Memory} and
 * {@code ClassWriter} were loaded from (a directory, a jar, the shaded {@code ligature.jar} holding all
 * three, a jrt image, or a named module's own reader), keeping only the resources above; SHA-256 runs over
 * them sorted by resource name, each as its name, a NUL, its length (4 bytes) and its bytes. Neither the
 * container's name, timestamps, entry order nor other entries count, so the {@code ligature} command's jar
 * and the library's jars hash alike, and two builds of the same source hash alike as long as javac writes
 * the same bytes (it does for the same source, JDK and flags; a different JDK may change them, and then
 * jars are refused, which is safe).
 */
final class EngineVersion {
    private EngineVersion() {}

    private static final String VALUE = compute();

    /** {@code <version>+<first 16 hex digits of the hash>}, or {@code <version>+nohash} if the classes cannot be read. */
    static String get() {
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
        String hash;
        try {
            hash = hash(loadedClasses());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            hash = "nohash";
        }
        return version + "+" + hash;
    }

    /** Whether the class resource {@code name} (e.g. {@code dev/ligature/jit/AotJar.class}) decides generated code. */
    static boolean decidesCode(String name) {
        if (!name.endsWith(".class") || name.endsWith("/package-info.class")) {
            return false; // package-info holds no code (and whether javac writes one depends on flags)
        }
        if (name.startsWith("dev/ligature/jit/")) {
            return true;
        }
        if (name.startsWith("dev/ligature/core/")) {
            return !name.startsWith("dev/ligature/core/text/");
        }
        return name.startsWith("org/objectweb/asm/") && name.indexOf('/', "org/objectweb/asm/".length()) < 0;
    }

    /** The first 16 hex digits of the SHA-256 of {@code classes} (resource name to bytes), in name order. */
    static String hash(SortedMap<String, byte[]> classes) {
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes to hash");
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        byte[] length = new byte[4];
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            int n = e.getValue().length;
            length[0] = (byte) (n >>> 24);
            length[1] = (byte) (n >>> 16);
            length[2] = (byte) (n >>> 8);
            length[3] = (byte) n;
            md.update(length);
            md.update(e.getValue());
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    /**
     * The classes that decide generated code, as this JVM loaded them: the ones in the containers of
     * jit-asm, wasm-core and ASM.
     */
    static SortedMap<String, byte[]> loadedClasses() throws IOException, URISyntaxException {
        SortedMap<String, byte[]> out = new TreeMap<>();
        List<Class<?>> anchors = List.of(EngineVersion.class, dev.ligature.core.runtime.Memory.class,
                org.objectweb.asm.ClassWriter.class);
        Set<URI> seen = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            URI where = location(anchor);
            if (where != null) {
                if (seen.add(where)) {
                    collect(Path.of(where), out);
                }
            } else {
                collect(anchor.getModule(), out);
            }
        }
        for (String required : new String[] {"dev/ligature/jit/EngineVersion.class",
                "dev/ligature/core/runtime/Memory.class", "org/objectweb/asm/ClassWriter.class"}) {
            if (!out.containsKey(required)) {
                throw new IllegalStateException(required + " not found where it was loaded from");
            }
        }
        return out;
    }

    /** Where {@code c} was loaded from, if its code source names a file or a jrt image. */
    private static URI location(Class<?> c) throws URISyntaxException {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        URI uri = source.getLocation().toURI();
        return "file".equals(uri.getScheme()) || "jrt".equals(uri.getScheme()) ? uri : null;
    }

    /**
     * Adds the classes that decide code from {@code container}: a class path or jrt directory (walked), or a jar
     * (its entries; nothing else of the file counts).
     */
    static void collect(Path container, SortedMap<String, byte[]> out) throws IOException {
        if (Files.isDirectory(container)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(container)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                List<String> parts = new ArrayList<>();
                for (Path p : container.relativize(f)) {
                    parts.add(p.toString());
                }
                String name = String.join("/", parts);
                if (decidesCode(name)) {
                    out.putIfAbsent(name, Files.readAllBytes(f));
                }
            }
        } else if (Files.isRegularFile(container)) {
            try (ZipFile zip = new ZipFile(container.toFile())) {
                List<? extends ZipEntry> entries = zip.stream().filter(e -> decidesCode(e.getName())).toList();
                for (ZipEntry e : entries) {
                    try (InputStream in = zip.getInputStream(e)) {
                        out.putIfAbsent(e.getName(), in.readAllBytes());
                    }
                }
            }
        } else {
            throw new IOException(container + " is neither a directory nor a file");
        }
    }

    /** Adds the classes of named module {@code m} that decide code, listed by the module's own reader. */
    private static void collect(Module m, SortedMap<String, byte[]> out) throws IOException {
        Optional<ResolvedModule> resolved = m.isNamed() && m.getLayer() != null
                ? m.getLayer().configuration().findModule(m.getName()) : Optional.empty();
        if (resolved.isEmpty()) {
            throw new IOException("cannot list the classes of " + m);
        }
        try (ModuleReader reader = resolved.get().reference().open()) {
            List<String> names;
            try (Stream<String> s = reader.list()) {
                names = s.filter(EngineVersion::decidesCode).toList();
            }
            for (String name : names) {
                Optional<InputStream> in = reader.open(name);
                if (in.isPresent()) {
                    try (InputStream i = in.get()) {
                        out.putIfAbsent(name, i.readAllBytes());
                    }
                }
            }
        }
    }
}
