package dev.ligature.core.runtime;

import dev.ligature.core.types.MemoryType;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link Memory.Backing#ARRAY}: the bytes in a {@code byte[]}, multi-byte values through little-endian
 * {@code byteArrayViewVarHandle}s. The accessors are a bounds check against {@link #byteSize} and one array access,
 * small enough that the JIT inlines them into every compiled Wasm function; the JVM's own array bounds check is
 * then provably redundant and removed.
 */
final class ArrayMemory extends Memory {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** At least {@link #byteSize} bytes; replaced (never resized) when growth passes its length. */
    private byte[] bytes;
    /** A segment over {@link #bytes}, for bulk operations. */
    private MemorySegment view;

    ArrayMemory(MemoryType type, long maxPages) {
        super(type, maxPages);
        long min = type.limits().min();
        requireMinimumFits(min, maxPages);
        try {
            bytes = new byte[Math.toIntExact(min * PAGE_SIZE)];
        } catch (OutOfMemoryError e) {
            throw doesNotFit(min);
        }
        view = MemorySegment.ofArray(bytes);
    }

    @Override
    public Backing backing() {
        return Backing.ARRAY;
    }

    @Override
    MemorySegment segment() {
        return view;
    }

    @Override
    boolean reallocate(long needed) {
        byte[] larger;
        try {
            larger = new byte[(int) withHeadroom(needed)];
        } catch (OutOfMemoryError e) {
            try {
                larger = new byte[(int) needed]; // no room for headroom: try the exact size
            } catch (OutOfMemoryError e2) {
                return false;
            }
        }
        System.arraycopy(bytes, 0, larger, 0, (int) byteSize);
        bytes = larger;
        view = MemorySegment.ofArray(larger);
        copies++;
        return true;
    }

    /** Plain array operations: for the small fills and copies of C code, cheaper than going through segments. */
    @Override
    void fillChecked(long ea, byte value, long len) {
        java.util.Arrays.fill(bytes, (int) ea, (int) (ea + len), value);
    }

    @Override
    void copyChecked(long dst, Memory src, long srcEa, long len) {
        if (src instanceof ArrayMemory a) {
            System.arraycopy(a.bytes, (int) srcEa, bytes, (int) dst, (int) len); // overlapping ranges: as memmove
        } else {
            super.copyChecked(dst, src, srcEa, len);
        }
    }

    @Override
    public int loadI32(long ea) {
        return (int) I32.get(bytes, (int) check(ea, 4));
    }

    @Override
    public long loadI64(long ea) {
        return (long) I64.get(bytes, (int) check(ea, 8));
    }

    @Override
    public byte loadI8(long ea) {
        return bytes[(int) check(ea, 1)];
    }

    @Override
    public short loadI16(long ea) {
        return (short) I16.get(bytes, (int) check(ea, 2));
    }

    @Override
    public void storeI8(long ea, byte v) {
        bytes[(int) check(ea, 1)] = v;
    }

    @Override
    public void storeI16(long ea, short v) {
        I16.set(bytes, (int) check(ea, 2), v);
    }

    @Override
    public void storeI32(long ea, int v) {
        I32.set(bytes, (int) check(ea, 4), v);
    }

    @Override
    public void storeI64(long ea, long v) {
        I64.set(bytes, (int) check(ea, 8), v);
    }
}
