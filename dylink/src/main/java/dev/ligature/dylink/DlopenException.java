package dev.ligature.dylink;

/**
 * A library could not be loaded, or a symbol could not be found: the message is the text C code
 * would get from {@code dlerror()} (for a load, {@code could not load dynamic lib: NAME} and, on
 * the next line, the cause). The process is unchanged by the failed load and stays usable.
 */
public final class DlopenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure with {@code dlerror()}'s text.
     *
     * @param message the text
     */
    public DlopenException(String message) {
        super(message);
    }
}
