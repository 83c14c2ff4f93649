package dev.ligature.bench.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
 * memory of 64 KiB or 16 MiB, once per candidate. Every access goes through the candidate's Wasm bounds check (unsigned index
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
    /** Random aligned i32 loads per operation. */
    static final int RANDOM_LOADS = 1 << 20;

    /** The candidate representations, named after the classes in this package. */
    public enum Candidate {
        BYTE_ARRAY_VARHANDLE, HEAP_SEGMENT, NATIVE_SEGMENT, DIRECT_BUFFER, LONG_ARRAY_SEGMENT, MMAP_RESERVED,
        /**
         * A native segment measured through {@link AnySegmentMemory} after the same workloads ran over a heap segment
         * through that class: the cost of one memory class serving both kinds in one process.
         */
        MIXED_SEGMENT_KINDS
    }

    @Param
    public Candidate candidate;

    /** Bytes of memory the workloads cover: 64 KiB stays in L1/L2 and shows per-access overhead; 16 MiB does not. */
    @Param({"65536", "16777216"})
    public int size;

    private ByteArrayMemory byteArray;
    private HeapSegmentMemory heapSegment;
    private NativeSegmentMemory nativeSegment;
    private DirectBufferMemory directBuffer;
    private LongArraySegmentMemory longArraySegment;
    private MmapMemory mmap;
    private AnySegmentMemory anySegment;
    private Arena anySegmentArena;
    private int[] randomAddresses;

    @Setup(Level.Trial)
    public void setUp() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> byteArray = new ByteArrayMemory(size, size);
            case HEAP_SEGMENT -> heapSegment = new HeapSegmentMemory(size, size);
            case NATIVE_SEGMENT -> nativeSegment = new NativeSegmentMemory(size, size);
            case DIRECT_BUFFER -> directBuffer = new DirectBufferMemory(size, size);
            case LONG_ARRAY_SEGMENT -> longArraySegment = new LongArraySegmentMemory(size, size);
            case MMAP_RESERVED -> mmap = new MmapMemory(size, size);
            case MIXED_SEGMENT_KINDS -> {
                pollute(new AnySegmentMemory(MemorySegment.ofArray(new byte[size])));
                anySegmentArena = Arena.ofShared();
                anySegment = new AnySegmentMemory(anySegmentArena.allocate(size, 16));
            }
        }
        // Non-zero contents, so loads cannot be folded to constants from a zeroed page.
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.storeI32(byteArray, size);
            case HEAP_SEGMENT -> Workloads.storeI32(heapSegment, size);
            case NATIVE_SEGMENT -> Workloads.storeI32(nativeSegment, size);
            case DIRECT_BUFFER -> Workloads.storeI32(directBuffer, size);
            case LONG_ARRAY_SEGMENT -> Workloads.storeI32(longArraySegment, size);
            case MMAP_RESERVED -> Workloads.storeI32(mmap, size);
            case MIXED_SEGMENT_KINDS -> Workloads.storeI32(anySegment, size);
        }
        SplittableRandom random = new SplittableRandom(42);
        randomAddresses = new int[RANDOM_LOADS];
        for (int i = 0; i < RANDOM_LOADS; i++) {
            randomAddresses[i] = random.nextInt(size >>> 2) << 2;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (nativeSegment != null) nativeSegment.close();
        if (mmap != null) mmap.close();
        if (anySegmentArena != null) anySegmentArena.close();
    }

    /** Runs every workload over a heap-backed segment so the JIT's profiles of AnySegmentMemory see that kind too. */
    private void pollute(AnySegmentMemory heapBacked) {
        int[] addresses = new int[1024];
        for (int round = 0; round < 20; round++) {
            Workloads.seqSumI32(heapBacked, size);
            Workloads.randomLoadI32(heapBacked, addresses);
            Workloads.storeI32(heapBacked, size);
            Workloads.seqSumI64(heapBacked, size);
            Workloads.storeI8(heapBacked, size);
            Workloads.bulkCopy(heapBacked, size);
            Workloads.mixed(heapBacked, size);
        }
    }

    /** size/4 sequential i32 loads, summed. */
    @Benchmark
    public long seqSumI32() {
        return switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.seqSumI32(byteArray, size);
            case HEAP_SEGMENT -> Workloads.seqSumI32(heapSegment, size);
            case NATIVE_SEGMENT -> Workloads.seqSumI32(nativeSegment, size);
            case DIRECT_BUFFER -> Workloads.seqSumI32(directBuffer, size);
            case LONG_ARRAY_SEGMENT -> Workloads.seqSumI32(longArraySegment, size);
            case MMAP_RESERVED -> Workloads.seqSumI32(mmap, size);
            case MIXED_SEGMENT_KINDS -> Workloads.seqSumI32(anySegment, size);
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
            case MIXED_SEGMENT_KINDS -> Workloads.randomLoadI32(anySegment, randomAddresses);
        };
    }

    /** size/4 sequential i32 stores. */
    @Benchmark
    public void storeI32() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.storeI32(byteArray, size);
            case HEAP_SEGMENT -> Workloads.storeI32(heapSegment, size);
            case NATIVE_SEGMENT -> Workloads.storeI32(nativeSegment, size);
            case DIRECT_BUFFER -> Workloads.storeI32(directBuffer, size);
            case LONG_ARRAY_SEGMENT -> Workloads.storeI32(longArraySegment, size);
            case MMAP_RESERVED -> Workloads.storeI32(mmap, size);
            case MIXED_SEGMENT_KINDS -> Workloads.storeI32(anySegment, size);
        }
    }

    /** size/8 sequential i64 loads, summed. */
    @Benchmark
    public long seqSumI64() {
        return switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.seqSumI64(byteArray, size);
            case HEAP_SEGMENT -> Workloads.seqSumI64(heapSegment, size);
            case NATIVE_SEGMENT -> Workloads.seqSumI64(nativeSegment, size);
            case DIRECT_BUFFER -> Workloads.seqSumI64(directBuffer, size);
            case LONG_ARRAY_SEGMENT -> Workloads.seqSumI64(longArraySegment, size);
            case MMAP_RESERVED -> Workloads.seqSumI64(mmap, size);
            case MIXED_SEGMENT_KINDS -> Workloads.seqSumI64(anySegment, size);
        };
    }

    /** size single-byte stores: a memset compiled to a byte loop. */
    @Benchmark
    public void storeI8() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.storeI8(byteArray, size);
            case HEAP_SEGMENT -> Workloads.storeI8(heapSegment, size);
            case NATIVE_SEGMENT -> Workloads.storeI8(nativeSegment, size);
            case DIRECT_BUFFER -> Workloads.storeI8(directBuffer, size);
            case LONG_ARRAY_SEGMENT -> Workloads.storeI8(longArraySegment, size);
            case MMAP_RESERVED -> Workloads.storeI8(mmap, size);
            case MIXED_SEGMENT_KINDS -> Workloads.storeI8(anySegment, size);
        }
    }

    /** memory.copy of size/2 bytes through the candidate's bulk operation. */
    @Benchmark
    public void bulkCopy() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.bulkCopy(byteArray, size);
            case HEAP_SEGMENT -> Workloads.bulkCopy(heapSegment, size);
            case NATIVE_SEGMENT -> Workloads.bulkCopy(nativeSegment, size);
            case DIRECT_BUFFER -> Workloads.bulkCopy(directBuffer, size);
            case LONG_ARRAY_SEGMENT -> Workloads.bulkCopy(longArraySegment, size);
            case MMAP_RESERVED -> Workloads.bulkCopy(mmap, size);
            case MIXED_SEGMENT_KINDS -> Workloads.bulkCopy(anySegment, size);
        }
    }

    /** Load, load, add, store at static offsets over size/12 records of 12 bytes. */
    @Benchmark
    public void mixed() {
        switch (candidate) {
            case BYTE_ARRAY_VARHANDLE -> Workloads.mixed(byteArray, size);
            case HEAP_SEGMENT -> Workloads.mixed(heapSegment, size);
            case NATIVE_SEGMENT -> Workloads.mixed(nativeSegment, size);
            case DIRECT_BUFFER -> Workloads.mixed(directBuffer, size);
            case LONG_ARRAY_SEGMENT -> Workloads.mixed(longArraySegment, size);
            case MMAP_RESERVED -> Workloads.mixed(mmap, size);
            case MIXED_SEGMENT_KINDS -> Workloads.mixed(anySegment, size);
        }
    }
}
