package dev.ligature.bench.interp;

/**
 * One engine's way to run a {@link Kernel}. The Chicory interpreter implements it today
 * ({@link ChicoryInterpreterRunner}).
 *
 * <p><b>LIGATURE INTERPRETER GOES HERE:</b> once {@code dev.ligature.core.runtime} lands, add a
 * {@code LigatureInterpreterRunner} implementing this interface (decode, validate, instantiate once; call export
 * {@code run} with an i32), then a {@code ligatureInterpreter} method in {@link InterpreterBenchmark} and a case in
 * {@code KernelChecksumTest}, mirroring the Chicory ones.
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
