package dev.ligature.core.runtime;

import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;

/**
 * Run in a child JVM by {@link MmapBackingTest}, because native access is granted per JVM: prints the backing the
 * default path chose and, when it is mmap, checks the reservation's promises; exits non-zero on a failed check.
 */
public final class MmapBackingProbe {
    private MmapBackingProbe() {
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            System.out.println("FAILED: " + what);
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        long mib = 1024 * 1024 / Memory.PAGE_SIZE;
        // The first memory takes the backing the test asks for with -Dligature.memory.backing (the override's one reader).
        InstanceOptions.MemoryBacking requested = InstanceOptions.fromSystemProperties(InstanceOptions.DEFAULT).memoryBacking();
        Memory m = Memory.create(new MemoryType(new Limits(30 * mib, 65536), false, false), -1, requested);
        System.out.println("backing=" + m.backing());
        if (m.backing() == Memory.Backing.MMAP) {
            require(m.capacity() == 4L << 30, "the 4 GiB maximum is reserved: " + m.capacity());
            require(m.maxPages() == 65536, "max pages");
            var segment = m.segment();
            m.storeI64(m.byteSize() - 8, -1L);
            while (m.pages() < 256 * mib) {
                long old = m.pages();
                require(m.grow(16 * mib) == old, "grow returns the old size");
                require(m.loadI64(m.byteSize() - 8) == 0 && m.loadI8(old * Memory.PAGE_SIZE) == 0, "new pages are zero");
                m.storeI64(m.byteSize() - 8, -1L);
            }
            require(m.segment() == segment && m.copies() == 0, "growth never copies");
            require(m.grow(65536) == -1, "the maximum still holds");
            try {
                m.loadI32(m.byteSize() - 3);
                require(false, "out of bounds inside the reservation must trap");
            } catch (Trap t) {
                require(t.kind() == Trap.Kind.OUT_OF_BOUNDS_MEMORY, "trap kind");
            }
            Memory big = Memory.create(new MemoryType(new Limits(1, 1L << 48), false, true), -1);
            require(big.backing() == Memory.Backing.MMAP && big.maxPages() == Memory.MAX_MAPPED_PAGES,
                    "memory64 reservations stop at 64 GiB: " + big.backing() + " " + big.maxPages());
            require(big.grow(16) == 1, "memory64 grows");
            big.storeI64(big.byteSize() - 8, 5);
            require(big.loadI64(big.byteSize() - 8) == 5, "memory64 stores");
            Memory capped = Memory.create(new MemoryType(new Limits(1, 65536), false, false), 4);
            require(capped.capacity() == 4L * Memory.PAGE_SIZE && capped.grow(4) == -1 && capped.grow(3) == 1,
                    "the embedder cap bounds the reservation");
            // 4000 x 64 GiB is twice the 128 TiB address space: only unmapping what the GC found unreachable lets
            // the last reservation succeed. (A reservation may fall back to the heap meanwhile, while the cleaner
            // thread lags behind: that fallback is allowed.)
            for (int i = 0; i < 4000; i++) {
                Memory r = Memory.create(new MemoryType(new Limits(1, -1), false, true), -1);
                r.storeI8(0, (byte) 1);
                if (i % 50 == 0) {
                    System.gc();
                }
            }
            System.gc();
            try {
                Thread.sleep(300); // the cleaner thread unmaps after the collection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("last=" + Memory.create(new MemoryType(new Limits(1, -1), false, true), -1).backing());
        }
        System.out.println("ok");
    }
}
