package dev.ligature.bench.memory;

/**
 * The Wasm-like workloads of {@link MemoryRepresentationBenchmark}, written once per candidate. The candidates
 * share no interface on purpose: every call site here sees exactly one concrete class, as the runtime's single final
 * {@code Memory} class will. The bodies are identical across candidates.
 */
final class Workloads {
    private Workloads() {}

    // ---- ByteArrayMemory ----

    static long seqSumI32(ByteArrayMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 4) {
            sum += m.loadI32(i, 0);
        }
        return sum;
    }

    static long randomLoadI32(ByteArrayMemory m, int[] addresses) {
        long sum = 0;
        for (int address : addresses) {
            sum += m.loadI32(address, 0);
        }
        return sum;
    }

    static void storeI32(ByteArrayMemory m, int bytes) {
        for (int i = 0; i < bytes; i += 4) {
            m.storeI32(i, 0, i);
        }
    }

    static long seqSumI64(ByteArrayMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 8) {
            sum += m.loadI64(i, 0);
        }
        return sum;
    }

    static void storeI8(ByteArrayMemory m, int bytes) {
        for (int i = 0; i < bytes; i++) {
            m.storeI8(i, 0, i);
        }
    }

    static void bulkCopy(ByteArrayMemory m, int bytes) {
        m.copy(bytes >>> 1, 0, bytes >>> 1);
    }

    /** a[i + 2] = a[i] + a[i + 1] over 12-byte records, addressed as a compiler would: base index + offsets. */
    static void mixed(ByteArrayMemory m, int bytes) {
        for (int i = 0; i + 12 <= bytes; i += 12) {
            m.storeI32(i, 8, m.loadI32(i, 0) + m.loadI32(i, 4));
        }
    }

    // ---- HeapSegmentMemory ----

    static long seqSumI32(HeapSegmentMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 4) {
            sum += m.loadI32(i, 0);
        }
        return sum;
    }

    static long randomLoadI32(HeapSegmentMemory m, int[] addresses) {
        long sum = 0;
        for (int address : addresses) {
            sum += m.loadI32(address, 0);
        }
        return sum;
    }

    static void storeI32(HeapSegmentMemory m, int bytes) {
        for (int i = 0; i < bytes; i += 4) {
            m.storeI32(i, 0, i);
        }
    }

    static long seqSumI64(HeapSegmentMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 8) {
            sum += m.loadI64(i, 0);
        }
        return sum;
    }

    static void storeI8(HeapSegmentMemory m, int bytes) {
        for (int i = 0; i < bytes; i++) {
            m.storeI8(i, 0, i);
        }
    }

    static void bulkCopy(HeapSegmentMemory m, int bytes) {
        m.copy(bytes >>> 1, 0, bytes >>> 1);
    }

    /** a[i + 2] = a[i] + a[i + 1] over 12-byte records, addressed as a compiler would: base index + offsets. */
    static void mixed(HeapSegmentMemory m, int bytes) {
        for (int i = 0; i + 12 <= bytes; i += 12) {
            m.storeI32(i, 8, m.loadI32(i, 0) + m.loadI32(i, 4));
        }
    }

    // ---- NativeSegmentMemory ----

    static long seqSumI32(NativeSegmentMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 4) {
            sum += m.loadI32(i, 0);
        }
        return sum;
    }

    static long randomLoadI32(NativeSegmentMemory m, int[] addresses) {
        long sum = 0;
        for (int address : addresses) {
            sum += m.loadI32(address, 0);
        }
        return sum;
    }

    static void storeI32(NativeSegmentMemory m, int bytes) {
        for (int i = 0; i < bytes; i += 4) {
            m.storeI32(i, 0, i);
        }
    }

    static long seqSumI64(NativeSegmentMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 8) {
            sum += m.loadI64(i, 0);
        }
        return sum;
    }

    static void storeI8(NativeSegmentMemory m, int bytes) {
        for (int i = 0; i < bytes; i++) {
            m.storeI8(i, 0, i);
        }
    }

    static void bulkCopy(NativeSegmentMemory m, int bytes) {
        m.copy(bytes >>> 1, 0, bytes >>> 1);
    }

    /** a[i + 2] = a[i] + a[i + 1] over 12-byte records, addressed as a compiler would: base index + offsets. */
    static void mixed(NativeSegmentMemory m, int bytes) {
        for (int i = 0; i + 12 <= bytes; i += 12) {
            m.storeI32(i, 8, m.loadI32(i, 0) + m.loadI32(i, 4));
        }
    }

    // ---- DirectBufferMemory ----

    static long seqSumI32(DirectBufferMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 4) {
            sum += m.loadI32(i, 0);
        }
        return sum;
    }

    static long randomLoadI32(DirectBufferMemory m, int[] addresses) {
        long sum = 0;
        for (int address : addresses) {
            sum += m.loadI32(address, 0);
        }
        return sum;
    }

    static void storeI32(DirectBufferMemory m, int bytes) {
        for (int i = 0; i < bytes; i += 4) {
            m.storeI32(i, 0, i);
        }
    }

    static long seqSumI64(DirectBufferMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 8) {
            sum += m.loadI64(i, 0);
        }
        return sum;
    }

    static void storeI8(DirectBufferMemory m, int bytes) {
        for (int i = 0; i < bytes; i++) {
            m.storeI8(i, 0, i);
        }
    }

    static void bulkCopy(DirectBufferMemory m, int bytes) {
        m.copy(bytes >>> 1, 0, bytes >>> 1);
    }

    /** a[i + 2] = a[i] + a[i + 1] over 12-byte records, addressed as a compiler would: base index + offsets. */
    static void mixed(DirectBufferMemory m, int bytes) {
        for (int i = 0; i + 12 <= bytes; i += 12) {
            m.storeI32(i, 8, m.loadI32(i, 0) + m.loadI32(i, 4));
        }
    }

    // ---- LongArraySegmentMemory ----

    static long seqSumI32(LongArraySegmentMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 4) {
            sum += m.loadI32(i, 0);
        }
        return sum;
    }

    static long randomLoadI32(LongArraySegmentMemory m, int[] addresses) {
        long sum = 0;
        for (int address : addresses) {
            sum += m.loadI32(address, 0);
        }
        return sum;
    }

    static void storeI32(LongArraySegmentMemory m, int bytes) {
        for (int i = 0; i < bytes; i += 4) {
            m.storeI32(i, 0, i);
        }
    }

    static long seqSumI64(LongArraySegmentMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 8) {
            sum += m.loadI64(i, 0);
        }
        return sum;
    }

    static void storeI8(LongArraySegmentMemory m, int bytes) {
        for (int i = 0; i < bytes; i++) {
            m.storeI8(i, 0, i);
        }
    }

    static void bulkCopy(LongArraySegmentMemory m, int bytes) {
        m.copy(bytes >>> 1, 0, bytes >>> 1);
    }

    /** a[i + 2] = a[i] + a[i + 1] over 12-byte records, addressed as a compiler would: base index + offsets. */
    static void mixed(LongArraySegmentMemory m, int bytes) {
        for (int i = 0; i + 12 <= bytes; i += 12) {
            m.storeI32(i, 8, m.loadI32(i, 0) + m.loadI32(i, 4));
        }
    }

    // ---- MmapMemory ----

    static long seqSumI32(MmapMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 4) {
            sum += m.loadI32(i, 0);
        }
        return sum;
    }

    static long randomLoadI32(MmapMemory m, int[] addresses) {
        long sum = 0;
        for (int address : addresses) {
            sum += m.loadI32(address, 0);
        }
        return sum;
    }

    static void storeI32(MmapMemory m, int bytes) {
        for (int i = 0; i < bytes; i += 4) {
            m.storeI32(i, 0, i);
        }
    }

    static long seqSumI64(MmapMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 8) {
            sum += m.loadI64(i, 0);
        }
        return sum;
    }

    static void storeI8(MmapMemory m, int bytes) {
        for (int i = 0; i < bytes; i++) {
            m.storeI8(i, 0, i);
        }
    }

    static void bulkCopy(MmapMemory m, int bytes) {
        m.copy(bytes >>> 1, 0, bytes >>> 1);
    }

    /** a[i + 2] = a[i] + a[i + 1] over 12-byte records, addressed as a compiler would: base index + offsets. */
    static void mixed(MmapMemory m, int bytes) {
        for (int i = 0; i + 12 <= bytes; i += 12) {
            m.storeI32(i, 8, m.loadI32(i, 0) + m.loadI32(i, 4));
        }
    }
    // ---- AnySegmentMemory ----

    static long seqSumI32(AnySegmentMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 4) {
            sum += m.loadI32(i, 0);
        }
        return sum;
    }

    static long randomLoadI32(AnySegmentMemory m, int[] addresses) {
        long sum = 0;
        for (int address : addresses) {
            sum += m.loadI32(address, 0);
        }
        return sum;
    }

    static void storeI32(AnySegmentMemory m, int bytes) {
        for (int i = 0; i < bytes; i += 4) {
            m.storeI32(i, 0, i);
        }
    }

    static long seqSumI64(AnySegmentMemory m, int bytes) {
        long sum = 0;
        for (int i = 0; i < bytes; i += 8) {
            sum += m.loadI64(i, 0);
        }
        return sum;
    }

    static void storeI8(AnySegmentMemory m, int bytes) {
        for (int i = 0; i < bytes; i++) {
            m.storeI8(i, 0, i);
        }
    }

    static void bulkCopy(AnySegmentMemory m, int bytes) {
        m.copy(bytes >>> 1, 0, bytes >>> 1);
    }

    /** a[i + 2] = a[i] + a[i + 1] over 12-byte records, addressed as a compiler would: base index + offsets. */
    static void mixed(AnySegmentMemory m, int bytes) {
        for (int i = 0; i + 12 <= bytes; i += 12) {
            m.storeI32(i, 8, m.loadI32(i, 0) + m.loadI32(i, 4));
        }
    }
}
