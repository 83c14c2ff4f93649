package dev.ligature.core.runtime;

import dev.ligature.core.types.MemoryType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * {@link Memory.Backing#HEAP} and {@link Memory.Backing#MMAP}: the bytes in a {@link MemorySegment}, a heap
 * segment over a {@code long[]} (reallocated with headroom on growth) or a native segment over an mmap reservation
 * of the maximum (never reallocated).
 */
final class SegmentMemory extends Memory {
    private static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Backing backing;
    /** At least {@link #byteSize} bytes; the bytes past it are zero and unreachable from Wasm. */
    private MemorySegment segment;

    /** {@code mapped}: the reservation for MMAP; null for HEAP, which allocates the minimum here. */
    SegmentMemory(MemoryType type, long maxPages, Backing backing, MemorySegment mapped) {
        super(type, maxPages);
        this.backing = backing;
        if (mapped != null) {
            segment = mapped;
        } else {
            long min = type.limits().min();
            try {
                segment = heap(min * PAGE_SIZE);
            } catch (OutOfMemoryError e) {
                throw doesNotFit(min);
            }
        }
    }

    private static MemorySegment heap(long bytes) {
        return MemorySegment.ofArray(new long[(int) (bytes / Long.BYTES)]);
    }

    @Override
    public Backing backing() {
        return backing;
    }

    @Override
    MemorySegment segment() {
        return segment;
    }

    @Override
    boolean reallocate(long needed) {
        MemorySegment larger;
        try {
            larger = heap(withHeadroom(needed));
        } catch (OutOfMemoryError e) {
            try {
                larger = heap(needed); // no room for headroom: try the exact size
            } catch (OutOfMemoryError e2) {
                return false;
            }
        }
        MemorySegment.copy(segment, 0, larger, 0, byteSize);
        segment = larger;
        copies++;
        return true;
    }

    @Override
    public int loadI32(long ea) {
        return segment.get(I32, check(ea, 4));
    }

    @Override
    public long loadI64(long ea) {
        return segment.get(I64, check(ea, 8));
    }

    @Override
    public byte loadI8(long ea) {
        return segment.get(I8, check(ea, 1));
    }

    @Override
    public short loadI16(long ea) {
        return segment.get(I16, check(ea, 2));
    }

    @Override
    public void storeI8(long ea, byte v) {
        segment.set(I8, check(ea, 1), v);
    }

    @Override
    public void storeI16(long ea, short v) {
        segment.set(I16, check(ea, 2), v);
    }

    @Override
    public void storeI32(long ea, int v) {
        segment.set(I32, check(ea, 4), v);
    }

    @Override
    public void storeI64(long ea, long v) {
        segment.set(I64, check(ea, 8), v);
    }
}
