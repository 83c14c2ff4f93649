package dev.ligature.dylink;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path spelling as Emscripten's runtime does it ({@code PATH.normalize}, {@code join2}, {@code dirname}). */
final class Paths {
    private Paths() {}

    /** Removes {@code .}, empty parts and resolvable {@code ..}; keeps a trailing slash; "" becomes ".". */
    static String normalize(String path) {
        boolean absolute = path.startsWith("/");
        boolean trailingSlash = path.endsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!absolute) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        if (joined.isEmpty() && !absolute) {
            joined = ".";
        }
        if (!joined.isEmpty() && trailingSlash) {
            joined += "/";
        }
        return (absolute ? "/" : "") + joined;
    }

    static String join(String dir, String name) {
        return normalize(dir + "/" + name);
    }

    static String dirname(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : path.substring(0, slash);
    }
}
