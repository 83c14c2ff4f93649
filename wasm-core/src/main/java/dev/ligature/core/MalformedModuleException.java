package dev.ligature.core;

/**
 * The input is not a well-formed WebAssembly module: bad binary encoding (with the byte offset of
 * the fault) or bad text syntax (with line and column). The message starts with the phrase the
 * official test suite expects, e.g. {@code "unexpected end"} or {@code "unknown operator"}.
 */
public final class MalformedModuleException extends WasmException {
    /** Byte offset of the fault in binary input, or -1; see {@link #offset()}. */
    private final long offset;
    /** 1-based line of the fault in text input, or -1; see {@link #line()}. */
    private final int line;
    /** 1-based column of the fault in text input, or -1; see {@link #column()}. */
    private final int column;

    private MalformedModuleException(String message, long offset, int line, int column) {
        super(message);
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /**
     * An error for a fault in a binary module. The message is {@code reason} followed by the offset.
     *
     * @param reason the specification's phrase for the fault, e.g. {@code "unexpected end"}
     * @param offset the byte offset of the fault from the start of the module's bytes
     * @return the exception, with {@link #line()} and {@link #column()} -1
     */
    public static MalformedModuleException atOffset(String reason, long offset) {
        return new MalformedModuleException(reason + " (at byte offset " + offset + ")", offset, -1, -1);
    }

    /**
     * An error for a fault in text-format source. The message is {@code reason} followed by
     * {@code line:column}.
     *
     * @param reason the specification's phrase for the fault, e.g. {@code "unknown operator"}
     * @param line the 1-based line of the fault
     * @param column the 1-based column of the fault
     * @return the exception, with {@link #offset()} -1
     */
    public static MalformedModuleException atPosition(String reason, int line, int column) {
        return new MalformedModuleException(reason + " (at " + line + ":" + column + ")", -1, line, column);
    }

    /** {@return the byte offset of the fault from the start of a binary module, or -1 for text input} */
    public long offset() {
        return offset;
    }

    /** {@return the 1-based line of the fault in text input, or -1 for binary input} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column of the fault in text input, or -1 for binary input} */
    public int column() {
        return column;
    }
}
