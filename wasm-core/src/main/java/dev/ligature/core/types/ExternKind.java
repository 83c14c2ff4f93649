package dev.ligature.core.types;

/** The kinds of entities a module can import and export, with their bytes in the binary format. */
public enum ExternKind {
    /** A function. Binary {@code 0x00}. */
    FUNC(0x00, "func"),
    /** A table. Binary {@code 0x01}. */
    TABLE(0x01, "table"),
    /** A linear memory. Binary {@code 0x02}. */
    MEMORY(0x02, "memory"),
    /** A global. Binary {@code 0x03}. */
    GLOBAL(0x03, "global"),
    /** An exception tag. Binary {@code 0x04}. */
    TAG(0x04, "tag");

    private final int code;
    private final String text;

    ExternKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** {@return the byte that encodes this kind in import and export descriptors} */
    public int code() {
        return code;
    }

    /**
     * The kind a descriptor byte encodes.
     *
     * @param code a byte of the binary format; any int is accepted
     * @return the kind, or null if {@code code} encodes none
     */
    public static ExternKind fromCode(int code) {
        return code >= 0 && code < 5 ? values()[code] : null;
    }

    /** {@return the text-format keyword, e.g. {@code "func"}} */
    @Override
    public String toString() {
        return text;
    }
}
