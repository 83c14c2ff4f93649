package dev.ligature.jit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Edits of ahead-of-time jars the tests of both packages make, to see what AotJar refuses. */
public final class AotJarFiles {
    private AotJarFiles() {}

    /** A copy of {@code jar} at {@code to} whose manifest has {@code value} for {@code key} (null: removed). */
    public static Path withManifestValue(Path jar, Path to, String key, String value) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest mf = new Manifest(in.getManifest());
            if (value == null) {
                mf.getMainAttributes().remove(new Attributes.Name(key));
            } else {
                mf.getMainAttributes().put(new Attributes.Name(key), value);
            }
            try (OutputStream os = Files.newOutputStream(to); JarOutputStream out = new JarOutputStream(os, mf)) {
                for (var it = in.entries().asIterator(); it.hasNext(); ) {
                    JarEntry e = it.next();
                    if (!e.getName().startsWith("META-INF/")) {
                        out.putNextEntry(new JarEntry(e.getName()));
                        out.write(in.getInputStream(e).readAllBytes());
                        out.closeEntry();
                    }
                }
            }
        }
        return to;
    }
}
