package dev.ligature.core.runtime;

import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A linear memory. Every access goes through this class, so its representation can change without touching the
 * engines. Addresses are effective addresses as {@code long} (unsigned index plus offset, computed without
 * overflow by the caller); an access that does not fit in the current size throws {@link Trap} "out of bounds
 * memory access". 32-bit and 64-bit (memory64) memories share this class; an instance may import or define
 * several (multi-memory), each its own {@code Memory}.
 *
 * <p><b>Representation.</b> The bytes live in a backing at least as large as the current size, plus the current
 * size {@link #byteSize()} in a {@code long}. Every access is checked against that size, never against the
 * backing's, so space beyond it is invisible to Wasm; since a memory never shrinks, that space is never written,
 * and pages added by {@link #grow} are zero without clearing. Three {@linkplain Backing backings}, each a final
 * subclass, chosen once per memory when it is created (never per access):
 * <ul>
 *   <li>{@link Backing#ARRAY}: a {@code byte[]} read and written through little-endian
 *       {@code byteArrayViewVarHandle}s. The fastest on the heap (issue 4 measured 1.6-1.9x over a heap
 *       {@code MemorySegment} on every memory-bound kernel: the JIT sees plain array accesses, keeps the array
 *       and size in registers across stores, and the accessors stay tiny). A Java array holds at most
 *       {@link #MAX_ARRAY_PAGES} pages (2 GiB - 64 KiB): {@code memory.grow} beyond that returns -1, which the
 *       specification allows an engine to do at any size. The default when mmap is not available.</li>
 *   <li>{@link Backing#HEAP}: a heap segment over a {@code long[]}, up to {@link #MAX_HEAP_PAGES} pages
 *       (16 GiB - 64 KiB), for programs that need more than 2 GiB without native access. Only on request.</li>
 *   <li>{@link Backing#MMAP}: the whole maximum (the smallest of the declared maximum, 4 GiB for a 32-bit memory
 *       without one, the embedder cap, and {@link #MAX_MAPPED_PAGES}) reserved up front with {@code mmap(PROT_READ|PROT_WRITE,
 *       MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE)}. The kernel supplies zero pages on first touch, so the
 *       reservation costs microseconds and no resident memory, and growth never copies. Used by default when the
 *       JVM grants native access to this class's module ({@code --enable-native-access=ALL-UNNAMED} on the class
 *       path, or the module's name) on Linux (x86-64, AArch64, RISC-V). The mapping is unmapped once the memory is
 *       garbage collected.</li>
 * </ul>
 * Array and heap backings reallocate with headroom when growth passes their capacity (capacity doubles, up to the
 * maximum) and copy, so a series of grows copies only a logarithmic number of times.
 * {@link InstanceOptions#memoryBacking()} ({@code AUTO}, the default, {@code ARRAY}, {@code HEAP} or
 * {@code MMAP}) selects the backing of an instance's memories; {@code MMAP} falls back to {@code ARRAY} (or
 * {@code HEAP} for a minimum beyond the array's limit) when it cannot work, and so does {@code AUTO}.
 * {@link #backing()} says which one a memory got.
 * Engines call the accessors virtually: a process that only ever creates one kind of memory loads only that
 * subclass, so the JIT binds the calls statically.
 *
 * <p><b>Sizes the JVM cannot back.</b> {@link #maxPages()} combines the declared maximum, the embedder's cap and
 * the backing's limit; {@code memory.grow} beyond it returns -1 and a minimum beyond it fails instantiation with
 * {@link Trap.Kind#LIMIT_EXCEEDED}, never an {@code OutOfMemoryError}. Array and heap growth need the old and the
 * new array at once (up to 2x the size, plus headroom) within {@code -Xmx}; an allocation failure makes
 * {@code grow} return -1. Mmap: a reservation is at most {@link #MAX_MAPPED_PAGES} pages (64 GiB) per memory,
 * inside the 128 TiB user address space of x86-64 Linux. Reservations are released when the garbage collector
 * finds their memory unreachable, which mmap itself never prompts: a program that drops many large memories
 * without heap pressure can run out of address space, and its new memories then fall back to the heap. The kernel
 * may refuse a reservation ({@code vm.overcommit_memory=2}, {@code ulimit -v}): the memory then falls back too.
 * Touching more pages than the machine has RAM plus swap kills the process (the kernel's OOM killer), as for any
 * overcommitted memory.
 */
public abstract sealed class Memory permits ArrayMemory, SegmentMemory {
    /** Bytes per Wasm page. */
    public static final int PAGE_SIZE = MemoryType.PAGE_SIZE;
    /** The most pages an array ({@code byte[]}) backing can hold: 2 GiB - 64 KiB. */
    public static final long MAX_ARRAY_PAGES = (Integer.MAX_VALUE - 8L) / PAGE_SIZE;
    /** The most pages a heap ({@code long[]}) backing can hold: 16 GiB - 64 KiB. */
    public static final long MAX_HEAP_PAGES = (Integer.MAX_VALUE - 8L) * Long.BYTES / PAGE_SIZE;
    /**
     * The most pages one mmap reservation covers: 64 GiB, so that about 2000 such memories fit in the 128 TiB
     * user address space of x86-64 Linux at once (reservations of unreachable memories are only released after
     * a garbage collection).
     */
    public static final long MAX_MAPPED_PAGES = (1L << 36) / PAGE_SIZE;
    /** The most pages any backing can hold. */
    public static final long MAX_PAGES = Math.max(MAX_HEAP_PAGES, MAX_MAPPED_PAGES);

    /** What holds a memory's bytes. */
    public enum Backing {
        /** A {@code byte[]}, up to 2 GiB - 64 KiB; growth past its capacity copies. */
        ARRAY,
        /** A heap segment over a {@code long[]}, up to 16 GiB - 64 KiB; growth past its capacity copies. */
        HEAP,
        /** A native segment over an {@code mmap} reservation of the maximum; growth never copies. */
        MMAP
    }

    private final MemoryType type;
    private final long maxPages;
    /** Current size in bytes; the backing holds at least this many. */
    long byteSize;
    /** How many times growth reallocated and copied (tests check that growth within capacity does not). */
    int copies;

    Memory(MemoryType type, long maxPages) {
        this.type = type;
        this.maxPages = maxPages;
        this.byteSize = type.limits().min() * PAGE_SIZE;
    }

    /**
     * A memory of the given type, at its minimum size, on the {@link InstanceOptions.MemoryBacking#AUTO} backing.
     * {@code capPages} is the embedder's cap (or -1): growth stops there even if the declared maximum allows more.
     *
     * @throws Trap LIMIT_EXCEEDED if the minimum exceeds the cap or what the JVM can back
     */
    public static Memory create(MemoryType type, long capPages) {
        return create(type, capPages, InstanceOptions.MemoryBacking.AUTO);
    }

    /** As {@link #create(MemoryType, long)}, on the backing {@code requested} asks for (MMAP may still fall back). */
    public static Memory create(MemoryType type, long capPages, InstanceOptions.MemoryBacking requested) {
        return create(type, capPages, requested.resolve());
    }

    /** As {@link #create(MemoryType, long)}, with the backing chosen by the caller (MMAP may still fall back). */
    public static Memory create(MemoryType type, long capPages, Backing requested) {
        Limits l = type.limits();
        long max = l.hasMax() ? l.max() : (type.is64() ? Long.MAX_VALUE : 65536);
        if (capPages >= 0) {
            max = Math.min(max, capPages);
        }
        if (requested == Backing.MMAP && l.min() <= Math.min(max, MAX_MAPPED_PAGES)) {
            MemorySegment mapped = MappedReservation.reserve(Math.min(max, MAX_MAPPED_PAGES) * PAGE_SIZE);
            if (mapped != null) {
                return new SegmentMemory(type, Math.min(max, MAX_MAPPED_PAGES), Backing.MMAP, mapped);
            }
        }
        if (requested == Backing.HEAP || l.min() > Math.min(max, MAX_ARRAY_PAGES)) {
            long heapMax = Math.min(max, MAX_HEAP_PAGES);
            requireMinimumFits(l.min(), heapMax);
            return new SegmentMemory(type, heapMax, Backing.HEAP, null);
        }
        return new ArrayMemory(type, Math.min(max, MAX_ARRAY_PAGES));
    }

    /** A memory with {@code min} pages, at most {@code max} (-1: none), 32-bit addresses, no cap. */
    public static Memory of(long min, long max) {
        return create(new MemoryType(new Limits(min, max), false, false), -1);
    }

    static void requireMinimumFits(long min, long maxPages) {
        if (min > maxPages) {
            throw new Trap(Trap.Kind.LIMIT_EXCEEDED, "memory of " + min + " pages exceeds the limit of "
                    + maxPages + " pages");
        }
    }

    static Trap doesNotFit(long min) {
        return new Trap(Trap.Kind.LIMIT_EXCEEDED, "memory of " + min + " pages does not fit in the heap");
    }

    /** The declared type; its minimum is the size at creation. */
    public final MemoryType type() {
        return type;
    }

    /** The type as it stands now: current pages as the minimum, the declared maximum. */
    public final MemoryType currentType() {
        return new MemoryType(new Limits(pages(), type.limits().max()), type.shared(), type.is64());
    }

    /** What holds this memory's bytes. */
    public abstract Backing backing();

    /** Current size in bytes. */
    public final long byteSize() {
        return byteSize;
    }

    /** Current size in pages. */
    public final long pages() {
        return byteSize / PAGE_SIZE;
    }

    /** The most pages this memory may reach: declared maximum, embedder cap and backing limit combined. */
    public final long maxPages() {
        return maxPages;
    }

    /** Bytes the backing holds now (at least {@link #byteSize()}); for tests. */
    final long capacity() {
        return segment().byteSize();
    }

    /**
     * A segment over the whole backing as it is now (its identity may change when growth copies); bulk
     * operations work on it.
     */
    abstract MemorySegment segment();

    /** How many grows reallocated and copied; for tests. */
    final int copies() {
        return copies;
    }

    /** Grows by {@code delta} pages; returns the old size in pages, or -1 (size unchanged) if it cannot. */
    public final long grow(long delta) {
        long old = pages();
        if (delta < 0 || delta > maxPages - old) {
            return -1;
        }
        long newSize = (old + delta) * PAGE_SIZE;
        if (newSize > segment().byteSize() && !reallocate(newSize)) {
            return -1;
        }
        byteSize = newSize;
        return old;
    }

    /**
     * Makes the backing hold at least {@code needed} bytes, keeping the first {@link #byteSize} (a larger array
     * with headroom: capacity doubles up to the maximum); false if the heap cannot. Never called for a reservation,
     * which covers the maximum.
     */
    abstract boolean reallocate(long needed);

    /** The capacity to allocate for {@code needed} bytes: doubling, never past the maximum. */
    final long withHeadroom(long needed) {
        long doubled = Math.min(Math.max(segment().byteSize(), PAGE_SIZE) * 2, maxPages * PAGE_SIZE);
        return Math.max(needed, doubled);
    }

    static Trap oob(long ea) {
        return new Trap(Trap.Kind.OUT_OF_BOUNDS_MEMORY, "address " + Long.toUnsignedString(ea));
    }

    /**
     * Checks an access of {@code width} bytes at {@code ea}: a negative {@code ea} is an unsigned address of 2^63
     * or more; otherwise {@code byteSize - width} cannot overflow. Written as two comparisons, not one branch on
     * {@code (ea | (byteSize - width - ea))}: the JIT knows that a 32-bit memory's address (a zero-extended i32
     * plus an offset) is never negative and drops the first, and the second is one compare against a value it
     * computes once per loop.
     */
    final long check(long ea, int width) {
        if (ea < 0 || ea > byteSize - width) {
            throw oob(ea);
        }
        return ea;
    }

    /** Checks that {@code [ea, ea+len)} lies in the memory; {@code ea} and {@code len} are unsigned. */
    public final void checkRange(long ea, long len) {
        if (ea < 0 || len < 0 || ea > byteSize - len) {
            throw oob(ea);
        }
    }

    public abstract int loadI32(long ea);

    public abstract long loadI64(long ea);

    public final float loadF32(long ea) {
        return Float.intBitsToFloat(loadI32(ea));
    }

    public final double loadF64(long ea) {
        return Double.longBitsToDouble(loadI64(ea));
    }

    /** Signed byte. */
    public abstract byte loadI8(long ea);

    /** Signed 16 bits. */
    public abstract short loadI16(long ea);

    public abstract void storeI8(long ea, byte v);

    public abstract void storeI16(long ea, short v);

    public abstract void storeI32(long ea, int v);

    public abstract void storeI64(long ea, long v);

    public final void storeF32(long ea, float v) {
        storeI32(ea, Float.floatToRawIntBits(v));
    }

    public final void storeF64(long ea, double v) {
        storeI64(ea, Double.doubleToRawLongBits(v));
    }

    /** Copies {@code len} bytes at {@code ea} into a new array. */
    public final byte[] read(long ea, int len) {
        checkRange(ea, len);
        byte[] out = new byte[len];
        MemorySegment.copy(segment(), ValueLayout.JAVA_BYTE, ea, out, 0, len);
        return out;
    }

    /** Copies {@code src[srcOff .. srcOff+len)} to {@code ea}; traps (writing nothing) if out of bounds. */
    public final void write(long ea, byte[] src, int srcOff, int len) {
        checkRange(ea, len);
        MemorySegment.copy(src, srcOff, segment(), ValueLayout.JAVA_BYTE, ea, len);
    }

    public final void write(long ea, byte[] src) {
        write(ea, src, 0, src.length);
    }

    /** Reads a NUL-terminated UTF-8 string starting at {@code ea}. */
    public final String readCString(long ea) {
        long start = check(ea, 0);
        long end = start;
        while (end < byteSize && loadI8(end) != 0) {
            end++;
        }
        if (end - start > Integer.MAX_VALUE - 8) {
            throw oob(ea); // no Java string can hold it
        }
        return new String(read(start, (int) (end - start)), StandardCharsets.UTF_8);
    }

    /** Reads {@code len} bytes at {@code ea} as UTF-8. */
    public final String readString(long ea, int len) {
        return new String(read(ea, len), StandardCharsets.UTF_8);
    }

    /** Writes {@code s} as UTF-8 (no terminator) at {@code ea}; returns the number of bytes written. */
    public final int writeString(long ea, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        write(ea, b);
        return b.length;
    }

    /** {@code memory.fill}: traps before writing anything if the range is out of bounds. */
    public final void fill(long ea, byte value, long len) {
        checkRange(ea, len);
        if (len > 0) {
            fillChecked(ea, value, len);
        }
    }

    /** {@link #fill} of a non-empty range already checked. */
    void fillChecked(long ea, byte value, long len) {
        segment().asSlice(ea, len).fill(value);
    }

    /** {@code memory.copy} from {@code src} (possibly this memory; overlapping ranges are handled). */
    public final void copy(long dst, Memory src, long srcEa, long len) {
        checkRange(dst, len);
        src.checkRange(srcEa, len);
        if (len > 0) {
            copyChecked(dst, src, srcEa, len);
        }
    }

    /** {@link #copy} of non-empty ranges already checked. */
    void copyChecked(long dst, Memory src, long srcEa, long len) {
        MemorySegment.copy(src.segment(), srcEa, segment(), dst, len);
    }

    /** {@code memory.init}: copies {@code data[srcOff .. srcOff+len)}; all offsets unsigned. */
    public final void init(long dst, byte[] data, long srcOff, long len) {
        if (srcOff < 0 || len < 0 || srcOff > data.length - len) {
            throw new Trap(Trap.Kind.OUT_OF_BOUNDS_MEMORY);
        }
        checkRange(dst, len);
        MemorySegment.copy(data, (int) srcOff, segment(), ValueLayout.JAVA_BYTE, dst, (int) len);
    }
}
