package dev.ligature.bench.interp;

/**
 * One engine's way to run a {@link Workload}: {@link LigatureRunner} (interpreter or compiler),
 * {@link ChicoryInterpreterRunner}, {@link ChicoryCompilerRunner}, and GraalWasm in the optional {@code graalwasm}
 * profile. Every runner calls the export {@code _initialize} once after instantiation when the module has one (the
 * WASI reactor convention the C kernels follow), then calls {@code run}.
 */
public interface KernelRunner {
    /** The engine's name as reports show it. */
    String engine();

    /**
     * Decodes and instantiates a workload's binary module once.
     *
     * @return a call of the instance's export {@code run}, reusable across invocations
     */
    KernelCall instantiate(Workload workload, byte[] binary);

    /** The export reactors want called once before anything else (WASI's reactor convention). */
    String INITIALIZE = "_initialize";

    /** A ready instance's {@code run} export. */
    @FunctionalInterface
    interface KernelCall {
        /** Runs {@code run(size)} and returns its result normalised by {@link Workload#normalise}. */
        long run(int size);
    }
}
