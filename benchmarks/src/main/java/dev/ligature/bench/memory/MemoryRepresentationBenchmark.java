package dev.ligature.bench.memory;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chooses the representation behind the runtime's linear memory (issue 3): the same Wasm-like workloads over a
 * 16 MiB memory, once per candidate. Every access goes through the candidate's Wasm bounds check (unsigned index
 * plus offset, checked against the current byte size, trap beyond), as the interpreter's will.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MemoryRepresentationBenchmark}. One fork per
 * candidate and workload, so each fork's JIT sees a single memory class, as it will in the runtime.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class MemoryRepresentationBenchmark {
    /** The memory every workload runs over. */
    static final int SIZE = 16 << 20;
    /** Random aligned i32 loads per operation. */
    static final int RANDOM_LOADS = 1 << 20;

    /** The candidate representations, named after the classes in this package. */
    public enum Candidate {
        BYTE_ARRAY_VARHANDLE, HEAP_SEGMENT, NATIVE_SEGMENT, DIRECT_BUFFER, LONG_ARRAY_SEGMENT, MMAP_RESERVED
    }

    @Param
    public Candidate candidate;

    private ByteArrayMemory byteArray;
    private HeapSegmentMemory heapSegment;
    private NativeSegmentMemory nativeSegment;
    private DirectBufferMemory directBuffer;
    private LongArraySegmentMemory longArraySegment;
    private MmapMemory mmap;
    private int[] randomAddresses;

    @Setup(Level.Trial)
    public void setUp() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> byteArray = new ByteArrayMemory(SIZE, SIZE);
            case HEAP_SEGMENT -> heapSegment = new HeapSegmentMemory(SIZE, SIZE);
            case NATIVE_SEGMENT -> nativeSegment = new NativeSegmentMemory(SIZE, SIZE);
            case DIRECT_BUFFER -> directBuffer = new DirectBufferMemory(SIZE, SIZE);
            case LONG_ARRAY_SEGMENT -> longArraySegment = new LongArraySegmentMemory(SIZE, SIZE);
            case MMAP_RESERVED -> mmap = new MmapMemory(SIZE, SIZE);
        }
        // Non-zero contents, so loads cannot be folded to constants from a zeroed page.
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.storeI32(byteArray, SIZE);
            case HEAP_SEGMENT -> Workloads.storeI32(heapSegment, SIZE);
            case NATIVE_SEGMENT -> Workloads.storeI32(nativeSegment, SIZE);
            case DIRECT_BUFFER -> Workloads.storeI32(directBuffer, SIZE);
            case LONG_ARRAY_SEGMENT -> Workloads.storeI32(longArraySegment, SIZE);
            case MMAP_RESERVED -> Workloads.storeI32(mmap, SIZE);
        }
        SplittableRandom random = new SplittableRandom(42);
        randomAddresses = new int[RANDOM_LOADS];
        for (int i = 0; i < RANDOM_LOADS; i++) {
            randomAddresses[i] = random.nextInt(SIZE >>> 2) << 2;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (nativeSegment != null) nativeSegment.close();
        if (mmap != null) mmap.close();
    }

    /** 4 Mi sequential i32 loads, summed. */
    @Benchmark
    public long seqSumI32() {
        return switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.seqSumI32(byteArray, SIZE);
            case HEAP_SEGMENT -> Workloads.seqSumI32(heapSegment, SIZE);
            case NATIVE_SEGMENT -> Workloads.seqSumI32(nativeSegment, SIZE);
            case DIRECT_BUFFER -> Workloads.seqSumI32(directBuffer, SIZE);
            case LONG_ARRAY_SEGMENT -> Workloads.seqSumI32(longArraySegment, SIZE);
            case MMAP_RESERVED -> Workloads.seqSumI32(mmap, SIZE);
        };
    }

    /** 1 Mi i32 loads at random aligned addresses (cache- and TLB-missing, like pointer-chasing code). */
    @Benchmark
    public long randomLoadI32() {
        return switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.randomLoadI32(byteArray, randomAddresses);
            case HEAP_SEGMENT -> Workloads.randomLoadI32(heapSegment, randomAddresses);
            case NATIVE_SEGMENT -> Workloads.randomLoadI32(nativeSegment, randomAddresses);
            case DIRECT_BUFFER -> Workloads.randomLoadI32(directBuffer, randomAddresses);
            case LONG_ARRAY_SEGMENT -> Workloads.randomLoadI32(longArraySegment, randomAddresses);
            case MMAP_RESERVED -> Workloads.randomLoadI32(mmap, randomAddresses);
        };
    }

    /** 4 Mi sequential i32 stores. */
    @Benchmark
    public void storeI32() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.storeI32(byteArray, SIZE);
            case HEAP_SEGMENT -> Workloads.storeI32(heapSegment, SIZE);
            case NATIVE_SEGMENT -> Workloads.storeI32(nativeSegment, SIZE);
            case DIRECT_BUFFER -> Workloads.storeI32(directBuffer, SIZE);
            case LONG_ARRAY_SEGMENT -> Workloads.storeI32(longArraySegment, SIZE);
            case MMAP_RESERVED -> Workloads.storeI32(mmap, SIZE);
        }
    }

    /** 2 Mi sequential i64 loads, summed. */
    @Benchmark
    public long seqSumI64() {
        return switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.seqSumI64(byteArray, SIZE);
            case HEAP_SEGMENT -> Workloads.seqSumI64(heapSegment, SIZE);
            case NATIVE_SEGMENT -> Workloads.seqSumI64(nativeSegment, SIZE);
            case DIRECT_BUFFER -> Workloads.seqSumI64(directBuffer, SIZE);
            case LONG_ARRAY_SEGMENT -> Workloads.seqSumI64(longArraySegment, SIZE);
            case MMAP_RESERVED -> Workloads.seqSumI64(mmap, SIZE);
        };
    }

    /** 16 Mi single-byte stores: a memset compiled to a byte loop. */
    @Benchmark
    public void storeI8() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.storeI8(byteArray, SIZE);
            case HEAP_SEGMENT -> Workloads.storeI8(heapSegment, SIZE);
            case NATIVE_SEGMENT -> Workloads.storeI8(nativeSegment, SIZE);
            case DIRECT_BUFFER -> Workloads.storeI8(directBuffer, SIZE);
            case LONG_ARRAY_SEGMENT -> Workloads.storeI8(longArraySegment, SIZE);
            case MMAP_RESERVED -> Workloads.storeI8(mmap, SIZE);
        }
    }

    /** memory.copy of 8 MiB through the candidate's bulk operation. */
    @Benchmark
    public void bulkCopy() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.bulkCopy(byteArray, SIZE);
            case HEAP_SEGMENT -> Workloads.bulkCopy(heapSegment, SIZE);
            case NATIVE_SEGMENT -> Workloads.bulkCopy(nativeSegment, SIZE);
            case DIRECT_BUFFER -> Workloads.bulkCopy(directBuffer, SIZE);
            case LONG_ARRAY_SEGMENT -> Workloads.bulkCopy(longArraySegment, SIZE);
            case MMAP_RESERVED -> Workloads.bulkCopy(mmap, SIZE);
        }
    }

    /** Load, load, add, store at static offsets over 12-byte records (1.4 Mi records). */
    @Benchmark
    public void mixed() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.mixed(byteArray, SIZE);
            case HEAP_SEGMENT -> Workloads.mixed(heapSegment, SIZE);
            case NATIVE_SEGMENT -> Workloads.mixed(nativeSegment, SIZE);
            case DIRECT_BUFFER -> Workloads.mixed(directBuffer, SIZE);
            case LONG_ARRAY_SEGMENT -> Workloads.mixed(longArraySegment, SIZE);
            case MMAP_RESERVED -> Workloads.mixed(mmap, SIZE);
        }
    }
}
