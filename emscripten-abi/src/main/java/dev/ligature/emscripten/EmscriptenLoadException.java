package dev.ligature.emscripten;

/**
 * An Emscripten program could not be loaded: the {@code .wasm} beside a {@code .js} is missing,
 * the {@code .js} does not hold the import/export name mapping of a minified build, or a minified
 * module was given without its {@code .js}. The message says what is missing.
 */
public final class EmscriptenLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A load failure.
     *
     * @param message what is missing or wrong
     */
    public EmscriptenLoadException(String message) {
        super(message);
    }

    /**
     * A load failure caused by another.
     *
     * @param message what is missing or wrong
     * @param cause the underlying failure
     */
    public EmscriptenLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
