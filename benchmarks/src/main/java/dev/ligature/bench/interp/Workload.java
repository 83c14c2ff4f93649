package dev.ligature.bench.interp;

/**
 * What an engine runs: a binary module exporting {@code run(i32 size)} and the checksum that call must return.
 * Implemented by the WAT kernels ({@link Kernel}) and the C kernels ({@code dev.ligature.bench.suite.CKernel}), so
 * one {@link KernelRunner} per engine serves both.
 */
public interface Workload {
    /** The workload's name, as reports show it. */
    String name();

    /** The binary module. */
    byte[] binary();

    /** The size argument the benchmark passes to {@code run}. */
    int benchmarkSize();

    /** The checksum {@code run(size)} must return, from a source independent of every engine. */
    long expected(int size);

    /** Normalises an engine's raw result (a Wasm value held in a long) to the workload's result type. */
    long normalise(long raw);
}
