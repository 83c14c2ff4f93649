package dev.ligature.core.runtime;

import dev.ligature.core.WasmException;

/**
 * A WebAssembly exception in flight: raised by {@code throw}, caught by {@code try_table} catch
 * clauses and legacy {@code catch}/{@code catch_all}, and the value of an {@code exnref}. When it
 * escapes to the host, an embedder reads its {@link #tag()} and payload. Payload values are in slot
 * form (see {@link WasmFunction}): one {@code long} per value, two for a v128, references in
 * {@link #payloadRefs()} at the same index. No JVM stack trace is captured: this is control flow.
 */
public final class WasmThrow extends WasmException {
    private static final long serialVersionUID = 1L;

    private final transient Tag tag;
    private final long[] payload;
    private final transient Object[] payloadRefs;

    public WasmThrow(Tag tag, long[] payload, Object[] payloadRefs) {
        super("uncaught exception");
        this.tag = tag;
        this.payload = payload;
        this.payloadRefs = payloadRefs;
    }

    public Tag tag() {
        return tag;
    }

    /** Payload slots; callers must not modify the array. */
    public long[] payload() {
        return payload;
    }

    /** Payload references at the same slot indices; callers must not modify the array. */
    public Object[] payloadRefs() {
        return payloadRefs;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
