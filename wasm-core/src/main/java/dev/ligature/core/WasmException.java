package dev.ligature.core;

/**
 * Root of every error Ligature reports about WebAssembly input or execution. Each failure mode has
 * its own subtype, so embedders can tell a malformed binary from an invalid module, a link failure
 * or a trap without parsing messages.
 */
public abstract class WasmException extends RuntimeException {
    protected WasmException(String message) {
        super(message);
    }

    protected WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
