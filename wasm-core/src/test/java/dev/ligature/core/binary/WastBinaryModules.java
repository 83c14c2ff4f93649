package dev.ligature.core.binary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only extraction of the binary modules of a .wast script: {@code (module binary "..." ...)}
 * commands and the same inside assertions. Just enough of the script syntax to find them (strings,
 * line and block comments, parentheses); the real script parser lives elsewhere.
 */
final class WastBinaryModules {
    enum Kind {
        /** A top-level {@code (module binary ...)}: must decode. */
        MODULE,
        /** Inside {@code assert_malformed}: must fail to decode with the expected phrase. */
        MALFORMED,
        /** Inside another assertion (assert_invalid, assert_unlinkable, ...): well-formed, so must decode. */
        OTHER_ASSERTION
    }

    record Case(String file, int line, Kind kind, String assertion, byte[] bytes, String message) {
        @Override
        public String toString() {
            return file + ":" + line + " " + (kind == Kind.MALFORMED ? "malformed \"" + message + "\"" : assertion);
        }
    }

    private sealed interface Node permits Atom, Str, Form {}

    private record Atom(String text) implements Node {}

    private record Str(byte[] bytes) implements Node {}

    private record Form(List<Node> items, int line) implements Node {}

    private final String src;
    private int pos;
    private int line = 1;

    private WastBinaryModules(String src) {
        this.src = src;
    }

    static List<Case> read(Path file, String displayName) throws IOException {
        WastBinaryModules p = new WastBinaryModules(Files.readString(file, StandardCharsets.UTF_8));
        List<Case> out = new ArrayList<>();
        Node n;
        while ((n = p.next()) != null) {
            if (n instanceof Form f) {
                collect(f, displayName, out);
            }
        }
        return out;
    }

    private static void collect(Form top, String file, List<Case> out) {
        String head = head(top);
        if ("module".equals(head)) {
            byte[] bytes = binaryModule(top);
            if (bytes != null) {
                out.add(new Case(file, top.line(), Kind.MODULE, "module", bytes, null));
            }
            return;
        }
        if (head == null || !head.startsWith("assert_")) {
            return;
        }
        for (Node item : top.items()) {
            if (item instanceof Form inner && "module".equals(head(inner))) {
                byte[] bytes = binaryModule(inner);
                if (bytes == null) {
                    continue;
                }
                if (head.equals("assert_malformed")) {
                    Node last = top.items().getLast();
                    String message = last instanceof Str s ? new String(s.bytes(), StandardCharsets.UTF_8) : "";
                    out.add(new Case(file, inner.line(), Kind.MALFORMED, head, bytes, message));
                } else {
                    out.add(new Case(file, inner.line(), Kind.OTHER_ASSERTION, head, bytes, null));
                }
            }
        }
    }

    private static String head(Form f) {
        return !f.items().isEmpty() && f.items().getFirst() instanceof Atom a ? a.text() : null;
    }

    /** The bytes of {@code (module [$id] binary "..."*)}, or null for other module forms. */
    private static byte[] binaryModule(Form f) {
        List<Node> items = f.items();
        int i = 1;
        if (i < items.size() && items.get(i) instanceof Atom a && a.text().startsWith("$")) {
            i++;
        }
        if (!(i < items.size() && items.get(i) instanceof Atom a && a.text().equals("binary"))) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (i++; i < items.size(); i++) {
            if (items.get(i) instanceof Str s) {
                out.writeBytes(s.bytes());
            }
        }
        return out.toByteArray();
    }

    private Node next() {
        skipBlank();
        if (pos >= src.length()) {
            return null;
        }
        char c = src.charAt(pos);
        if (c == '(') {
            int startLine = line;
            pos++;
            List<Node> items = new ArrayList<>();
            while (true) {
                skipBlank();
                if (pos >= src.length()) {
                    throw new IllegalStateException("unclosed form from line " + startLine);
                }
                if (src.charAt(pos) == ')') {
                    pos++;
                    return new Form(items, startLine);
                }
                items.add(next());
            }
        }
        if (c == ')') {
            throw new IllegalStateException("unbalanced ) at line " + line);
        }
        if (c == '"') {
            return string();
        }
        int start = pos++; // an atom is at least one character, even a lone ';'
        while (pos < src.length() && !Character.isWhitespace(src.charAt(pos)) && "()\";".indexOf(src.charAt(pos)) < 0) {
            pos++;
        }
        return new Atom(src.substring(start, pos));
    }

    private void skipBlank() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith(";;", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("(;", pos)) {
                int depth = 0;
                do {
                    if (src.startsWith("(;", pos)) {
                        depth++;
                        pos += 2;
                    } else if (src.startsWith(";)", pos)) {
                        depth--;
                        pos += 2;
                    } else {
                        if (src.charAt(pos) == '\n') {
                            line++;
                        }
                        pos++;
                    }
                } while (depth > 0 && pos < src.length());
            } else {
                return;
            }
        }
    }

    private Str string() {
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            char c = src.charAt(pos++);
            if (c == '"') {
                return new Str(out.toByteArray());
            }
            if (c != '\\') {
                if (c == '\n') {
                    line++;
                }
                int cp = src.codePointAt(pos - 1);
                if (Character.isSupplementaryCodePoint(cp)) {
                    pos++;
                }
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case '\\' -> out.write('\\');
                case '\'' -> out.write('\'');
                case '"' -> out.write('"');
                case 'u' -> {
                    int close = src.indexOf('}', pos);
                    int cp = Integer.parseInt(src.substring(pos + 1, close).replace("_", ""), 16);
                    pos = close + 1;
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                    out.write(Integer.parseInt(src.substring(pos - 1, pos + 1), 16));
                    pos++;
                }
            }
        }
    }
}
