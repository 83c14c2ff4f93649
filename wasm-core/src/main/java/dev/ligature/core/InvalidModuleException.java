package dev.ligature.core;

/**
 * The module is well-formed but breaks a validation rule of the specification. When the fault is
 * inside a function body, {@link #functionIndex()} and {@link #instructionOffset()} locate it; the
 * message starts with the phrase the official test suite expects, e.g. {@code "type mismatch"}.
 */
public final class InvalidModuleException extends WasmException {
    private final int functionIndex;
    private final long instructionOffset;

    private InvalidModuleException(String message, int functionIndex, long instructionOffset) {
        super(message);
        this.functionIndex = functionIndex;
        this.instructionOffset = instructionOffset;
    }

    /** A rule broken outside any function body (types, imports, segments, exports, ...). */
    public static InvalidModuleException of(String reason) {
        return new InvalidModuleException(reason, -1, -1);
    }

    /**
     * A rule broken inside the body of function {@code functionIndex} (in the function index space,
     * imports included) at {@code offset}, the instruction's byte offset within the body.
     */
    public static InvalidModuleException inFunction(String reason, int functionIndex, long offset) {
        return new InvalidModuleException(
                reason + " (in function " + functionIndex + " at offset " + offset + ")", functionIndex, offset);
    }

    /** Function index of the fault, or -1 when the fault is not inside a function body. */
    public int functionIndex() {
        return functionIndex;
    }

    /** Byte offset of the faulting instruction within the function body, or -1. */
    public long instructionOffset() {
        return instructionOffset;
    }
}
