package dev.ligature.bench.memory;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The growth half of the linear-memory decision: a memory instantiated at 30 MiB (Pyodide's initial size) grows in
 * 16 MiB steps to 256 MiB, touching one byte after each step. Either every step reallocates and copies
 * ({@code growCopying}), or the 256 MiB maximum was allocated up front and growth only moves the limit
 * ({@code growWithinReservation}); for heap arrays and {@code Arena.allocate} that up-front block is zero-filled
 * and resident, for {@code mmap(MAP_NORESERVE)} it is neither.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
public class MemoryGrowthBenchmark {
    static final long MIB = 1L << 20;
    static final long INITIAL = 30 * MIB;
    static final long STEP = 16 * MIB;
    static final long MAXIMUM = 256 * MIB;
    /** Pyodide's declared maximum. */
    static final long FOUR_GIB = 4096 * MIB;

    /** Representations whose growth can copy; the mmap one is measured by its own methods below. */
    public enum Candidate { BYTE_ARRAY_VARHANDLE, HEAP_SEGMENT, NATIVE_SEGMENT, DIRECT_BUFFER, LONG_ARRAY_SEGMENT }

    /** Holds the candidate parameter, so the mmap methods (which do not take it) run once, not once per value. */
    @State(Scope.Benchmark)
    public static class Config {
        @Param
        public Candidate candidate;
    }

    /** Reallocate and copy at every step. */
    @Benchmark
    public long growCopying(Config config) {
        return grow(config.candidate, INITIAL);
    }

    /** Allocate the maximum up front (zero-filled), then growth moves the limit only. */
    @Benchmark
    public long growWithinReservation(Config config) {
        return grow(config.candidate, MAXIMUM);
    }

    /** Instantiation cost of a 30 MiB memory whose growth will copy. */
    @Benchmark
    public long instantiate30MiB(Config config) {
        return switch (config.candidate) {
            case BYTE_ARRAY_VARHANDLE -> touch(new ByteArrayMemory(INITIAL, INITIAL));
            case HEAP_SEGMENT -> touch(new HeapSegmentMemory(INITIAL, INITIAL));
            case NATIVE_SEGMENT -> {
                try (NativeSegmentMemory m = new NativeSegmentMemory(INITIAL, INITIAL)) {
                    yield touch(m);
                }
            }
            case DIRECT_BUFFER -> touch(new DirectBufferMemory(INITIAL, INITIAL));
            case LONG_ARRAY_SEGMENT -> touch(new LongArraySegmentMemory(INITIAL, INITIAL));
        };
    }

    /** The mmap reservation of 256 MiB, then the same growth steps (never a copy). */
    @Benchmark
    public long mmapGrowWithinReservation() {
        try (MmapMemory m = new MmapMemory(INITIAL, MAXIMUM)) {
            long sum = touch(m);
            for (long size = INITIAL + STEP; size < MAXIMUM + STEP; size += STEP) {
                m.grow(Math.min(size, MAXIMUM));
                sum += touch(m);
            }
            return sum;
        }
    }

    /** Pyodide's case: 30 MiB in use out of a 4 GiB maximum reserved at instantiation. */
    @Benchmark
    public long mmapInstantiate30MiBOf4GiB() {
        try (MmapMemory m = new MmapMemory(INITIAL, FOUR_GIB)) {
            return touch(m);
        }
    }

    private static long grow(Candidate candidate, long capacity) {
        return switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> {
                ByteArrayMemory m = new ByteArrayMemory(INITIAL, capacity);
                long sum = touch(m);
                for (long size = INITIAL + STEP; size < MAXIMUM + STEP; size += STEP) {
                    m.grow(Math.min(size, MAXIMUM));
                    sum += touch(m);
                }
                yield sum;
            }
            case HEAP_SEGMENT -> {
                HeapSegmentMemory m = new HeapSegmentMemory(INITIAL, capacity);
                long sum = touch(m);
                for (long size = INITIAL + STEP; size < MAXIMUM + STEP; size += STEP) {
                    m.grow(Math.min(size, MAXIMUM));
                    sum += touch(m);
                }
                yield sum;
            }
            case NATIVE_SEGMENT -> {
                try (NativeSegmentMemory m = new NativeSegmentMemory(INITIAL, capacity)) {
                    long sum = touch(m);
                    for (long size = INITIAL + STEP; size < MAXIMUM + STEP; size += STEP) {
                        m.grow(Math.min(size, MAXIMUM));
                        sum += touch(m);
                    }
                    yield sum;
                }
            }
            case DIRECT_BUFFER -> {
                DirectBufferMemory m = new DirectBufferMemory(INITIAL, capacity);
                long sum = touch(m);
                for (long size = INITIAL + STEP; size < MAXIMUM + STEP; size += STEP) {
                    m.grow(Math.min(size, MAXIMUM));
                    sum += touch(m);
                }
                yield sum;
            }
            case LONG_ARRAY_SEGMENT -> {
                LongArraySegmentMemory m = new LongArraySegmentMemory(INITIAL, capacity);
                long sum = touch(m);
                for (long size = INITIAL + STEP; size < MAXIMUM + STEP; size += STEP) {
                    m.grow(Math.min(size, MAXIMUM));
                    sum += touch(m);
                }
                yield sum;
            }
        };
    }

    // Writes the last byte of the memory and reads back the last word, so the new pages are really used.
    private static long touch(ByteArrayMemory m) {
        int last = (int) (m.byteSize() - 4);
        m.storeI8(last + 3, 0, 1);
        return m.loadI32(last, 0);
    }

    private static long touch(HeapSegmentMemory m) {
        int last = (int) (m.byteSize() - 4);
        m.storeI8(last + 3, 0, 1);
        return m.loadI32(last, 0);
    }

    private static long touch(NativeSegmentMemory m) {
        int last = (int) (m.byteSize() - 4);
        m.storeI8(last + 3, 0, 1);
        return m.loadI32(last, 0);
    }

    private static long touch(DirectBufferMemory m) {
        int last = (int) (m.byteSize() - 4);
        m.storeI8(last + 3, 0, 1);
        return m.loadI32(last, 0);
    }

    private static long touch(LongArraySegmentMemory m) {
        int last = (int) (m.byteSize() - 4);
        m.storeI8(last + 3, 0, 1);
        return m.loadI32(last, 0);
    }

    private static long touch(MmapMemory m) {
        int last = (int) (m.byteSize() - 4);
        m.storeI8(last + 3, 0, 1);
        return m.loadI32(last, 0);
    }
}
