package dev.ligature.bench.memory;

/**
 * The Wasm bounds rule shared by every candidate memory: the effective address is the index read as an
 * unsigned 32-bit number plus the static offset, and an access of {@code size} bytes is in bounds only if
 * it ends at or before the current byte size.
 */
final class Bounds {
    private Bounds() {}

    /** Returns the effective address of an access, or throws if any of its bytes lie past {@code byteSize}. */
    static long check(int index, long offset, int size, long byteSize) {
        long address = Integer.toUnsignedLong(index) + offset;
        // offset < 2^32 and index < 2^32 in Wasm32, so the sum cannot overflow a long.
        if (address + size > byteSize) {
            throw outOfBounds(address, size, byteSize);
        }
        return address;
    }

    /** Checks a bulk range [address, address + length) against {@code byteSize}, all unsigned 32-bit. */
    static void checkRange(int address, int length, long byteSize) {
        if (Integer.toUnsignedLong(address) + Integer.toUnsignedLong(length) > byteSize) {
            throw outOfBounds(Integer.toUnsignedLong(address), Integer.toUnsignedLong(length), byteSize);
        }
    }

    // Kept out of line so the hot accessors stay small enough to inline.
    static RuntimeException outOfBounds(long address, long size, long byteSize) {
        return new IndexOutOfBoundsException(
                "out of bounds memory access: " + address + "+" + size + " > " + byteSize);
    }
}
