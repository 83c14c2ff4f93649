package dev.ligature.bench.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Candidate (c): native memory from a shared {@link Arena}. A shared arena (not an automatic one) lets growth free
 * the old block at once instead of leaving hundreds of MiB to the garbage collector. Note that
 * {@link Arena#allocate} zero-fills, so a large up-front reservation costs its full size in writes and resident
 * memory.
 */
final class NativeSegmentMemory implements AutoCloseable {
    private Arena arena;
    private MemorySegment segment;
    private long byteSize;

    NativeSegmentMemory(long byteSize, long capacity) {
        this.arena = Arena.ofShared();
        this.segment = arena.allocate(capacity, 16);
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
            Arena biggerArena = Arena.ofShared();
            MemorySegment bigger = biggerArena.allocate(newByteSize, 16);
            MemorySegment.copy(segment, 0, bigger, 0, byteSize);
            arena.close();
            arena = biggerArena;
            segment = bigger;
        }
        byteSize = newByteSize;
    }

    @Override
    public void close() { arena.close(); }
}
