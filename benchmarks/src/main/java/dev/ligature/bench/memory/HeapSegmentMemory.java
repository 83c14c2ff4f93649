package dev.ligature.bench.memory;

import java.lang.foreign.MemorySegment;

/** Candidate (b): a heap {@link MemorySegment} over a {@code byte[]}, read with unaligned little-endian layouts. */
final class HeapSegmentMemory {
    private MemorySegment segment;
    private long byteSize;

    HeapSegmentMemory(long byteSize, long capacity) {
        this.segment = MemorySegment.ofArray(new byte[Math.toIntExact(capacity)]);
        this.byteSize = byteSize;
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
            MemorySegment bigger = MemorySegment.ofArray(new byte[Math.toIntExact(newByteSize)]);
            MemorySegment.copy(segment, 0, bigger, 0, byteSize);
            segment = bigger;
        }
        byteSize = newByteSize;
    }
}
