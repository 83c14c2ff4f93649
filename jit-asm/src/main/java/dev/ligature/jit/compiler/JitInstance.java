package dev.ligature.jit.compiler;

import dev.ligature.core.engine.ExecContext;
import dev.ligature.core.engine.GlobalCell;
import dev.ligature.core.engine.InstanceState;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.engine.EngineFunction;

/**
 * The one context object generated code reaches instance state through: every compiled method
 * takes it as its first parameter. Generated classes are shared by all instances of a module, so
 * nothing instance-specific may live in their static fields; it lives here. Public for the
 * generated hidden classes; not API.
 */
public final class JitInstance {
    public final InstanceState instance;
    public final EngineFunction[] functions;
    public final Memory[] memories;
    public final GlobalCell[] globals;
    public final Table[] tables;
    /**
     * Scratch slots: results of functions with several results, and arguments/results of calls
     * that leave compiled code (imports, call_indirect). Read right after the call that filled it.
     */
    public final long[] mv;
    /** Scratch for references, parallel to {@link #mv}. */
    public final Object[] mvRefs;
    /** The execution context of the current entry into this instance's compiled code. */
    public ExecContext exec;
    /** First free slot of {@link #exec} above the frame that entered compiled code. */
    public int top;
    /** Frame array entries held by running split functions (their locals live on the heap). */
    public long splitFrameSlots;
    /** Past this many, a split function's call is "call stack exhausted" (about 64 MB of frames). */
    static final long SPLIT_FRAME_BUDGET = 1L << 23;

    JitInstance(InstanceState instance, int scratchSlots) {
        this.instance = instance;
        // The arrays are the instance's own (filled during instantiation), read at run time.
        this.functions = instance.functions;
        this.memories = instance.memories;
        this.globals = instance.globals;
        this.tables = instance.tables;
        this.mv = new long[Math.max(1, scratchSlots)];
        this.mvRefs = new Object[mv.length];
    }
}
