package dev.ligature.bench.interp;

/**
 * One engine's way to run a {@link Kernel}: {@link ChicoryInterpreterRunner} and
 * {@link LigatureRunner} (interpreter or compiler).
 *
 */
public interface KernelRunner {
    /** The engine's name as reports show it. */
    String engine();

    /**
     * Decodes and instantiates a kernel's binary module once.
     *
     * @return a call of the instance's export {@code run}, reusable across invocations
     */
    KernelCall instantiate(Kernel kernel, byte[] binary);

    /** A ready instance's {@code run} export. */
    @FunctionalInterface
    interface KernelCall {
        /** Runs {@code run(size)} and returns its result normalised by {@link Kernel#normalise}. */
        long run(int size);
    }
}
