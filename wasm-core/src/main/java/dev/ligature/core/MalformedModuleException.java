package dev.ligature.core;

/**
 * The input is not a well-formed WebAssembly module: bad binary encoding (with the byte offset of
 * the fault) or bad text syntax (with line and column). The message starts with the phrase the
 * official test suite expects, e.g. {@code "unexpected end"} or {@code "unknown operator"}.
 */
public final class MalformedModuleException extends WasmException {
    private final long offset;
    private final int line;
    private final int column;

    private MalformedModuleException(String message, long offset, int line, int column) {
        super(message);
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** A fault in a binary module at the given byte offset. */
    public static MalformedModuleException atOffset(String reason, long offset) {
        return new MalformedModuleException(reason + " (at byte offset " + offset + ")", offset, -1, -1);
    }

    /** A fault in text-format source at the given 1-based line and column. */
    public static MalformedModuleException atPosition(String reason, int line, int column) {
        return new MalformedModuleException(reason + " (at " + line + ":" + column + ")", -1, line, column);
    }

    /** Byte offset of the fault in a binary module, or -1 for text input. */
    public long offset() {
        return offset;
    }

    /** 1-based line of the fault in text input, or -1 for binary input. */
    public int line() {
        return line;
    }

    /** 1-based column of the fault in text input, or -1 for binary input. */
    public int column() {
        return column;
    }
}
