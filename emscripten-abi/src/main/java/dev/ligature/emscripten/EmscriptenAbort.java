package dev.ligature.emscripten;

/**
 * The program aborted ({@code abort()}, a failed {@code assert}, an unsupported runtime request):
 * Emscripten's runtime reports {@code Aborted(<what>)} and the process fails with status 1.
 */
public final class EmscriptenAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What aborted; see {@link #what()}. */
    private final String what;

    /**
     * An abort; the message is {@code Aborted(what)}, as Emscripten's runtime prints it.
     *
     * @param what what aborted, as Emscripten's runtime words it (may be empty)
     */
    public EmscriptenAbort(String what) {
        super("Aborted(" + what + ")");
        this.what = what;
    }

    /** {@return what aborted, as Emscripten's runtime words it (may be empty)} */
    public String what() {
        return what;
    }
}
