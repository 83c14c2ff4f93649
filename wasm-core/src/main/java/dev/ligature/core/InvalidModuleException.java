package dev.ligature.core;

/**
 * The module is well-formed but breaks a validation rule of the specification. When the fault is
 * inside a function body, {@link #functionIndex()} and {@link #instructionOffset()} locate it; the
 * message starts with the phrase the official test suite expects, e.g. {@code "type mismatch"}.
 */
public final class InvalidModuleException extends WasmException {
    /** Function index of the fault, or -1; see {@link #functionIndex()}. */
    private final int functionIndex;
    /** Byte offset of the faulting instruction in its function body, or -1; see {@link #instructionOffset()}. */
    private final long instructionOffset;

    private InvalidModuleException(String message, int functionIndex, long instructionOffset) {
        super(message);
        this.functionIndex = functionIndex;
        this.instructionOffset = instructionOffset;
    }

    /**
     * An error for a rule broken outside any function body (types, imports, segments, exports, ...).
     *
     * @param reason the message, starting with the specification's phrase for the rule
     * @return the exception, with {@link #functionIndex()} and {@link #instructionOffset()} -1
     */
    public static InvalidModuleException of(String reason) {
        return new InvalidModuleException(reason, -1, -1);
    }

    /**
     * An error for a rule broken inside a function body. The message is {@code reason} followed by
     * the function index and offset, so a log line locates the fault on its own.
     *
     * @param reason the specification's phrase for the rule, e.g. {@code "type mismatch"}
     * @param functionIndex the function's index in the module's function index space (imported
     *     functions first)
     * @param offset the byte offset of the faulting instruction from the start of the function body
     * @return the exception
     */
    public static InvalidModuleException inFunction(String reason, int functionIndex, long offset) {
        return new InvalidModuleException(
                reason + " (in function " + functionIndex + " at offset " + offset + ")", functionIndex, offset);
    }

    /**
     * {@return the index of the function whose body breaks the rule, in the module's function index
     * space (imported functions first), or -1 when the fault is not inside a function body}
     */
    public int functionIndex() {
        return functionIndex;
    }

    /**
     * {@return the byte offset of the faulting instruction from the start of its function body, or -1
     * when the fault is not inside a function body}
     */
    public long instructionOffset() {
        return instructionOffset;
    }
}
