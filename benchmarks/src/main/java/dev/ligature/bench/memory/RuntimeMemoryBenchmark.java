package dev.ligature.bench.memory;

import dev.ligature.core.runtime.Memory;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import java.util.SplittableRandom;
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
 * The real {@link Memory} of the runtime on the same workloads as the candidates (loads and stores at {@code long}
 * effective addresses through its public methods, as the interpreter calls them), plus its growth and
 * instantiation. Uses only the public API that both the earlier {@code byte[]} memory and the segment memory have,
 * so the same source measures before and after.
 *
 * <p>The backing of the segment memory follows {@code -Dligature.memory.backing=heap|mmap}, read explicitly through
 * {@code InstanceOptions.fromSystemProperties} (default: mmap when
 * native access is enabled, which this benchmark's fork does). Run the heap backing with
 * {@code -jvmArgsAppend -Dligature.memory.backing=heap}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class RuntimeMemoryBenchmark {
    static final long MIB = 1L << 20;
    static final int RANDOM_LOADS = 1 << 20;

    @Param({"65536", "16777216"})
    public int size;

    private Memory memory;
    private long[] randomAddresses;

    static Memory memory(long minBytes, long maxBytes) {
        return Memory.create(new MemoryType(new Limits(minBytes / Memory.PAGE_SIZE, maxBytes / Memory.PAGE_SIZE),
                false, false), -1, dev.ligature.core.runtime.InstanceOptions.fromSystemProperties(
                dev.ligature.core.runtime.InstanceOptions.DEFAULT).memoryBacking());
    }

    @Setup(Level.Trial)
    public void setUp() {
        memory = memory(size, size);
        storeI32();
        SplittableRandom random = new SplittableRandom(42);
        randomAddresses = new long[RANDOM_LOADS];
        for (int i = 0; i < RANDOM_LOADS; i++) {
            randomAddresses[i] = (long) random.nextInt(size >>> 2) << 2;
        }
    }

    /** size/4 sequential i32 loads, summed. */
    @Benchmark
    public long seqSumI32() {
        Memory m = memory;
        long sum = 0;
        for (long a = 0; a < size; a += 4) {
            sum += m.loadI32(a);
        }
        return sum;
    }

    /** 1 Mi i32 loads at random aligned addresses. */
    @Benchmark
    public long randomLoadI32() {
        Memory m = memory;
        long sum = 0;
        for (long a : randomAddresses) {
            sum += m.loadI32(a);
        }
        return sum;
    }

    /** size/4 sequential i32 stores. */
    @Benchmark
    public void storeI32() {
        Memory m = memory;
        for (long a = 0; a < size; a += 4) {
            m.storeI32(a, (int) a);
        }
    }

    /** size/8 sequential i64 loads, summed. */
    @Benchmark
    public long seqSumI64() {
        Memory m = memory;
        long sum = 0;
        for (long a = 0; a < size; a += 8) {
            sum += m.loadI64(a);
        }
        return sum;
    }

    /** size single-byte stores. */
    @Benchmark
    public void storeI8() {
        Memory m = memory;
        for (long a = 0; a < size; a++) {
            m.storeI8(a, (byte) a);
        }
    }

    /** memory.copy of size/2 bytes. */
    @Benchmark
    public void bulkCopy() {
        memory.copy(size / 2, memory, 0, size / 2);
    }

    /** Load, load, add, store over 12-byte records at static offsets 0/4/8. */
    @Benchmark
    public void mixed() {
        Memory m = memory;
        for (long base = 0; base + 12 <= size; base += 12) {
            m.storeI32(base + 8, m.loadI32(base) + m.loadI32(base + 4));
        }
    }
}
