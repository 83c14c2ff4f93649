package dev.ligature.emscripten;

/**
 * What Emscripten's JavaScript runtime throws as a plain number: a C++ exception (the thrown
 * object's address) or a {@code longjmp} (JavaScript throws {@code Infinity}). Only these are caught
 * by the synthesised {@code invoke_*} wrappers, as JavaScript's {@code e !== e+0} test does; traps,
 * exits and aborts pass through them. Control flow only: no stack trace.
 */
final class JsThrow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The thrown exception's address, or -1 for a longjmp. */
    final long value;

    JsThrow(long value) {
        super(value < 0 ? "longjmp" : "C++ exception at " + value, null, false, false);
        this.value = value;
    }

    static final JsThrow LONGJMP = new JsThrow(-1);
}
