package dev.ligature.bench.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Candidate (a): a Java {@code byte[]} read through little-endian byte-array view VarHandles. */
final class ByteArrayMemory {
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private long byteSize;

    /** Allocates {@code capacity} zeroed bytes of which the first {@code byteSize} are addressable. */
    ByteArrayMemory(long byteSize, long capacity) {
        this.bytes = new byte[Math.toIntExact(capacity)];
        this.byteSize = byteSize;
    }

    long byteSize() { return byteSize; }

    int loadI32(int index, long offset) {
        return (int) I32.get(bytes, (int) Bounds.check(index, offset, 4, byteSize));
    }

    long loadI64(int index, long offset) {
        return (long) I64.get(bytes, (int) Bounds.check(index, offset, 8, byteSize));
    }

    void storeI32(int index, long offset, int value) {
        I32.set(bytes, (int) Bounds.check(index, offset, 4, byteSize), value);
    }

    void storeI8(int index, long offset, int value) {
        bytes[(int) Bounds.check(index, offset, 1, byteSize)] = (byte) value;
    }

    void fill(int address, int value, int length) {
        Bounds.checkRange(address, length, byteSize);
        Arrays.fill(bytes, address, address + length, (byte) value);
    }

    void copy(int destination, int source, int length) {
        Bounds.checkRange(destination, length, byteSize);
        Bounds.checkRange(source, length, byteSize);
        System.arraycopy(bytes, source, bytes, destination, length);
    }

    /** Grows to {@code newByteSize}: free within capacity, else a new array and a copy of the old bytes. */
    void grow(long newByteSize) {
        if (newByteSize > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.toIntExact(newByteSize));
        }
        byteSize = newByteSize;
    }
}
