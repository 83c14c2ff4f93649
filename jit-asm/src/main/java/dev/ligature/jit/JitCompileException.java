package dev.ligature.jit;

/**
 * The compiler cannot compile a function: an instruction or type it does not support yet, or a
 * method past the size HotSpot JIT-compiles. Thrown when the module is compiled; there is no
 * silent fallback to the interpreter.
 */
public final class JitCompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The index of the function that failed. */
    private final int functionIndex;

    /**
     * Made by the compiler.
     *
     * @param functionIndex the function's index in the module's function index space
     * @param functionName its display name, or null
     * @param what what the compiler cannot do
     */
    public JitCompileException(int functionIndex, String functionName, String what) {
        super("cannot compile function " + functionIndex + (functionName != null ? " (" + functionName + ")" : "")
                + ": " + what);
        this.functionIndex = functionIndex;
    }

    /** {@return the index of the function that failed, in the module's function index space} */
    public int functionIndex() {
        return functionIndex;
    }
}
