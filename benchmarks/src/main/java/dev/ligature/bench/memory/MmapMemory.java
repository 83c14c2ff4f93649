package dev.ligature.bench.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Candidate (f), Linux only: the whole declared maximum reserved at once with an anonymous private
 * {@code mmap(MAP_NORESERVE)}. The kernel hands out zero pages lazily, so reserving 4 GiB costs microseconds and
 * nothing resident, and growth only moves the bounds limit: no copy, no zero-fill. Needs the restricted FFM
 * linker ({@code --enable-native-access}); the access path is that of any native segment.
 */
final class MmapMemory implements AutoCloseable {
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS_NORESERVE = 0x02 | 0x20 | 0x4000;
    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;

    static {
        Linker linker = Linker.nativeLinker();
        MMAP = linker.downcallHandle(linker.defaultLookup().find("mmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        MUNMAP = linker.downcallHandle(linker.defaultLookup().find("munmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    }

    private final Arena arena;
    private final MemorySegment segment;
    private long byteSize;

    MmapMemory(long byteSize, long capacity) {
        MemorySegment base;
        try {
            base = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, capacity, PROT_READ_WRITE,
                    MAP_PRIVATE_ANONYMOUS_NORESERVE, -1, 0L);
        } catch (Throwable e) {
            throw new IllegalStateException("mmap failed", e);
        }
        if (base.address() == -1L) {
            throw new OutOfMemoryError("mmap could not reserve " + capacity + " bytes");
        }
        this.arena = Arena.ofShared();
        this.segment = base.reinterpret(capacity, arena, MmapMemory::unmap);
        this.byteSize = byteSize;
    }

    private static void unmap(MemorySegment mapped) {
        try {
            int ignored = (int) MUNMAP.invokeExact(mapped, mapped.byteSize());
        } catch (Throwable e) {
            throw new IllegalStateException("munmap failed", e);
        }
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

    /** Growth within the reservation only moves the limit; the new pages are already mapped as zero pages. */
    void grow(long newByteSize) {
        if (newByteSize > segment.byteSize()) {
            throw new IllegalArgumentException("beyond the reservation: " + newByteSize);
        }
        byteSize = newByteSize;
    }

    @Override
    public void close() { arena.close(); }
}
