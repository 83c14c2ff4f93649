package dev.ligature.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bounds, growth, limits and byte order of the linear memory, on the array and heap backings. */
class MemoryTest {
    static final int PAGE = Memory.PAGE_SIZE;

    static Memory memory(Memory.Backing b, long min, long max, boolean is64, long cap) {
        return Memory.create(new MemoryType(new Limits(min, max), false, is64), cap, b);
    }

    static Memory heap(long min, long max, boolean is64, long cap) {
        return memory(Memory.Backing.HEAP, min, max, is64, cap);
    }

    static void assertOob(LongConsumer access, long ea) {
        Trap t = assertThrows(Trap.class, () -> access.accept(ea), "address " + Long.toUnsignedString(ea));
        assertEquals(Trap.Kind.OUT_OF_BOUNDS_MEMORY, t.kind());
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void everyWidthTrapsExactlyOneByteBeyondTheEdge(Memory.Backing b) {
        Memory m = memory(b, 1, -1, false, -1);
        long end = PAGE;
        m.storeI8(end - 1, (byte) 1);
        m.storeI16(end - 2, (short) 1);
        m.storeI32(end - 4, 1);
        m.storeI64(end - 8, 1);
        m.storeF32(end - 4, 1f);
        m.storeF64(end - 8, 1d);
        assertOob(a -> m.storeI8(a, (byte) 1), end);
        assertOob(a -> m.loadI8(a), end);
        assertOob(a -> m.storeI16(a, (short) 1), end - 1);
        assertOob(a -> m.loadI16(a), end - 1);
        assertOob(a -> m.storeI32(a, 1), end - 3);
        assertOob(a -> m.loadI32(a), end - 3);
        assertOob(a -> m.loadF32(a), end - 3);
        assertOob(a -> m.storeI64(a, 1), end - 7);
        assertOob(a -> m.loadI64(a), end - 7);
        assertOob(a -> m.loadF64(a), end - 7);
        // Unsigned addresses of 2^63 and more arrive as negative longs.
        for (long ea : new long[] {-1, -4, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 3}) {
            assertOob(a -> m.loadI32(a), ea);
            assertOob(a -> m.storeI8(a, (byte) 0), ea);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void aZeroPageMemoryRejectsEveryAccess(Memory.Backing b) {
        Memory m = memory(b, 0, -1, false, -1);
        assertEquals(0, m.byteSize());
        assertOob(a -> m.loadI8(a), 0);
        assertOob(a -> m.loadI64(a), 0);
        m.fill(0, (byte) 1, 0); // empty ranges at the end are in bounds
        m.checkRange(0, 0);
        assertOob(a -> m.checkRange(a, 0), 1);
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void valuesAreLittleEndianAndUnalignedAccessWorks(Memory.Backing b) {
        Memory m = memory(b, 1, -1, false, -1);
        m.storeI32(0, 0x04030201);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, m.read(0, 4));
        m.storeI64(13, 0x0807060504030201L); // straddles 8-byte words of the backing long[]
        assertEquals(0x0807060504030201L, m.loadI64(13));
        assertEquals(0x0605, m.loadI16(17));
        assertEquals((byte) 8, m.loadI8(20));
        m.storeF64(3, -2.5);
        assertEquals(-2.5, m.loadF64(3));
        m.storeI8(40, (byte) 0xFF);
        assertEquals(-1, m.loadI8(40), "signed");
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void growReturnsOldPagesAndNewPagesAreZero(Memory.Backing b) {
        Memory m = memory(b, 1, 10, false, -1);
        m.fill(0, (byte) 0x5A, PAGE);
        assertEquals(1, m.grow(2));
        assertEquals(3, m.pages());
        assertEquals(3L * PAGE, m.byteSize());
        assertEquals(0x5A5A5A5A, m.loadI32(PAGE - 4), "old contents kept");
        for (long a = PAGE; a < 3L * PAGE; a += 8) {
            assertEquals(0, m.loadI64(a), "new page byte at " + a);
        }
        assertEquals(3, m.grow(0));
        assertEquals(-1, m.grow(-1));
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void growWithinCapacityDoesNotCopy(Memory.Backing b) {
        Memory m = memory(b, 1, 1000, false, -1);
        assertEquals(1, m.grow(1)); // beyond the initial capacity: one copy, with headroom
        assertEquals(1, m.copies());
        assertTrue(m.capacity() >= m.byteSize());
        m.grow(1);
        long copiesBefore = m.copies();
        var segmentBefore = m.segment();
        long spare = (m.capacity() - m.byteSize()) / PAGE;
        assertTrue(spare > 0, "doubling leaves headroom: capacity " + m.capacity() + ", size " + m.byteSize());
        // Dirty the last page, then grow into the headroom: the new pages must read as zero.
        m.fill(m.byteSize() - PAGE, (byte) 7, PAGE);
        long pagesBefore = m.pages();
        assertEquals(pagesBefore, m.grow(spare));
        assertEquals(m.capacity(), m.byteSize(), "grew exactly into the headroom");
        assertSame(segmentBefore, m.segment(), "growth inside the capacity keeps the backing");
        assertEquals(copiesBefore, m.copies());
        assertEquals(0, m.loadI64(m.byteSize() - 8));
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void growingOnePageAtATimeCopiesLogarithmicallyOften(Memory.Backing b) {
        Memory m = memory(b, 1, -1, false, -1);
        for (int i = 0; i < 1023; i++) {
            assertEquals(1 + i, m.grow(1));
        }
        assertEquals(1024, m.pages());
        // Capacity doubles from one page: 2, 4, ..., 1024 pages is ten reallocations.
        assertTrue(m.copies() <= 10, "copies: " + m.copies());
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void theDeclaredMaximumStopsGrowth(Memory.Backing b) {
        Memory m = memory(b, 2, 5, false, -1);
        assertEquals(5, m.maxPages());
        assertEquals(-1, m.grow(4));
        assertEquals(2, m.pages(), "a failed grow changes nothing");
        assertEquals(2, m.grow(3));
        assertEquals(-1, m.grow(1));
        assertEquals(5L * PAGE, m.capacity(), "headroom never exceeds the maximum");
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void theEmbedderCapStopsGrowthAndInstantiation(Memory.Backing b) {
        Memory m = memory(b, 1, 100, false, 3);
        assertEquals(3, m.maxPages());
        assertEquals(-1, m.grow(3));
        assertEquals(1, m.grow(2));
        Trap t = assertThrows(Trap.class, () -> memory(b, 4, 100, false, 3));
        assertEquals(Trap.Kind.LIMIT_EXCEEDED, t.kind());
    }

    @Test
    void aWasm32MemoryWithoutMaximumStopsAt4GiBOnTheHeapAndBelow2GiBInAnArray() {
        assertEquals(65536, heap(0, -1, false, -1).maxPages());
        Memory array = memory(Memory.Backing.ARRAY, 1, -1, false, -1);
        assertEquals(32767, array.maxPages(), "a byte[] holds at most 2 GiB - 64 KiB");
        assertEquals(-1, array.grow(32767), "growth past the array limit fails without allocating");
        assertEquals(1, array.pages());
        assertEquals(32767, memory(Memory.Backing.ARRAY, 1, 65536, true, -1).maxPages(), "memory64 alike");
    }

    @Test
    void memory64AddressesBeyondTheSizeTrapAndBeyond16GiBTheHeapRefuses() {
        Memory m = heap(1, -1, true, -1);
        assertEquals(Memory.MAX_HEAP_PAGES, m.maxPages(), "unbounded memory64 on the heap: the long[] limit");
        assertOob(a -> m.loadI32(a), 1L << 32);
        assertOob(a -> m.loadI32(a), (1L << 32) + 8);
        assertOob(a -> m.storeI64(a, 0), (1L << 40));
        assertEquals(-1, m.grow(Memory.MAX_HEAP_PAGES), "one page more than the heap can back");
        assertEquals(-1, m.grow(1L << 48));
        Trap t = assertThrows(Trap.class, () -> heap(Memory.MAX_HEAP_PAGES + 1, -1, true, -1));
        assertEquals(Trap.Kind.LIMIT_EXCEEDED, t.kind());
    }

    @Test
    void pyodidesMemoryOf30MiBWithA4GiBMaximumInstantiatesAndGrows() {
        long min = 30L * 1024 * 1024 / PAGE;
        Memory m = Memory.create(new MemoryType(new Limits(min, 65536), false, false), -1);
        assertEquals(min, m.pages());
        assertEquals(m.backing() == Memory.Backing.MMAP ? 65536 : Memory.MAX_ARRAY_PAGES, m.maxPages());
        assertEquals(min, m.grow(16));
        m.storeI32(m.byteSize() - 4, 42);
        assertEquals(42, m.loadI32(m.byteSize() - 4));
        assertOob(a -> m.loadI8(a), m.byteSize());
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void bulkOperationsCheckTheWholeRangeFirst(Memory.Backing b) {
        Memory m = memory(b, 1, -1, false, -1);
        m.write(10, new byte[] {1, 2, 3, 4, 5});
        m.copy(12, m, 10, 5); // overlapping, forwards
        assertArrayEquals(new byte[] {1, 2, 1, 2, 3, 4, 5}, m.read(10, 7));
        m.copy(10, m, 12, 5); // overlapping, backwards
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, m.read(10, 5));
        assertOob(a -> m.fill(a, (byte) 9, 2), PAGE - 1);
        assertEquals(0, m.loadI8(PAGE - 1), "a trapping fill writes nothing");
        assertOob(a -> m.copy(a, m, 0, 8), PAGE - 4);
        assertOob(a -> m.write(a, new byte[4]), PAGE - 3);
        m.init(100, new byte[] {9, 8, 7}, 1, 2);
        assertArrayEquals(new byte[] {8, 7}, m.read(100, 2));
        assertEquals(Trap.Kind.OUT_OF_BOUNDS_MEMORY,
                assertThrows(Trap.class, () -> m.init(0, new byte[3], 2, 2)).kind());
        Memory other = memory(b, 1, -1, false, -1);
        other.copy(0, m, 10, 5);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, other.read(0, 5));
    }

    @Test
    void copyBetweenBackingsOfDifferentKinds() {
        Memory array = memory(Memory.Backing.ARRAY, 1, -1, false, -1);
        Memory heap = heap(1, -1, false, -1);
        array.write(100, new byte[] {1, 2, 3, 4, 5, 6});
        heap.copy(7, array, 100, 6);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, heap.read(7, 6));
        heap.fill(8, (byte) 9, 2);
        array.copy(0, heap, 7, 6);
        assertArrayEquals(new byte[] {1, 9, 9, 4, 5, 6}, array.read(0, 6));
        assertOob(a -> array.copy(a, heap, 0, 8), PAGE - 4);
    }

    @ParameterizedTest
    @EnumSource(names = {"ARRAY", "HEAP"})
    void stringsRoundTripAndCStringsStopAtNulOrTheEnd(Memory.Backing b) {
        Memory m = memory(b, 1, -1, false, -1);
        int n = m.writeString(0, "héllo");
        assertEquals(6, n);
        assertEquals("héllo", m.readString(0, n));
        assertEquals("héllo", m.readCString(0));
        m.writeString(PAGE - 2, "ab");
        assertEquals("ab", m.readCString(PAGE - 2), "unterminated at the end of memory");
        assertEquals("", m.readCString(PAGE));
        assertOob(a -> m.readCString(a), PAGE + 1);
    }

    @Test
    void theDefaultPathUsesAnArrayUnlessNativeAccessIsGranted() {
        Memory m = Memory.of(1, 2);
        assertEquals(MappedReservation.available() ? Memory.Backing.MMAP : Memory.Backing.ARRAY, m.backing());
        Memory requested = Memory.create(new MemoryType(new Limits(1, 2), false, false), -1, Memory.Backing.MMAP);
        assertEquals(MappedReservation.available() ? Memory.Backing.MMAP : Memory.Backing.ARRAY, requested.backing(),
                "mmap falls back to an array when it cannot work");
        assertEquals(Memory.Backing.HEAP, heap(1, 2, false, -1).backing(), "the long[] heap only on request");
    }
}
