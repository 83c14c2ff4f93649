package dev.ligature.core.runtime;

import dev.ligature.core.WasmException;

/**
 * Instantiation could not link the module's imports: an import is missing ("unknown import") or
 * the provided entity does not match the declared type ("incompatible import type"). The message
 * starts with the phrase the spec tests expect and names the import's module and field.
 */
public final class LinkException extends WasmException {
    private static final long serialVersionUID = 1L;

    /**
     * A link failure.
     *
     * @param message the detail message, starting with the specification's phrase
     */
    public LinkException(String message) {
        super(message);
    }
}
