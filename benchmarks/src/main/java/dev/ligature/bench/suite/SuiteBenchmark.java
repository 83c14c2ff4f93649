package dev.ligature.bench.suite;

import dev.ligature.bench.interp.KernelRunner;
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
 * Issue 5's suite: every C kernel on every JVM engine, in one JMH run, milliseconds per {@code run} call. Each trial
 * instantiates the kernel once (calling {@code _initialize}) and checks {@code run}'s checksum against
 * {@code kernels.txt} before measuring; a wrong checksum fails the trial, so every figure is of a correct run.
 *
 * <p>{@code benchmarks/run.sh} drives it (and node); by hand:
 * {@code java -jar benchmarks/target/benchmarks.jar SuiteBenchmark -p engine=ligature-compiler,chicory-compiler}.
 * GraalWasm is an engine only in a {@code -Pgraalwasm} build.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SuiteBenchmark {
    @Param
    public CKernel kernel;

    @Param({"ligature-compiler", "ligature-interpreter", "chicory-compiler", "chicory-interpreter"})
    public String engine;

    private int size;
    private KernelRunner.KernelCall call;

    @Setup(Level.Trial)
    public void setUp() {
        size = kernel.benchmarkSize();
        call = Check.verified(Engines.byName(engine), kernel);
    }

    @Benchmark
    public long run() {
        return call.run(size);
    }
}
