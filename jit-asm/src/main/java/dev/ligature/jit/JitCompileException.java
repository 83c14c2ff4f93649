package dev.ligature.jit;

/**
 * The compiler cannot compile a function: an instruction or type it does not support yet, or a
 * method past the size HotSpot JIT-compiles. Thrown when the module is compiled; there is no
 * silent fallback to the interpreter.
 */
public final class JitCompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int functionIndex;

    public JitCompileException(int functionIndex, String functionName, String what) {
        super("cannot compile function " + functionIndex + (functionName != null ? " (" + functionName + ")" : "")
                + ": " + what);
        this.functionIndex = functionIndex;
    }

    /** Index of the function that failed, in the module's function index space. */
    public int functionIndex() {
        return functionIndex;
    }
}
