package dev.ligature.emscripten;

/**
 * The program ended through {@code exit}, {@code _exit} or {@code proc_exit}: thrown by the host
 * function and unwound through every Wasm frame to the runner, which returns {@link #status()}.
 * No stack trace: this is control flow.
 */
public final class ProgramExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exit status; see {@link #status()}. */
    private final int status;

    /**
     * An exit, without a stack trace or suppressed exceptions.
     *
     * @param status the exit status the program gave
     */
    public ProgramExit(int status) {
        super("program exited with status " + status, null, false, false);
        this.status = status;
    }

    /** {@return the exit status the program gave, as {@code exit} received it (not truncated to 8 bits)} */
    public int status() {
        return status;
    }
}
