package dev.ligature.jit;

import java.io.IOException;

/**
 * An ahead-of-time jar cannot be used: it is not a Ligature jar, it was written for a different
 * module binary, or by a different build of the compiler.
 */
public final class AotJarException extends IOException {
    private static final long serialVersionUID = 1L;

    AotJarException(String message) {
        super(message);
    }
}
