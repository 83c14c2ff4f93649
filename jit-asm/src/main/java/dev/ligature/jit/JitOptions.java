package dev.ligature.jit;

import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * How a {@link JitEngine} compiles: an immutable value, passed to {@link JitEngine#JitEngine(JitOptions)}
 * and {@link AotJar#write(byte[], java.nio.file.Path, JitOptions)}. Start from {@link #DEFAULT} and change
 * what you need with the {@code with...} methods:
 *
 * {@snippet :
 * JitEngine engine = new JitEngine(JitOptions.DEFAULT.withCompilation(JitOptions.Compilation.EAGER));
 * }
 *
 * <p>Only {@link #compilation()} is meant for embedders. The other options exist to measure and test
 * the compiler's split mode (functions too large for one JVM method, see the package documentation); the
 * defaults are what the engine is tuned and tested for, and turning an optimization off never changes
 * what a program computes, only how fast.
 *
 * <p>Nothing reads system properties implicitly: {@code new JitEngine()} is always {@link #DEFAULT}. The
 * {@code ligature} command and the test runners apply {@code -D} overrides explicitly through
 * {@link #fromSystemProperties(JitOptions)}, the one place they are read.
 *
 * @param compilation when functions are compiled (not part of the generated code)
 * @param splitHubs whether a chunk holding the header of a loop spanning chunks runs that loop itself
 *     (see {@code SplitHubs}); {@code false} makes every chunk return to the dispatcher. A measuring aid.
 * @param splitEntryLoads whether a chunk's entry loads only the locals its code may read and writes sets
 *     outside its loops through at once (see {@code EntryLoads}); {@code false} loads every local at every
 *     entry and writes every set one back at exits. A measuring aid.
 * @param forcedSplitBudget a testing aid: when positive, every function is compiled in split mode with
 *     this chunk budget (estimated bytes of bytecode per chunk; 3 makes almost every instruction a chunk of
 *     its own), so small test programs exercise the split-mode code paths; 0 (the default) splits only
 *     functions too large for one method. Slower code, never different results.
 */
public record JitOptions(Compilation compilation, boolean splitHubs, boolean splitEntryLoads, long forcedSplitBudget) {
    /** When functions are compiled. */
    public enum Compilation {
        /** Each function on its first call. */
        LAZY,
        /** All functions when the module is compiled. */
        EAGER
    }

    /** Lazy compilation, every optimization on, nothing forced. */
    public static final JitOptions DEFAULT = new JitOptions(Compilation.LAZY, true, true, 0);

    /** System property overriding {@link #compilation()}: {@code lazy} or {@code eager}. */
    public static final String COMPILATION_PROPERTY = "ligature.jit.compilation";
    /** System property overriding {@link #splitHubs()}: {@code true} or {@code false}. */
    public static final String SPLIT_HUBS_PROPERTY = "ligature.jit.splitHubs";
    /** System property overriding {@link #splitEntryLoads()}: {@code true} or {@code false}. */
    public static final String SPLIT_ENTRY_LOADS_PROPERTY = "ligature.jit.splitEntryLoads";
    /** System property overriding {@link #forcedSplitBudget()}: a chunk budget, 0 for none. */
    public static final String FORCE_SPLIT_PROPERTY = "ligature.jit.forceSplit";

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code forcedSplitBudget} is negative
     */
    public JitOptions {
        Objects.requireNonNull(compilation, "compilation");
        if (forcedSplitBudget < 0) {
            throw new IllegalArgumentException("forcedSplitBudget " + forcedSplitBudget + " < 0");
        }
    }

    /**
     * {@return the same options with another compilation mode}
     *
     * @param compilation when functions are compiled
     */
    public JitOptions withCompilation(Compilation compilation) {
        return new JitOptions(compilation, splitHubs, splitEntryLoads, forcedSplitBudget);
    }

    /**
     * {@return the same options with split hubs on or off}
     *
     * @param on whether a chunk holding a loop header calls the loop body's chunks itself
     */
    public JitOptions withSplitHubs(boolean on) {
        return new JitOptions(compilation, on, splitEntryLoads, forcedSplitBudget);
    }

    /**
     * {@return the same options with per-entry loads in split chunks on or off}
     *
     * @param on whether a chunk entry loads only the locals its code may read
     */
    public JitOptions withSplitEntryLoads(boolean on) {
        return new JitOptions(compilation, splitHubs, on, forcedSplitBudget);
    }

    /**
     * {@return the same options splitting every function with chunk budget {@code budget}} A testing aid.
     *
     * @param budget estimated bytecode bytes per chunk; 0 splits only functions too large for one method
     */
    public JitOptions withForcedSplitBudget(long budget) {
        return new JitOptions(compilation, splitHubs, splitEntryLoads, budget);
    }

    /**
     * {@return the options that decide the generated code (everything but {@link #compilation()}), as
     * recorded in ahead-of-time jars: {@code splitHubs=true,splitEntryLoads=true,forcedSplitBudget=0}}
     */
    public String codeOptions() {
        return "splitHubs=" + splitHubs + ",splitEntryLoads=" + splitEntryLoads
                + ",forcedSplitBudget=" + forcedSplitBudget;
    }

    /**
     * {@code defaults} with whatever the system properties {@value #COMPILATION_PROPERTY},
     * {@value #SPLIT_HUBS_PROPERTY}, {@value #SPLIT_ENTRY_LOADS_PROPERTY} and {@value #FORCE_SPLIT_PROPERTY}
     * set: the override the {@code ligature} command and the test runners apply, so that for example
     * {@code JAVA_TOOL_OPTIONS=-Dligature.jit.forceSplit=300 ./ligature wast --engine compiler ...} runs the
     * suite with every function split. Embedders pass options instead.
     *
     * @param defaults the options where no property is set
     * @return {@code defaults} with the properties' values
     * @throws IllegalArgumentException if a property has a value it does not take
     */
    public static JitOptions fromSystemProperties(JitOptions defaults) {
        return fromProperties(defaults, System.getProperties());
    }

    /** As {@link #fromSystemProperties}, reading {@code p}. */
    static JitOptions fromProperties(JitOptions defaults, Properties p) {
        JitOptions o = defaults;
        String v = p.getProperty(COMPILATION_PROPERTY);
        if (v != null) {
            o = o.withCompilation(switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "lazy" -> Compilation.LAZY;
                case "eager" -> Compilation.EAGER;
                default -> throw bad(COMPILATION_PROPERTY, v, "lazy or eager");
            });
        }
        v = p.getProperty(SPLIT_HUBS_PROPERTY);
        if (v != null) {
            o = o.withSplitHubs(bool(SPLIT_HUBS_PROPERTY, v));
        }
        v = p.getProperty(SPLIT_ENTRY_LOADS_PROPERTY);
        if (v != null) {
            o = o.withSplitEntryLoads(bool(SPLIT_ENTRY_LOADS_PROPERTY, v));
        }
        v = p.getProperty(FORCE_SPLIT_PROPERTY);
        if (v != null) {
            long budget;
            try {
                budget = Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw bad(FORCE_SPLIT_PROPERTY, v, "a chunk budget (0 for none)");
            }
            if (budget < 0) {
                throw bad(FORCE_SPLIT_PROPERTY, v, "a chunk budget (0 for none)");
            }
            o = o.withForcedSplitBudget(budget);
        }
        return o;
    }

    private static boolean bool(String key, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key, v, "true or false");
        };
    }

    private static IllegalArgumentException bad(String key, String v, String expected) {
        return new IllegalArgumentException("-D" + key + "=" + v + ": expected " + expected);
    }
}
