package dev.ligature.core.types;

/** The kinds of importable and exportable entities, with their binary encodings. */
public enum ExternKind {
    FUNC(0x00, "func"),
    TABLE(0x01, "table"),
    MEMORY(0x02, "memory"),
    GLOBAL(0x03, "global"),
    TAG(0x04, "tag");

    private final int code;
    private final String text;

    ExternKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** The kind encoded by {@code code}, or null. */
    public static ExternKind fromCode(int code) {
        return code >= 0 && code < 5 ? values()[code] : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
