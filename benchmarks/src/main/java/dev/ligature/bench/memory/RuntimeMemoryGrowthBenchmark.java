package dev.ligature.bench.memory;

import static dev.ligature.bench.memory.RuntimeMemoryBenchmark.MIB;
import static dev.ligature.bench.memory.RuntimeMemoryBenchmark.memory;

import dev.ligature.core.runtime.Memory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Growth and instantiation of the real {@link Memory} for a Pyodide-like memory (30 MiB of a declared 4 GiB).
 * Same backing selection as {@link RuntimeMemoryBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
public class RuntimeMemoryGrowthBenchmark {
    /** 30 MiB, declared maximum 4 GiB, grown by 16 MiB steps to 256 MiB with a byte written after each. */
    @Benchmark
    public long grow30To256MiB() {
        Memory m = memory(30 * MIB, 4096 * MIB);
        long sum = 0;
        long step = 16 * MIB / Memory.PAGE_SIZE;
        while (m.byteSize() < 256 * MIB) {
            if (m.grow(Math.min(step, 256 * MIB / Memory.PAGE_SIZE - m.pages())) < 0) {
                throw new IllegalStateException("grow failed at " + m.pages() + " pages");
            }
            m.storeI8(m.byteSize() - 1, (byte) 1);
            sum += m.loadI8(m.byteSize() - 1);
        }
        return sum;
    }

    /** Pyodide's memory: 30 MiB of a declared 4 GiB maximum, one byte written. */
    @Benchmark
    public long instantiate30MiBOf4GiB() {
        Memory m = memory(30 * MIB, 4096 * MIB);
        m.storeI8(m.byteSize() - 1, (byte) 1);
        return m.loadI8(m.byteSize() - 1);
    }
}
