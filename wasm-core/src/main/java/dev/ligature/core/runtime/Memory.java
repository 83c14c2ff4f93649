package dev.ligature.core.runtime;

import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A linear memory. Every access goes through this class, so its representation can change
 * without touching the engines. Addresses are effective addresses as {@code long} (unsigned index
 * plus offset, computed without overflow by the caller); an access that does not fit in the
 * current size throws {@link Trap} "out of bounds memory access".
 *
 * <p>Representation today: one {@code byte[]} read through little-endian VarHandles; growing
 * copies. Only the current size is allocated: a declared maximum (Pyodide declares 4 GiB) reserves
 * nothing. <b>Limit of the JVM:</b> a Java array holds at most about 2 GiB, so this memory cannot
 * grow past {@link #MAX_PAGES} pages (2 GiB - 64 KiB); {@code memory.grow} beyond that returns -1
 * as if the maximum were reached, for 32-bit and 64-bit memories alike.
 */
public final class Memory {
    /** Bytes per Wasm page. */
    public static final int PAGE_SIZE = MemoryType.PAGE_SIZE;
    /** The most pages a JVM byte array can back. */
    public static final long MAX_PAGES = (Integer.MAX_VALUE - 8L) / PAGE_SIZE;

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MemoryType type;
    private final long maxPages;
    private byte[] bytes;

    /**
     * A memory of the given type, at its minimum size. {@code capPages} is the embedder's cap (or
     * -1): growth stops there even if the declared maximum allows more.
     *
     * @throws Trap LIMIT_EXCEEDED if the minimum exceeds the cap or what the JVM can back
     */
    public Memory(MemoryType type, long capPages) {
        this.type = type;
        Limits l = type.limits();
        long max = l.hasMax() ? l.max() : (type.is64() ? Long.MAX_VALUE : 65536);
        if (capPages >= 0) {
            max = Math.min(max, capPages);
        }
        this.maxPages = Math.min(max, MAX_PAGES);
        if (l.min() > maxPages) {
            throw new Trap(Trap.Kind.LIMIT_EXCEEDED, "memory of " + l.min() + " pages exceeds the limit of "
                    + maxPages + " pages");
        }
        this.bytes = new byte[(int) (l.min() * PAGE_SIZE)];
    }

    /** A memory with {@code min} pages, at most {@code max} (-1: none), 32-bit addresses, no cap. */
    public static Memory of(long min, long max) {
        return new Memory(new MemoryType(new Limits(min, max), false, false), -1);
    }

    /** The declared type; its minimum is the size at creation. */
    public MemoryType type() {
        return type;
    }

    /** The type as it stands now: current pages as the minimum, the declared maximum. */
    public MemoryType currentType() {
        return new MemoryType(new Limits(pages(), type.limits().max()), type.shared(), type.is64());
    }

    /** Current size in bytes. */
    public long byteSize() {
        return bytes.length;
    }

    /** Current size in pages. */
    public long pages() {
        return bytes.length / PAGE_SIZE;
    }

    /** The most pages this memory may reach: declared maximum, embedder cap and JVM limit combined. */
    public long maxPages() {
        return maxPages;
    }

    /** Grows by {@code delta} pages; returns the old size in pages, or -1 (size unchanged) if it cannot. */
    public long grow(long delta) {
        long old = pages();
        if (delta < 0 || delta > maxPages - old) {
            return -1;
        }
        if (delta > 0) {
            try {
                bytes = Arrays.copyOf(bytes, (int) ((old + delta) * PAGE_SIZE));
            } catch (OutOfMemoryError e) {
                return -1;
            }
        }
        return old;
    }

    private static Trap oob(long ea) {
        return new Trap(Trap.Kind.OUT_OF_BOUNDS_MEMORY, "address " + Long.toUnsignedString(ea));
    }

    private int check(long ea, int width) {
        if (ea < 0 || ea > bytes.length - (long) width) {
            throw oob(ea);
        }
        return (int) ea;
    }

    /** Checks that {@code [ea, ea+len)} lies in the memory; {@code ea} and {@code len} are unsigned. */
    public void checkRange(long ea, long len) {
        if (ea < 0 || len < 0 || ea > bytes.length - len) {
            throw oob(ea);
        }
    }

    public int loadI32(long ea) {
        return (int) I32.get(bytes, check(ea, 4));
    }

    public long loadI64(long ea) {
        return (long) I64.get(bytes, check(ea, 8));
    }

    public float loadF32(long ea) {
        return Float.intBitsToFloat(loadI32(ea));
    }

    public double loadF64(long ea) {
        return Double.longBitsToDouble(loadI64(ea));
    }

    /** Signed byte. */
    public byte loadI8(long ea) {
        return bytes[check(ea, 1)];
    }

    /** Signed 16 bits. */
    public short loadI16(long ea) {
        return (short) I16.get(bytes, check(ea, 2));
    }

    public void storeI8(long ea, byte v) {
        bytes[check(ea, 1)] = v;
    }

    public void storeI16(long ea, short v) {
        I16.set(bytes, check(ea, 2), v);
    }

    public void storeI32(long ea, int v) {
        I32.set(bytes, check(ea, 4), v);
    }

    public void storeI64(long ea, long v) {
        I64.set(bytes, check(ea, 8), v);
    }

    public void storeF32(long ea, float v) {
        storeI32(ea, Float.floatToRawIntBits(v));
    }

    public void storeF64(long ea, double v) {
        storeI64(ea, Double.doubleToRawLongBits(v));
    }

    /** Copies {@code len} bytes at {@code ea} into a new array. */
    public byte[] read(long ea, int len) {
        checkRange(ea, len);
        return Arrays.copyOfRange(bytes, (int) ea, (int) ea + len);
    }

    /** Copies {@code src[srcOff .. srcOff+len)} to {@code ea}; traps (writing nothing) if out of bounds. */
    public void write(long ea, byte[] src, int srcOff, int len) {
        checkRange(ea, len);
        System.arraycopy(src, srcOff, bytes, (int) ea, len);
    }

    public void write(long ea, byte[] src) {
        write(ea, src, 0, src.length);
    }

    /** Reads a NUL-terminated UTF-8 string starting at {@code ea}. */
    public String readCString(long ea) {
        int start = check(ea, 0);
        int end = start;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** Reads {@code len} bytes at {@code ea} as UTF-8. */
    public String readString(long ea, int len) {
        checkRange(ea, len);
        return new String(bytes, (int) ea, len, StandardCharsets.UTF_8);
    }

    /** Writes {@code s} as UTF-8 (no terminator) at {@code ea}; returns the number of bytes written. */
    public int writeString(long ea, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        write(ea, b);
        return b.length;
    }

    /** {@code memory.fill}: traps before writing anything if the range is out of bounds. */
    public void fill(long ea, byte value, long len) {
        checkRange(ea, len);
        Arrays.fill(bytes, (int) ea, (int) (ea + len), value);
    }

    /** {@code memory.copy} from {@code src} (possibly this memory; overlapping ranges are handled). */
    public void copy(long dst, Memory src, long srcEa, long len) {
        checkRange(dst, len);
        src.checkRange(srcEa, len);
        System.arraycopy(src.bytes, (int) srcEa, bytes, (int) dst, (int) len);
    }

    /** {@code memory.init}: copies {@code data[srcOff .. srcOff+len)}; all offsets unsigned. */
    public void init(long dst, byte[] data, long srcOff, long len) {
        if (srcOff < 0 || len < 0 || srcOff > data.length - len) {
            throw new Trap(Trap.Kind.OUT_OF_BOUNDS_MEMORY);
        }
        checkRange(dst, len);
        System.arraycopy(data, (int) srcOff, bytes, (int) dst, (int) len);
    }
}
