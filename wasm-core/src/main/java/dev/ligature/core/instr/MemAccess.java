package dev.ligature.core.instr;

import dev.ligature.core.types.NumType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;

/**
 * How a load or store accesses memory, as its {@link Opcode} row states it: the engines derive the
 * memory operation of every load and store from this instead of listing the instructions.
 *
 * @param bytes  bytes read or written at the effective address (1, 2, 4, 8 or 16; the natural alignment)
 * @param type   the Wasm type of the value loaded or stored ({@link NumType} or {@link VecType#V128})
 * @param store  whether the access writes memory (a store, {@code v128.storeN_lane}) rather than reads it
 * @param signed whether a widening load sign-extends what it reads ({@code i64.load8_s},
 *               {@code v128.load8x8_s}); false for every other access
 */
public record MemAccess(int bytes, ValType type, boolean store, boolean signed) {
    /** Whether the value is a number (not a v128). */
    public boolean scalar() {
        return type instanceof NumType;
    }

    /**
     * Whether a scalar access moves fewer bytes than its type holds: a load that extends what it reads
     * ({@code i32.load8_u}, {@code i64.load32_s}) or a store that wraps the value ({@code i64.store16}).
     */
    public boolean partial() {
        return type instanceof NumType n && bytes < size(n);
    }

    private static int size(NumType t) {
        return t == NumType.I32 || t == NumType.F32 ? 4 : 8;
    }

    /**
     * The access of the memory instruction {@code mnemonic} with type rule {@code sig} (address first,
     * then the stored value or the vector whose lane is loaded or stored) accessing {@code bytes} bytes;
     * {@code signed} is null unless the load widens what it reads. Rejects a row that contradicts itself.
     */
    static MemAccess of(String mnemonic, String sig, int bytes, Boolean signed) {
        if (sig == null || sig.charAt(0) != 'a' || Integer.bitCount(bytes) != 1 || bytes > 16) {
            throw new IllegalArgumentException(mnemonic + ": not a memory access rule: " + sig + ", " + bytes + " bytes");
        }
        boolean store = sig.endsWith(">");
        ValType type = type(mnemonic, store ? sig.charAt(sig.length() - 2) : sig.charAt(sig.length() - 1));
        MemAccess a = new MemAccess(bytes, type, store, signed != null && signed);
        // A scalar load narrower than its type must say how it extends, and no other scalar access may;
        // of the vector accesses, only loads may (those that widen lanes, v128.loadNxM).
        if (a.scalar() ? (signed != null) != (!store && a.partial()) : store && signed != null) {
            throw new IllegalArgumentException(mnemonic + ": signedness " + signed + " does not fit a " + bytes
                    + "-byte " + (store ? "store" : "load") + " of " + type);
        }
        return a;
    }

    private static ValType type(String mnemonic, char letter) {
        return switch (letter) {
            case 'i' -> NumType.I32;
            case 'I' -> NumType.I64;
            case 'f' -> NumType.F32;
            case 'F' -> NumType.F64;
            case 'v' -> VecType.V128;
            default -> throw new IllegalArgumentException(mnemonic + ": no value type in its rule");
        };
    }
}
