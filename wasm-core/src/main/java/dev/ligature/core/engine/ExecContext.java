package dev.ligature.core.engine;

import dev.ligature.core.runtime.HostCall;
import dev.ligature.core.runtime.Instance;
import java.util.Arrays;

/**
 * The per-thread execution state every Wasm call runs on: the value slots and the parallel
 * reference slots of all active frames. A function's arguments are at {@code slots[base..]}
 * (references at {@code refs[base..]}) and it writes its results from {@code base} on. The arrays
 * grow; anyone holding them must re-read {@link #slots} and {@link #refs} after a call.
 *
 * <p>One context serves one thread at a time. {@link #current()} gives the calling thread's own.
 * Fields are public for engines (the interpreter and compiled code). Not API.
 */
public final class ExecContext {
    private static final ThreadLocal<ExecContext> CURRENT = ThreadLocal.withInitial(ExecContext::new);

    /** Value slots of all frames. */
    public long[] slots = new long[1024];
    /** Reference slots, parallel to {@link #slots}. */
    public Object[] refs = new Object[1024];
    /** Set by a tail call: the function the returning frame's caller must run next at the same base. */
    public EngineFunction tailCall;
    /** The instance whose code made the current call into a host function. */
    public Instance caller;
    /** The view raw host functions read their arguments through (made on first use, reused). */
    public HostCall hostCall;
    /** First free slot above the running host function's arguments and results (set on host calls). */
    public int hostTop;
    /** Wasm call depth on this context (interpreted frames). */
    public int depth;
    /**
     * Deepest Wasm call nesting allowed before the trap "call stack exhausted". The JVM stack may
     * run out first (a StackOverflowError inside Wasm is the same trap); this bound keeps threads with
     * very large stacks from growing the slot arrays without limit.
     */
    public int maxDepth = 100_000;
    /** Host call nesting depth (host to Wasm entries on this thread). */
    public int hostDepth;

    /** The calling thread's context. */
    public static ExecContext current() {
        return CURRENT.get();
    }

    /** Makes sure {@code slots} and {@code refs} hold at least {@code n} entries. */
    public void ensure(int n) {
        if (n > slots.length) {
            int cap = Math.max(n, slots.length * 2);
            slots = Arrays.copyOf(slots, cap);
            refs = Arrays.copyOf(refs, cap);
        }
    }
}
