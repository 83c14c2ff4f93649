package dev.ligature.python;

/**
 * Python code raised an exception that reached Java: its type, its message ({@code str(exc)}) and
 * the traceback CPython would print for it. For {@code SystemExit}, {@link #exitStatus()} is the
 * status {@code python} would exit with. The interpreter stays usable.
 */
public final class PythonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exception's type as Python names it. */
    private final String type;
    /** The traceback as CPython prints it. */
    private final String traceback;
    /** The exit status {@code python} would give. */
    private final int exitStatus;

    PythonException(String type, String message, String traceback, int exitStatus) {
        super(message.isEmpty() ? type : type + ": " + message, null, false, false);
        this.type = type;
        this.traceback = traceback;
        this.exitStatus = exitStatus;
    }

    /** {@return the exception's type as Python names it, e.g. {@code ZeroDivisionError} or {@code json.decoder.JSONDecodeError}} */
    public String type() {
        return type;
    }

    /** {@return the traceback as CPython prints it: {@code Traceback (most recent call last):} ... the last line} */
    public String traceback() {
        return traceback;
    }

    /** {@return for {@code SystemExit}, the exit status {@code python} would give (0 for {@code sys.exit()}); 1 otherwise} */
    public int exitStatus() {
        return exitStatus;
    }
}
