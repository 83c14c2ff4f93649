package dev.ligature.dylink;

import dev.ligature.core.WasmException;

/** A module's {@code dylink.0} (or legacy {@code dylink}) section does not follow its format. */
public final class MalformedDylinkException extends WasmException {
    private static final long serialVersionUID = 1L;

    MalformedDylinkException(String message) {
        super(message);
    }
}
