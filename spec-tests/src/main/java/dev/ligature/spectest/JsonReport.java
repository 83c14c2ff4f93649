package dev.ligature.spectest;

import java.util.Map;
import java.util.SequencedMap;

/**
 * Writes a run as JSON, by hand (the project allows no JSON library):
 * {@code {"engine": "...", "files": {"<path>": {"passed": n, "failed": n, "skipped": n}, ...}}}.
 * Files appear in the map's order, so the output is deterministic.
 */
public final class JsonReport {
    private JsonReport() {}

    /** The report for {@code files}, keyed by the path to show for each. */
    public static String toJson(String engine, SequencedMap<String, FileResult> files) {
        StringBuilder sb = new StringBuilder(64 + files.size() * 80);
        sb.append("{\n  \"engine\": ");
        quote(sb, engine);
        sb.append(",\n  \"files\": {");
        boolean first = true;
        for (Map.Entry<String, FileResult> e : files.entrySet()) {
            FileResult r = e.getValue();
            sb.append(first ? "\n    " : ",\n    ");
            first = false;
            quote(sb, e.getKey());
            sb.append(": {\"passed\": ").append(r.passed())
                    .append(", \"failed\": ").append(r.failed())
                    .append(", \"skipped\": ").append(r.skipped())
                    .append('}');
        }
        sb.append(first ? "}\n}\n" : "\n  }\n}\n");
        return sb.toString();
    }

    /** Appends {@code s} as a JSON string literal (RFC 8259 escapes). */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
