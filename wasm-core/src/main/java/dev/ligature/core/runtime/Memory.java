package dev.ligature.core.runtime;

import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A linear memory. Every access goes through this class, so its representation can change without touching the
 * engines. Addresses are effective addresses as {@code long} (unsigned index plus offset, computed without
 * overflow by the caller); an access that does not fit in the current size throws {@link Trap} "out of bounds
 * memory access". 32-bit and 64-bit (memory64) memories share this class; an instance may import or define
 * several (multi-memory), each its own {@code Memory}.
 *
 * <p><b>Representation</b> (chosen by measurement, see {@code benchmarks/README.md}): one {@link MemorySegment}
 * at least as large as the current size, plus the current size {@link #byteSize()} in a {@code long}. Every access
 * is checked against that size, never against the segment's, so space beyond it is invisible to Wasm; since a
 * memory never shrinks, that space is never written, and pages added by {@link #grow} are zero without clearing.
 * The segment has one of two {@linkplain Backing backings}:
 * <ul>
 *   <li>{@link Backing#MMAP}: the whole maximum (the smallest of the declared maximum, 4 GiB for a 32-bit memory
 *       without one, the embedder cap, and {@link #MAX_MAPPED_PAGES}) reserved up front with {@code mmap(PROT_READ|PROT_WRITE,
 *       MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE)}. The kernel supplies zero pages on first touch, so the
 *       reservation costs microseconds and no resident memory, and growth never copies. Used by default when the
 *       JVM grants native access to this class's module ({@code --enable-native-access=ALL-UNNAMED} on the class
 *       path, or the module's name) on Linux (x86-64, AArch64, RISC-V). The mapping is unmapped once the memory is
 *       garbage collected.</li>
 *   <li>{@link Backing#HEAP}: a heap segment over a {@code long[]}. Growth beyond the array's capacity
 *       reallocates with headroom (capacity doubles, up to the maximum) and copies, so a series of grows copies
 *       only a logarithmic number of times. The fallback whenever the mmap backing is unavailable or fails; used
 *       without ever calling a restricted method, so the JVM prints no native-access warning.</li>
 * </ul>
 * The system property {@value #BACKING_PROPERTY} ({@code auto}, the default, {@code heap} or {@code mmap})
 * selects the backing; {@code mmap} still falls back to the heap when it cannot work. {@link #backing()} says
 * which one a memory got.
 *
 * <p><b>Sizes the JVM cannot back.</b> {@link #maxPages()} combines the declared maximum, the embedder's cap and
 * the backing's limit; {@code memory.grow} beyond it returns -1 and a minimum beyond it fails instantiation with
 * {@link Trap.Kind#LIMIT_EXCEEDED}, never an {@code OutOfMemoryError}.
 * <ul>
 *   <li>Heap: a {@code long[]} holds at most about 2<sup>31</sup> elements, so a memory reaches at most
 *       {@link #MAX_HEAP_PAGES} pages (16 GiB - 64 KiB), and only as far as {@code -Xmx} allows: a grow needs the
 *       old and the new array at once (up to 2x the size, plus headroom). A full 4 GiB 32-bit memory fits with
 *       a large enough heap; memory64 memories stop at 16 GiB. An allocation failure makes {@code grow} return
 *       -1.</li>
 *   <li>Mmap: a reservation is at most {@link #MAX_MAPPED_PAGES} pages (64 GiB) per memory, inside the 128 TiB
 *       user address space of x86-64 Linux; a memory64 memory that declares more (or no maximum) is limited
 *       to 64 GiB. Reservations are released when the garbage collector finds their memory unreachable, which
 *       mmap itself never prompts: a program that drops many large memories without heap pressure can run out
 *       of address space, and its new memories then fall back to the heap. The kernel
 *       may refuse a reservation (e.g. {@code vm.overcommit_memory=2}, where {@code MAP_NORESERVE} is ignored
 *       and the reservation counts against the commit limit, or {@code ulimit -v}): the memory then falls back to
 *       the heap and its limits. Touching more pages than the machine has RAM plus swap kills the process (the
 *       kernel's OOM killer), as for any overcommitted memory.</li>
 * </ul>
 */
public final class Memory {
    /** Bytes per Wasm page. */
    public static final int PAGE_SIZE = MemoryType.PAGE_SIZE;
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
    /** System property selecting the backing: {@code auto} (default), {@code heap} or {@code mmap}. */
    public static final String BACKING_PROPERTY = "ligature.memory.backing";

    /** What holds a memory's bytes. */
    public enum Backing {
        /** A heap segment over a {@code long[]}; growth past its capacity copies. */
        HEAP,
        /** A native segment over an {@code mmap} reservation of the maximum; growth never copies. */
        MMAP
    }

    private static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemoryType type;
    private final long maxPages;
    private final Backing backing;
    /** At least {@link #byteSize} bytes; the bytes past it are zero and unreachable from Wasm. */
    private MemorySegment segment;
    private long byteSize;
    /** How many times growth reallocated and copied (tests check that growth within capacity does not). */
    private int copies;

    /**
     * A memory of the given type, at its minimum size. {@code capPages} is the embedder's cap (or -1): growth
     * stops there even if the declared maximum allows more.
     *
     * @throws Trap LIMIT_EXCEEDED if the minimum exceeds the cap or what the JVM can back
     */
    public Memory(MemoryType type, long capPages) {
        this(type, capPages, requestedBacking());
    }

    /** As {@link #Memory(MemoryType, long)}, with the backing chosen by the caller (MMAP may still fall back). */
    public Memory(MemoryType type, long capPages, Backing requested) {
        this.type = type;
        Limits l = type.limits();
        long max = l.hasMax() ? l.max() : (type.is64() ? Long.MAX_VALUE : 65536);
        if (capPages >= 0) {
            max = Math.min(max, capPages);
        }
        MemorySegment mapped = null;
        if (requested == Backing.MMAP && l.min() <= Math.min(max, MAX_MAPPED_PAGES)) {
            mapped = MappedReservation.reserve(Math.min(max, MAX_MAPPED_PAGES) * PAGE_SIZE);
        }
        if (mapped != null) {
            this.backing = Backing.MMAP;
            this.maxPages = Math.min(max, MAX_MAPPED_PAGES);
            this.segment = mapped;
        } else {
            this.backing = Backing.HEAP;
            this.maxPages = Math.min(max, MAX_HEAP_PAGES);
            if (l.min() > maxPages) {
                throw new Trap(Trap.Kind.LIMIT_EXCEEDED, "memory of " + l.min() + " pages exceeds the limit of "
                        + maxPages + " pages");
            }
            try {
                this.segment = heap(l.min() * PAGE_SIZE);
            } catch (OutOfMemoryError e) {
                throw new Trap(Trap.Kind.LIMIT_EXCEEDED, "memory of " + l.min() + " pages does not fit in the heap");
            }
        }
        this.byteSize = l.min() * PAGE_SIZE;
    }

    /** A memory with {@code min} pages, at most {@code max} (-1: none), 32-bit addresses, no cap. */
    public static Memory of(long min, long max) {
        return new Memory(new MemoryType(new Limits(min, max), false, false), -1);
    }

    /**
     * The backing new memories request, from {@value #BACKING_PROPERTY}: {@code heap}, {@code mmap}, or
     * {@code auto} (the default: mmap when this JVM allows it without a warning, else heap).
     */
    public static Backing requestedBacking() {
        String p = System.getProperty(BACKING_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "heap" -> Backing.HEAP;
            case "mmap" -> Backing.MMAP;
            default -> MappedReservation.available() ? Backing.MMAP : Backing.HEAP;
        };
    }

    private static MemorySegment heap(long bytes) {
        return MemorySegment.ofArray(new long[(int) (bytes / Long.BYTES)]);
    }

    /** The declared type; its minimum is the size at creation. */
    public MemoryType type() {
        return type;
    }

    /** The type as it stands now: current pages as the minimum, the declared maximum. */
    public MemoryType currentType() {
        return new MemoryType(new Limits(pages(), type.limits().max()), type.shared(), type.is64());
    }

    /** What holds this memory's bytes. */
    public Backing backing() {
        return backing;
    }

    /** Current size in bytes. */
    public long byteSize() {
        return byteSize;
    }

    /** Current size in pages. */
    public long pages() {
        return byteSize / PAGE_SIZE;
    }

    /** The most pages this memory may reach: declared maximum, embedder cap and backing limit combined. */
    public long maxPages() {
        return maxPages;
    }

    /** Bytes the backing holds now (at least {@link #byteSize()}); for tests. */
    long capacity() {
        return segment.byteSize();
    }

    /** The backing segment (its identity changes only when growth copies); for tests. */
    MemorySegment segment() {
        return segment;
    }

    /** How many grows reallocated and copied; for tests. */
    int copies() {
        return copies;
    }

    /** Grows by {@code delta} pages; returns the old size in pages, or -1 (size unchanged) if it cannot. */
    public long grow(long delta) {
        long old = pages();
        if (delta < 0 || delta > maxPages - old) {
            return -1;
        }
        long newSize = (old + delta) * PAGE_SIZE;
        if (newSize > segment.byteSize() && !reallocate(newSize)) {
            return -1;
        }
        byteSize = newSize;
        return old;
    }

    /** Heap backing only (a reservation already covers the maximum): a larger array, with headroom. */
    private boolean reallocate(long needed) {
        long limit = maxPages * PAGE_SIZE;
        long doubled = Math.min(Math.max(segment.byteSize(), PAGE_SIZE) * 2, limit);
        MemorySegment larger;
        try {
            larger = heap(Math.max(needed, doubled));
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

    private static Trap oob(long ea) {
        return new Trap(Trap.Kind.OUT_OF_BOUNDS_MEMORY, "address " + Long.toUnsignedString(ea));
    }

    /**
     * Checks an access of {@code width} bytes at {@code ea} in one branch: negative {@code ea} (an unsigned
     * address of 2^63 or more) sets the sign bit of the OR; otherwise the difference cannot overflow and is
     * negative exactly when the access ends past the size.
     */
    private long check(long ea, int width) {
        if ((ea | (byteSize - width - ea)) < 0) {
            throw oob(ea);
        }
        return ea;
    }

    /** Checks that {@code [ea, ea+len)} lies in the memory; {@code ea} and {@code len} are unsigned. */
    public void checkRange(long ea, long len) {
        if (ea < 0 || len < 0 || ea > byteSize - len) {
            throw oob(ea);
        }
    }

    public int loadI32(long ea) {
        return segment.get(I32, check(ea, 4));
    }

    public long loadI64(long ea) {
        return segment.get(I64, check(ea, 8));
    }

    public float loadF32(long ea) {
        return Float.intBitsToFloat(loadI32(ea));
    }

    public double loadF64(long ea) {
        return Double.longBitsToDouble(loadI64(ea));
    }

    /** Signed byte. */
    public byte loadI8(long ea) {
        return segment.get(I8, check(ea, 1));
    }

    /** Signed 16 bits. */
    public short loadI16(long ea) {
        return segment.get(I16, check(ea, 2));
    }

    public void storeI8(long ea, byte v) {
        segment.set(I8, check(ea, 1), v);
    }

    public void storeI16(long ea, short v) {
        segment.set(I16, check(ea, 2), v);
    }

    public void storeI32(long ea, int v) {
        segment.set(I32, check(ea, 4), v);
    }

    public void storeI64(long ea, long v) {
        segment.set(I64, check(ea, 8), v);
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
        byte[] out = new byte[len];
        MemorySegment.copy(segment, I8, ea, out, 0, len);
        return out;
    }

    /** Copies {@code src[srcOff .. srcOff+len)} to {@code ea}; traps (writing nothing) if out of bounds. */
    public void write(long ea, byte[] src, int srcOff, int len) {
        checkRange(ea, len);
        MemorySegment.copy(src, srcOff, segment, I8, ea, len);
    }

    public void write(long ea, byte[] src) {
        write(ea, src, 0, src.length);
    }

    /** Reads a NUL-terminated UTF-8 string starting at {@code ea}. */
    public String readCString(long ea) {
        long start = check(ea, 0);
        long end = start;
        while (end < byteSize && segment.get(I8, end) != 0) {
            end++;
        }
        if (end - start > Integer.MAX_VALUE - 8) {
            throw oob(ea); // no Java string can hold it
        }
        return new String(read(start, (int) (end - start)), StandardCharsets.UTF_8);
    }

    /** Reads {@code len} bytes at {@code ea} as UTF-8. */
    public String readString(long ea, int len) {
        return new String(read(ea, len), StandardCharsets.UTF_8);
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
        if (len > 0) {
            segment.asSlice(ea, len).fill(value);
        }
    }

    /** {@code memory.copy} from {@code src} (possibly this memory; overlapping ranges are handled). */
    public void copy(long dst, Memory src, long srcEa, long len) {
        checkRange(dst, len);
        src.checkRange(srcEa, len);
        if (len > 0) {
            MemorySegment.copy(src.segment, srcEa, segment, dst, len);
        }
    }

    /** {@code memory.init}: copies {@code data[srcOff .. srcOff+len)}; all offsets unsigned. */
    public void init(long dst, byte[] data, long srcOff, long len) {
        if (srcOff < 0 || len < 0 || srcOff > data.length - len) {
            throw new Trap(Trap.Kind.OUT_OF_BOUNDS_MEMORY);
        }
        checkRange(dst, len);
        MemorySegment.copy(data, (int) srcOff, segment, I8, dst, (int) len);
    }
}
