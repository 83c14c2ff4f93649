package dev.ligature.emscripten;

/**
 * A file system operation failed with an errno; the syscall layer turns it into its return value.
 * Control flow only: no stack trace.
 */
final class FsError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int errno;

    FsError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }
}
