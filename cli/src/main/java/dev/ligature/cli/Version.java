package dev.ligature.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, as the POM states it (filtered into a resource at build time). */
final class Version {
    private Version() {}

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }
}
