package dev.ligature.bench.memory;

import java.lang.foreign.MemorySegment;

/**
 * Any {@link MemorySegment}, heap or native, behind one class: what a single runtime {@code Memory} class holding a
 * segment field looks like when one process mixes heap-backed and native (or mapped) memories, so the segment
 * accesses see more than one implementation class.
 */
final class AnySegmentMemory {
    private final MemorySegment segment;
    private final long byteSize;

    AnySegmentMemory(MemorySegment segment) {
        this.segment = segment;
        this.byteSize = segment.byteSize();
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
}
