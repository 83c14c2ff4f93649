package dev.ligature.bench.memory;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Candidate (d): a direct little-endian {@link ByteBuffer}. Indices are {@code int}, so it stops at 2 GiB, and the
 * buffer has no bulk fill: fill goes through a segment view of the same buffer.
 */
final class DirectBufferMemory {
    private ByteBuffer buffer;
    private long byteSize;

    DirectBufferMemory(long byteSize, long capacity) {
        this.buffer = ByteBuffer.allocateDirect(Math.toIntExact(capacity)).order(ByteOrder.LITTLE_ENDIAN);
        this.byteSize = byteSize;
    }

    long byteSize() { return byteSize; }

    int loadI32(int index, long offset) {
        return buffer.getInt((int) Bounds.check(index, offset, 4, byteSize));
    }

    long loadI64(int index, long offset) {
        return buffer.getLong((int) Bounds.check(index, offset, 8, byteSize));
    }

    void storeI32(int index, long offset, int value) {
        buffer.putInt((int) Bounds.check(index, offset, 4, byteSize), value);
    }

    void storeI8(int index, long offset, int value) {
        buffer.put((int) Bounds.check(index, offset, 1, byteSize), (byte) value);
    }

    void fill(int address, int value, int length) {
        Bounds.checkRange(address, length, byteSize);
        MemorySegment.ofBuffer(buffer).asSlice(address, length).fill((byte) value);
    }

    void copy(int destination, int source, int length) {
        Bounds.checkRange(destination, length, byteSize);
        Bounds.checkRange(source, length, byteSize);
        // Absolute bulk put copies as if through an intermediate buffer, so overlap is safe (memmove).
        buffer.put(destination, buffer, source, length);
    }

    void grow(long newByteSize) {
        if (newByteSize > buffer.capacity()) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.toIntExact(newByteSize)).order(ByteOrder.LITTLE_ENDIAN);
            bigger.put(0, buffer, 0, Math.toIntExact(byteSize));
            buffer = bigger;
        }
        byteSize = newByteSize;
    }
}
