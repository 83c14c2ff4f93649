package dev.ligature.emscripten;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of src/test/fixtures/fixtures.txt: a program emcc built and what node printed for it. */
record Fixture(String name, List<String> args, Map<String, String> env, String stdin, String timeZone) {
    static final Path DIR = Path.of("src/test/fixtures");

    static List<Fixture> all() throws IOException {
        List<Fixture> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("fixtures.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            String name = f[0].trim();
            List<String> args = f[3].isBlank() ? List.of() : Arrays.asList(f[3].trim().split("\\s+"));
            Map<String, String> env = new LinkedHashMap<>();
            if (f.length > 4 && !f[4].isBlank()) {
                for (String kv : f[4].trim().split(";")) {
                    int eq = kv.indexOf('=');
                    env.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            String stdin = f.length > 5 && !f[5].isBlank() ? f[5].trim() : null;
            String tz = f.length > 6 && !f[6].isBlank() ? f[6].trim() : "UTC";
            out.add(new Fixture(name, args, env, stdin, tz));
        }
        return out;
    }

    Path js() {
        return DIR.resolve("out").resolve(name + ".js");
    }

    byte[] expected(String ext) throws IOException {
        return Files.readAllBytes(DIR.resolve("out").resolve(name + "." + ext));
    }

    int expectedStatus() throws IOException {
        return Integer.parseInt(new String(expected("status")).trim());
    }

    @Override
    public String toString() {
        return name;
    }
}
