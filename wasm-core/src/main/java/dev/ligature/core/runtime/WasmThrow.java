package dev.ligature.core.runtime;

import dev.ligature.core.WasmException;

/**
 * A WebAssembly exception in flight: raised by {@code throw}, caught by {@code try_table} catch
 * clauses and legacy {@code catch}/{@code catch_all}, and the value of an {@code exnref}. When it
 * escapes to the host, an embedder reads its {@link #tag()} and payload. Payload values are in slot
 * form (see {@link WasmFunction}): one {@code long} per value, two for a v128, references in
 * {@link #payloadRefs()} at the same index. No JVM stack trace is captured: this is control flow.
 *
 * <p>A host function may throw one, with a tag the calling module imports or exports, to raise a
 * Wasm exception that the caller's handlers can catch.
 */
public final class WasmThrow extends WasmException {
    private static final long serialVersionUID = 1L;

    /** The exception's tag; see {@link #tag()}. */
    private final transient Tag tag;
    /** The payload in slot form; see {@link #payload()}. */
    private final long[] payload;
    /** The payload's references, by slot; see {@link #payloadRefs()}. */
    private final transient Object[] payloadRefs;

    /**
     * A Wasm exception. The arrays are kept, not copied, and must not be modified afterwards.
     *
     * @param tag the exception's tag, whose parameters are the payload's types
     * @param payload the payload values in slot form, {@link dev.ligature.core.types.FuncType#paramSlots()}
     *     of the tag's type long
     * @param payloadRefs the payload's references at their slot indices (null elsewhere), as long as
     *     {@code payload}
     */
    public WasmThrow(Tag tag, long[] payload, Object[] payloadRefs) {
        super("uncaught exception");
        this.tag = tag;
        this.payload = payload;
        this.payloadRefs = payloadRefs;
    }

    /** {@return the exception's tag, which identifies what kind of exception it is} */
    public Tag tag() {
        return tag;
    }

    /** {@return the payload values in slot form, in the order of the tag's parameters; do not modify the array} */
    public long[] payload() {
        return payload;
    }

    /** {@return the payload's references at their slot indices (null at number slots); do not modify the array} */
    public Object[] payloadRefs() {
        return payloadRefs;
    }

    /**
     * Captures nothing: a Wasm exception is control flow, and a JVM stack trace would cost more than
     * the throw.
     *
     * @return this exception
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
