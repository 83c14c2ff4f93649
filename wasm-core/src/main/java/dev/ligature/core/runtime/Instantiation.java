package dev.ligature.core.runtime;

/**
 * An instantiation taken one phase at a time, for embedders that must act between the phases (a
 * dynamic linker places a module's data and table entries, fills import cells, or reads the new
 * exports before constructors run). {@link WasmModule#instantiate(Imports, InstanceOptions)} runs
 * all four in a row; here each is a call, in the specification's order:
 * <ol>
 *   <li>{@link WasmModule#link}: every import is resolved and checked; nothing is allocated, so a
 *       {@link LinkException} leaves no trace.</li>
 *   <li>{@link #allocate()}: globals, tables, memories and tags are created and the functions bound;
 *       the {@link Instance} and its exports exist, but no segment has been applied and no code run.</li>
 *   <li>{@link #initialize()}: active element segments, then active data segments, are written into
 *       their tables and memories (imported ones included).</li>
 *   <li>{@link #start()}: the start function runs, if the module has one.</li>
 * </ol>
 * Each phase runs once and in order; calling one out of order throws {@link IllegalStateException}.
 * After a phase throws, the instantiation is over: the later phases refuse to run. Used by one
 * thread at a time.
 */
public final class Instantiation {
    /** Where an instantiation stands. */
    public enum Phase {
        /** Imports resolved and checked. */
        LINKED,
        /** The instance exists; segments not applied, start not run. */
        ALLOCATED,
        /** Segments applied. */
        INITIALIZED,
        /** The start function ran: the instance is complete. */
        STARTED,
        /** A phase threw; nothing more can run. */
        FAILED
    }

    private final WasmModule module;
    private final InstanceOptions options;
    private Linker.Resolved resolved;
    private Instance instance;
    private Phase phase = Phase.LINKED;

    Instantiation(WasmModule module, Imports imports, InstanceOptions options) {
        this.module = module;
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.resolved = Linker.link(module, java.util.Objects.requireNonNull(imports, "imports"));
    }

    /** {@return the phase this instantiation has reached} */
    public Phase phase() {
        return phase;
    }

    /**
     * Phase 2: creates the instance's own globals, tables, memories and tags and binds its functions.
     *
     * @return the instance, whose exports can be read (its segments are not applied yet)
     * @throws Trap if a memory or table cannot be created within the limits
     */
    public Instance allocate() {
        advance(Phase.LINKED);
        try {
            instance = Linker.allocate(module, resolved, options);
            resolved = null;
            phase = Phase.ALLOCATED;
            return instance;
        } catch (RuntimeException | Error e) {
            phase = Phase.FAILED;
            throw e;
        }
    }

    /**
     * Phase 3: writes the active element and data segments.
     *
     * @throws Trap ("out of bounds table access" or "out of bounds memory access") if a segment does not fit;
     *     the segments before it stay written, as the specification says
     */
    public void initialize() {
        advance(Phase.ALLOCATED);
        run(() -> Linker.initialize(instance), Phase.INITIALIZED);
    }

    /**
     * Phase 4: runs the start function, if any (its host calls see the instance as their caller).
     *
     * @return the complete instance
     * @throws Trap if the start function traps
     * @throws WasmThrow if a Wasm exception escapes it
     */
    public Instance start() {
        advance(Phase.INITIALIZED);
        run(() -> Linker.start(instance), Phase.STARTED);
        return instance;
    }

    /**
     * Runs the phases not run yet.
     *
     * @return the complete instance
     */
    public Instance complete() {
        if (phase == Phase.LINKED) {
            allocate();
        }
        if (phase == Phase.ALLOCATED) {
            initialize();
        }
        if (phase == Phase.INITIALIZED) {
            start();
        }
        if (phase != Phase.STARTED) {
            throw new IllegalStateException("instantiation is " + phase);
        }
        return instance;
    }

    /** {@return the instance, once {@link #allocate()} has made it} */
    public Instance instance() {
        if (instance == null) {
            throw new IllegalStateException("no instance before allocate(): the instantiation is " + phase);
        }
        return instance;
    }

    private void advance(Phase expected) {
        if (phase != expected) {
            throw new IllegalStateException("instantiation is " + phase + ", not " + expected);
        }
    }

    private void run(Runnable step, Phase next) {
        try {
            step.run();
            phase = next;
        } catch (RuntimeException | Error e) {
            phase = Phase.FAILED;
            throw e;
        }
    }
}
