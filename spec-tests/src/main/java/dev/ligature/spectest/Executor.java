package dev.ligature.spectest;

import dev.ligature.core.ast.Module;
import dev.ligature.core.types.ValType;
import java.util.List;

/**
 * What the runner needs from an execution engine to run a script's actions: instantiate modules
 * against the instances registered so far, call exports, read globals, and tell the ways a run can
 * fail apart. The runner depends on this seam rather than on the runtime's classes so that its
 * command logic is tested without an engine.
 */
public interface Executor {
    /** A fresh store for one script, with the {@code spectest} module registered. */
    Store newStore();

    /** How an engine call failed, as far as the script's assertions care. */
    enum Outcome {
        /** A trap (the message holds the spec's phrase). */
        TRAP,
        /** The call stack was exhausted. */
        EXHAUSTION,
        /** A Wasm exception escaped to the host. */
        EXCEPTION,
        /** Imports did not resolve or did not match. */
        LINK,
        /** Anything else: a bug. */
        OTHER
    }

    /** The results of an action: types, one slot per value (two for v128) and the parallel references. */
    record Results(List<ValType> types, long[] slots, Object[] refs) {}

    /** The instances of one script. */
    interface Store {
        /** Instantiates {@code module} with imports from the registered instances; returns the instance. */
        Object instantiate(Module module);

        /** Makes the instance's exports importable under {@code name}. */
        void register(String name, Object instance);

        /** Calls the exported function; the arguments are laid out as {@link Results} are. */
        Results invoke(Object instance, String export, long[] argSlots, Object[] argRefs);

        /** Reads the exported global. */
        Results get(Object instance, String export);

        /** Classifies a throwable raised by one of the calls above. */
        Outcome classify(Throwable t);

        /** Whether a non-null reference is of the kind a result pattern names ({@code func}, {@code extern}, ...). */
        boolean isRefKind(String kind, Object ref);
    }
}
