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
 *       {@code byteArrayViewVarHandle}s. The fastest on the heap (measured at 1.6-1.9x the speed of a heap
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
 *
 * <p><b>Threads.</b> Accesses are not synchronized and carry no memory-ordering guarantees: a memory is used by
 * one thread at a time, like the instance it belongs to, even when its type says {@code shared}. Hand a memory
 * to another thread only through a happens-before edge (a lock, a queue, {@code Thread.join}).
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
     *
     * @param type the memory's type; its minimum is the initial size
     * @param capPages the embedder's cap in pages, or -1 for none: growth stops there even if the declared maximum
     *     allows more
     * @return a new memory, zero-filled, to import with {@link Imports#memory}
     * @throws Trap {@link Trap.Kind#LIMIT_EXCEEDED} if the minimum exceeds the cap or what the JVM can back
     */
    public static Memory create(MemoryType type, long capPages) {
        return create(type, capPages, InstanceOptions.MemoryBacking.AUTO);
    }

    /**
     * As {@link #create(MemoryType, long)}, on the backing {@code requested} asks for.
     *
     * @param type the memory's type; its minimum is the initial size
     * @param capPages the embedder's cap in pages, or -1 for none
     * @param requested the backing to ask for; {@code MMAP} and {@code AUTO} fall back as described on {@link Memory}
     * @return a new memory, zero-filled; {@link #backing()} tells which backing it got
     * @throws Trap {@link Trap.Kind#LIMIT_EXCEEDED} if the minimum exceeds the cap or what the JVM can back
     */
    public static Memory create(MemoryType type, long capPages, InstanceOptions.MemoryBacking requested) {
        return create(type, capPages, requested.resolve());
    }

    /**
     * As {@link #create(MemoryType, long)}, on a backing the caller chose.
     *
     * @param type the memory's type; its minimum is the initial size
     * @param capPages the embedder's cap in pages, or -1 for none
     * @param requested the backing to try; {@link Backing#MMAP} falls back as described on {@link Memory}
     * @return a new memory, zero-filled; {@link #backing()} tells which backing it got
     * @throws Trap {@link Trap.Kind#LIMIT_EXCEEDED} if the minimum exceeds the cap or what the JVM can back
     */
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

    /**
     * A host memory with 32-bit addresses and no embedder cap, on the default backing; as
     * {@link #create(MemoryType, long)}.
     *
     * @param min the initial size, in 64 KiB pages
     * @param max the greatest size, in pages, or -1 for none (then 65,536 pages, 4 GiB, the most a
     *     32-bit memory can address)
     * @return a new memory, zero-filled, to import with {@link Imports#memory}
     * @throws Trap {@link Trap.Kind#LIMIT_EXCEEDED} if {@code min} is more than the JVM can back
     */
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

    /** {@return the declared type; its minimum is the size at creation (see {@link #currentType()})} */
    public final MemoryType type() {
        return type;
    }

    /** {@return the type as it stands now: the current size in pages as the minimum, the declared maximum} */
    public final MemoryType currentType() {
        return new MemoryType(new Limits(pages(), type.limits().max()), type.shared(), type.is64());
    }

    /** {@return what holds this memory's bytes, which may differ from the backing requested when that one could not work} */
    public abstract Backing backing();

    /** {@return the current size in bytes, a multiple of {@link #PAGE_SIZE}} */
    public final long byteSize() {
        return byteSize;
    }

    /** {@return the current size in 64 KiB pages} */
    public final long pages() {
        return byteSize / PAGE_SIZE;
    }

    /**
     * {@return the most pages this memory may reach: the least of the declared maximum, the
     * embedder's cap and the backing's limit}
     */
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

    /**
     * Grows the memory, as {@code memory.grow}; the new pages read as zero.
     *
     * @param delta how many 64 KiB pages to add (unsigned: a negative value is 2^63 or more, which
     *     never fits)
     * @return the size in pages before growing, or -1 (size unchanged) if the memory would pass
     *     {@link #maxPages()} or the heap cannot hold the larger copy
     */
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

    /**
     * Checks that a range of bytes lies within the memory's current size.
     *
     * @param ea the first byte's address (unsigned)
     * @param len the range's length in bytes (unsigned)
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if {@code [ea, ea + len)} does not lie
     *     within the memory
     */
    public final void checkRange(long ea, long len) {
        if (ea < 0 || len < 0 || ea > byteSize - len) {
            throw oob(ea);
        }
    }

    /**
     * Reads an i32 (4 bytes), little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @return the value
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if the bytes do not lie within the memory
     */
    public abstract int loadI32(long ea);

    /**
     * Reads an i64 (8 bytes), little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @return the value
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if the bytes do not lie within the memory
     */
    public abstract long loadI64(long ea);

    /**
     * Reads an f32 (4 bytes, its bits kept, NaN payload included), little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @return the value
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if the bytes do not lie within the memory
     */
    public final float loadF32(long ea) {
        return Float.intBitsToFloat(loadI32(ea));
    }

    /**
     * Reads an f64 (8 bytes, its bits kept, NaN payload included), little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @return the value
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if the bytes do not lie within the memory
     */
    public final double loadF64(long ea) {
        return Double.longBitsToDouble(loadI64(ea));
    }

    /**
     * Reads one byte.
     *
     * @param ea the byte's address (unsigned)
     * @return the byte, as Java's signed {@code byte} (mask with {@code 0xFF} for the unsigned value)
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if the byte does not lie within the memory
     */
    public abstract byte loadI8(long ea);

    /**
     * Reads 16 bits, little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @return the value, as Java's signed {@code short} (mask with {@code 0xFFFF} for the unsigned value)
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if the bytes do not lie within the memory
     */
    public abstract short loadI16(long ea);

    /**
     * Writes one byte.
     *
     * @param ea the first byte's address (unsigned)
     * @param v the value
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if the bytes do not lie
     *     within the memory
     */
    public abstract void storeI8(long ea, byte v);

    /**
     * Writes 16 bits, little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @param v the value
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if the bytes do not lie
     *     within the memory
     */
    public abstract void storeI16(long ea, short v);

    /**
     * Writes an i32 (4 bytes), little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @param v the value
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if the bytes do not lie
     *     within the memory
     */
    public abstract void storeI32(long ea, int v);

    /**
     * Writes an i64 (8 bytes), little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @param v the value
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if the bytes do not lie
     *     within the memory
     */
    public abstract void storeI64(long ea, long v);

    /**
     * Writes an f32 (4 bytes), little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @param v the value (its bits are kept, NaN payload included)
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if the bytes do not lie
     *     within the memory
     */
    public final void storeF32(long ea, float v) {
        storeI32(ea, Float.floatToRawIntBits(v));
    }

    /**
     * Writes an f64 (8 bytes), little-endian.
     *
     * @param ea the first byte's address (unsigned)
     * @param v the value (its bits are kept, NaN payload included)
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if the bytes do not lie
     *     within the memory
     */
    public final void storeF64(long ea, double v) {
        storeI64(ea, Double.doubleToRawLongBits(v));
    }

    /**
     * Copies bytes out of the memory.
     *
     * @param ea the first byte's address (unsigned)
     * @param len how many bytes to copy
     * @return a new array of the bytes
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if the range does not lie within the memory
     *     or {@code len} is negative
     */
    public final byte[] read(long ea, int len) {
        checkRange(ea, len);
        byte[] out = new byte[len];
        MemorySegment.copy(segment(), ValueLayout.JAVA_BYTE, ea, out, 0, len);
        return out;
    }

    /**
     * Copies bytes from an array into the memory.
     *
     * @param ea the address of the first byte to write (unsigned)
     * @param src the source array
     * @param srcOff the index in {@code src} of the first byte to copy
     * @param len how many bytes to copy
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if the destination range
     *     does not lie within the memory or {@code len} is negative
     * @throws IndexOutOfBoundsException if the source range does not lie within {@code src}
     */
    public final void write(long ea, byte[] src, int srcOff, int len) {
        checkRange(ea, len);
        MemorySegment.copy(src, srcOff, segment(), ValueLayout.JAVA_BYTE, ea, len);
    }

    /**
     * Copies a whole array into the memory.
     *
     * @param ea the address of the first byte to write (unsigned)
     * @param src the bytes to write
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if they do not fit
     */
    public final void write(long ea, byte[] src) {
        write(ea, src, 0, src.length);
    }

    /**
     * Reads a NUL-terminated UTF-8 string, as C code leaves one.
     *
     * @param ea the address of the first byte (unsigned)
     * @return the bytes up to the first NUL byte (or the end of the memory, if there is none),
     *     decoded as UTF-8 with malformed input replaced by U+FFFD
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if {@code ea} is past the end of the
     *     memory, or the string is longer than a Java array can hold
     */
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

    /**
     * Reads a UTF-8 string of known length.
     *
     * @param ea the first byte's address (unsigned)
     * @param len the string's length in bytes
     * @return the bytes decoded as UTF-8, with malformed input replaced by U+FFFD
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY} if the range does not lie within the memory
     *     or {@code len} is negative
     */
    public final String readString(long ea, int len) {
        return new String(read(ea, len), StandardCharsets.UTF_8);
    }

    /**
     * Writes a string as UTF-8, without a terminating NUL (write a zero byte after it for C).
     *
     * @param ea the address of the first byte to write (unsigned)
     * @param s the string; unpaired surrogates are written as {@code '?'}
     * @return the number of bytes written
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if the bytes do not fit
     */
    public final int writeString(long ea, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        write(ea, b);
        return b.length;
    }

    /**
     * Sets a range of bytes to one value, as {@code memory.fill}.
     *
     * @param ea the first byte's address (unsigned)
     * @param value the byte to write
     * @param len how many bytes to set (unsigned)
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if the range does not lie
     *     within the memory
     */
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

    /**
     * Copies bytes from a memory into this one, as {@code memory.copy}; overlapping ranges within
     * one memory are copied as if through a temporary buffer.
     *
     * @param dst the address of the first byte to write in this memory (unsigned)
     * @param src the memory to read (possibly this one)
     * @param srcEa the address of the first byte to read in {@code src} (unsigned)
     * @param len how many bytes to copy (unsigned)
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if either range does not
     *     lie within its memory
     */
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

    /**
     * Copies bytes from an array into the memory, as {@code memory.init} does from a data segment.
     *
     * @param dst the address of the first byte to write (unsigned)
     * @param data the source bytes
     * @param srcOff the index in {@code data} of the first byte to copy (unsigned)
     * @param len how many bytes to copy (unsigned)
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_MEMORY}, writing nothing, if either range does not
     *     lie within its memory or array
     */
    public final void init(long dst, byte[] data, long srcOff, long len) {
        if (srcOff < 0 || len < 0 || srcOff > data.length - len) {
            throw new Trap(Trap.Kind.OUT_OF_BOUNDS_MEMORY);
        }
        checkRange(dst, len);
        MemorySegment.copy(data, (int) srcOff, segment(), ValueLayout.JAVA_BYTE, dst, (int) len);
    }
}
