package dev.ligature.bench.memory;

import java.lang.foreign.MemorySegment;

/**
 * Candidate (e): a heap {@link MemorySegment} over a {@code long[]}. Same access path as a {@code byte[]} segment,
 * but a Java array of longs holds up to about 16 GiB, so a full 4 GiB Wasm32 memory (and small memory64 ones) fit
 * on the heap.
 */
final class LongArraySegmentMemory {
    private MemorySegment segment;
    private long byteSize;

    LongArraySegmentMemory(long byteSize, long capacity) {
        this.segment = allocate(capacity);
        this.byteSize = byteSize;
    }

    private static MemorySegment allocate(long bytes) {
        return MemorySegment.ofArray(new long[Math.toIntExact((bytes + 7) >>> 3)]);
    }

    long byteSize() { return byteSize; }

    int loadI32(int index, long offset) {
        return segment.get(Layouts.I32, Bounds.check(index, offset, 4, byteSize));
    }

    long loadI64(int index, long offset) {
        return segment.get(Layouts.I64, Bounds.check(index, offset, 8, byteSize));
    }

    void storeI32(int index, long offset, int value) {
        segment.set(Layouts.I32, Bounds.check(index, offset, 4, byteSize), value);
    }

    void storeI8(int index, long offset, int value) {
        segment.set(Layouts.I8, Bounds.check(index, offset, 1, byteSize), (byte) value);
    }

    void fill(int address, int value, int length) {
        Bounds.checkRange(address, length, byteSize);
        segment.asSlice(Integer.toUnsignedLong(address), Integer.toUnsignedLong(length)).fill((byte) value);
    }

    void copy(int destination, int source, int length) {
        Bounds.checkRange(destination, length, byteSize);
        Bounds.checkRange(source, length, byteSize);
        MemorySegment.copy(segment, Integer.toUnsignedLong(source), segment, Integer.toUnsignedLong(destination),
                Integer.toUnsignedLong(length));
    }

    void grow(long newByteSize) {
        if (newByteSize > segment.byteSize()) {
            MemorySegment bigger = allocate(newByteSize);
            MemorySegment.copy(segment, 0, bigger, 0, byteSize);
            segment = bigger;
        }
        byteSize = newByteSize;
    }
}
