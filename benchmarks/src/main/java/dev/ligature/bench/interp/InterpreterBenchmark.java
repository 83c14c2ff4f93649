package dev.ligature.bench.interp;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Interpreters side by side on the same modules (issue 3's target: three times Chicory's interpreter, geometric
 * mean over the kernels). Each trial instantiates the kernel once and checks its checksum against
 * {@link KernelReference} before measuring, so every figure is for a correct run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar InterpreterBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InterpreterBenchmark {
    @Param
    public Kernel kernel;

    private int size;
    private KernelRunner.KernelCall chicory;
    private KernelRunner.KernelCall ligature;
    private KernelRunner.KernelCall compiler;

    @Setup(Level.Trial)
    public void setUp() {
        size = kernel.benchmarkSize();
        byte[] binary = kernel.binary();
        chicory = verified(new ChicoryInterpreterRunner(), binary);
        ligature = verified(LigatureRunner.interpreter(), binary);
        compiler = verified(LigatureRunner.compiler(), binary);
    }

    private KernelRunner.KernelCall verified(KernelRunner runner, byte[] binary) {
        KernelRunner.KernelCall call = runner.instantiate(kernel, binary);
        long expected = kernel.expected(size);
        long actual = call.run(size);
        if (actual != expected) {
            throw new IllegalStateException(runner.engine() + " computed " + actual + " for " + kernel + "("
                    + size + "), expected " + expected);
        }
        return call;
    }

    @Benchmark
    public long chicoryInterpreter() {
        return chicory.run(size);
    }

    @Benchmark
    public long ligatureInterpreter() {
        return ligature.run(size);
    }

    /** Not an interpreter: Ligature's compiler on the same kernels, for scale (issue 4 compares it with V8). */
    @Benchmark
    public long ligatureCompiler() {
        return compiler.run(size);
    }
}
