package dev.ligature.spectest;

import java.util.Objects;

/**
 * One failed command of a script.
 *
 * @param line the command's line in the script (1-based), or 0 when the whole file failed before any
 *     command could be located
 * @param kind the command kind ({@link CommandKind#wastName()}), or {@code "script"} for a failure of
 *     the file as a whole
 * @param reason what went wrong, in words a person can act on
 */
public record Failure(int line, String kind, String reason) {
    /** The kind reported when a whole file fails (script syntax error, unreadable file, timeout). */
    public static final String SCRIPT = "script";

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "line " + line + " " + kind + ": " + reason;
    }
}
