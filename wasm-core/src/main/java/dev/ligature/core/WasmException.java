package dev.ligature.core;

/**
 * Root of every error Ligature reports about WebAssembly input or execution. Each failure mode has
 * its own subtype, so embedders can tell a malformed binary from an invalid module, a link failure
 * or a trap without parsing messages:
 * <ul>
 *   <li>{@link MalformedModuleException}: the bytes or text are not a module;</li>
 *   <li>{@link InvalidModuleException}: the module breaks a validation rule;</li>
 *   <li>{@link dev.ligature.core.runtime.LinkException}: its imports cannot be satisfied;</li>
 *   <li>{@link dev.ligature.core.runtime.Trap}: running code hit a fault;</li>
 *   <li>{@link dev.ligature.core.runtime.WasmThrow}: a Wasm exception reached the host.</li>
 * </ul>
 * Being unchecked, these pass through host functions and Wasm frames without declarations.
 */
public abstract class WasmException extends RuntimeException {
    /**
     * An exception with a message and no cause.
     *
     * @param message the detail message
     */
    protected WasmException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the failure that led to it.
     *
     * @param message the detail message
     * @param cause the underlying failure, or null
     */
    protected WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
