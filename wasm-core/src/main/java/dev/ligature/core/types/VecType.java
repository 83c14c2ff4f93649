package dev.ligature.core.types;

/**
 * The 128-bit vector type of the SIMD instructions. In slot form a v128 takes two {@code long}s:
 * bytes 0-7, then bytes 8-15, each little-endian (byte 0 in the low
 * bits of the first).
 */
public enum VecType implements ValType {
    /** {@code v128}: 128 bits, interpreted per instruction as lanes of integers or floats. */
    V128;

    /** The byte that encodes {@code v128} in the binary format. */
    public static final int CODE = 0x7B;

    /** {@return true: a vector defaults to all zero bits} */
    @Override
    public boolean defaultable() {
        return true;
    }

    /** {@return {@code "v128"}} */
    @Override
    public String toString() {
        return "v128";
    }
}
