package dev.ligature.core.exec;

/**
 * Integer lane kernels of {@link Simd}, each working on one 64-bit half of a v128 (lanes in
 * little-endian order: lane 0 in the lowest bits). Lanes of 8, 16 and 32 bits share one generic
 * loop parameterised by the lane width {@code w}; lane values are widened to long (sign- or
 * zero-extended) so saturation and widening products need no special cases.
 */
final class SimdInt {
    private SimdInt() {}

    // binary operation codes for bin()
    static final int ADD_SAT_S = 0, ADD_SAT_U = 1, SUB_SAT_S = 2, SUB_SAT_U = 3, MIN_S = 4, MIN_U = 5,
            MAX_S = 6, MAX_U = 7, AVGR_U = 8, EQ = 9, NE = 10, LT_S = 11, LT_U = 12, GT_S = 13, GT_U = 14,
            LE_S = 15, LE_U = 16, GE_S = 17, GE_U = 18, MUL = 19, Q15MULR_SAT_S = 20;

    // unary operation codes for un()
    static final int ABS = 0, NEG = 1, POPCNT = 2;

    // shift codes
    static final int SHL = 0, SHR_S = 1, SHR_U = 2;

    static final long H8 = 0x8080_8080_8080_8080L, H16 = 0x8000_8000_8000_8000L, H32 = 0x8000_0000_8000_0000L;

    /** The mask of the top bit of every lane of width {@code w}. */
    static long highBits(int w) {
        return w == 8 ? H8 : w == 16 ? H16 : w == 32 ? H32 : Long.MIN_VALUE;
    }

    static long mask(int w) {
        return w == 64 ? -1L : (1L << w) - 1;
    }

    /** Lane {@code i} (bit offset) of {@code h}, sign-extended. */
    static long sx(long h, int i, int w) {
        return (h << (64 - i - w)) >> (64 - w);
    }

    /** Lane at bit offset {@code i} of {@code h}, zero-extended. */
    static long zx(long h, int i, int w) {
        return (h >>> i) & mask(w);
    }

    /** Wrapping add of every lane, carries kept inside lanes (SWAR). */
    static long add(int w, long a, long b) {
        long hb = highBits(w);
        return ((a & ~hb) + (b & ~hb)) ^ ((a ^ b) & hb);
    }

    /** Wrapping subtract of every lane, borrows kept inside lanes (SWAR). */
    static long sub(int w, long a, long b) {
        long hb = highBits(w);
        return ((a | hb) - (b & ~hb)) ^ ((a ^ ~b) & hb);
    }

    /**
     * Binary lane operation {@code k} on lanes of width {@code w}: one switch per half, then a loop
     * specialised to the operation, so the lane loop holds no dispatch.
     */
    static long bin(int w, int k, long a, long b) {
        // Two smaller methods, so that each stays small enough for HotSpot to inline where k is a constant.
        return k >= EQ && k <= GE_U ? compare(w, k, a, b) : arith(w, k, a, b);
    }

    private static long arith(int w, int k, long a, long b) {
        return switch (k) {
            case ADD_SAT_S -> addSatS(w, a, b);
            case ADD_SAT_U -> addSatU(w, a, b);
            case SUB_SAT_S -> subSatS(w, a, b);
            case SUB_SAT_U -> subSatU(w, a, b);
            case MIN_S -> minS(w, a, b);
            case MIN_U -> minU(w, a, b);
            case MAX_S -> maxS(w, a, b);
            case MAX_U -> maxU(w, a, b);
            case AVGR_U -> avgrU(w, a, b);
            case MUL -> mul(w, a, b);
            case Q15MULR_SAT_S -> q15mulrSatS(a, b);
            default -> throw new AssertionError(k);
        };
    }

    private static long compare(int w, int k, long a, long b) {
        return switch (k) {
            case EQ -> eq(w, a, b);
            case NE -> ~eq(w, a, b);
            case LT_S -> ltS(w, a, b);
            case LT_U -> ltU(w, a, b);
            case GT_S -> ltS(w, b, a);
            case GT_U -> ltU(w, b, a);
            case LE_S -> ~ltS(w, b, a);
            case LE_U -> ~ltU(w, b, a);
            case GE_S -> ~ltS(w, a, b);
            case GE_U -> ~ltU(w, a, b);
            default -> throw new AssertionError(k);
        };
    }

    // The saturating, min/max, average and comparison kernels are SWAR: they work on all lanes of a
    // half at once with the carry, borrow and overflow bits of each lane's top bit, then spread a
    // per-lane flag over the lane. NumericsProperties checks them against plain lane loops.

    /** Each lane's top-bit flag in {@code flags} widened to all ones over that lane (no carries). */
    static long spread(int w, long flags) {
        return (flags >>> (w - 1)) * mask(w);
    }

    /** Lanes saturated towards the sign of {@code a}: 0x7F..F when non-negative, 0x80..0 when negative. */
    private static long signedLimit(int w, long a) {
        long hb = highBits(w);
        return ~hb + ((a & hb) >>> (w - 1));
    }

    static long addSatS(int w, long a, long b) {
        long sum = add(w, a, b);
        long overflow = spread(w, ~(a ^ b) & (a ^ sum) & highBits(w));
        return (sum & ~overflow) | (signedLimit(w, a) & overflow);
    }

    static long addSatU(int w, long a, long b) {
        long sum = add(w, a, b);
        long carry = ((a & b) | ((a | b) & ~sum)) & highBits(w);
        return sum | spread(w, carry);
    }

    static long subSatS(int w, long a, long b) {
        long diff = sub(w, a, b);
        long overflow = spread(w, (a ^ b) & (a ^ diff) & highBits(w));
        return (diff & ~overflow) | (signedLimit(w, a) & overflow);
    }

    static long subSatU(int w, long a, long b) {
        return sub(w, a, b) & ~ltU(w, a, b);
    }

    static long minS(int w, long a, long b) {
        long lt = ltS(w, a, b);
        return (a & lt) | (b & ~lt);
    }

    static long minU(int w, long a, long b) {
        long lt = ltU(w, a, b);
        return (a & lt) | (b & ~lt);
    }

    static long maxS(int w, long a, long b) {
        long lt = ltS(w, a, b);
        return (b & lt) | (a & ~lt);
    }

    static long maxU(int w, long a, long b) {
        long lt = ltU(w, a, b);
        return (b & lt) | (a & ~lt);
    }

    /** (a + b + 1) / 2 per lane, as (a | b) - ((a ^ b) / 2), which cannot overflow the lane. */
    static long avgrU(int w, long a, long b) {
        return sub(w, a | b, ((a ^ b) >>> 1) & ~highBits(w));
    }

    /** All ones in the lanes where a and b are equal (SWAR: a lane of a ^ b is zero). */
    static long eq(int w, long a, long b) {
        long hb = highBits(w);
        long x = a ^ b;
        long nonZero = (((x & ~hb) + ~hb) | x) & hb; // top bit of each lane set iff the lane is non-zero
        return spread(w, ~nonZero & hb);
    }

    /** All ones in the lanes where a < b, unsigned: the borrow out of each lane's top bit in a - b. */
    static long ltU(int w, long a, long b) {
        long diff = sub(w, a, b);
        return spread(w, ((~a & b) | (~(a ^ b) & diff)) & highBits(w));
    }

    /** Signed a < b is unsigned a < b with the sign bits flipped. */
    static long ltS(int w, long a, long b) {
        long hb = highBits(w);
        return ltU(w, a ^ hb, b ^ hb);
    }

    static long mul(int w, long a, long b) {
        if (w == 32) {
            return ((int) a * (int) b & 0xFFFF_FFFFL) | ((long) ((int) (a >>> 32) * (int) (b >>> 32)) << 32);
        }
        long m = mask(w);
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= ((zx(a, i, w) * zx(b, i, w)) & m) << i;
        }
        return r;
    }

    /** Rounding Q15 multiply of i16 lanes; only -32768 * -32768 saturates. */
    static long q15mulrSatS(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 16) {
            long v = (sx(a, i, 16) * sx(b, i, 16) + 0x4000) >> 15;
            r |= (Math.min(0x7FFF, v) & 0xFFFF) << i;
        }
        return r;
    }

    static long un(int w, int k, long a) {
        return switch (k) {
            case ABS -> abs(w, a);
            case NEG -> sub(w, 0, a);
            case POPCNT -> popcnt8(a);
            default -> throw new AssertionError(k);
        };
    }

    static long abs(int w, long a) {
        long m = mask(w);
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= (Math.abs(sx(a, i, w)) & m) << i;
        }
        return r;
    }

    /** Bit count of every byte (SWAR: pairs, then nibbles, then bytes). */
    static long popcnt8(long x) {
        x = x - ((x >>> 1) & 0x5555_5555_5555_5555L);
        x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
        return (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
    }

    /** Shifts every lane by {@code n} modulo the lane width. */
    static long shift(int w, int k, long a, int n) {
        n &= w - 1;
        if (w == 64) {
            return k == SHL ? a << n : k == SHR_S ? a >> n : a >>> n;
        }
        long m = mask(w);
        long r = 0;
        switch (k) {
            case SHL -> {
                // bits pushed out of a lane land in the next lane's low bits: mask them off per lane
                long keep = splat(w, m << n);
                r = (a << n) & keep;
            }
            case SHR_U -> {
                long keep = splat(w, m >>> n);
                r = (a >>> n) & keep;
            }
            default -> {
                for (int i = 0; i < 64; i += w) {
                    r |= ((sx(a, i, w) >> n) & m) << i;
                }
            }
        }
        return r;
    }

    /**
     * Widens lanes {@code first}, {@code first + 1}, ... of width {@code w} in {@code h} into one
     * half of lanes of width {@code 2w}.
     */
    static long widen(int w, boolean signed, long h, int first) {
        int w2 = 2 * w;
        long m2 = mask(w2);
        long r = 0;
        int lane = first;
        for (int i = 0; i < 64; i += w2, lane++) {
            long v = signed ? sx(h, lane * w, w) : zx(h, lane * w, w);
            r |= (v & m2) << i;
        }
        return r;
    }

    /** As {@link #widen}, the products of corresponding lanes of {@code a} and {@code b}. */
    static long extmul(int w, boolean signed, long a, long b, int first) {
        int w2 = 2 * w;
        long m2 = mask(w2);
        long r = 0;
        int lane = first;
        for (int i = 0; i < 64; i += w2, lane++) {
            long x = signed ? sx(a, lane * w, w) : zx(a, lane * w, w);
            long y = signed ? sx(b, lane * w, w) : zx(b, lane * w, w);
            r |= ((x * y) & m2) << i;
        }
        return r;
    }

    /** Sums adjacent pairs of lanes of width {@code w}, widened, into lanes of width {@code 2w}. */
    static long pairwise(int w, boolean signed, long h) {
        int w2 = 2 * w;
        long m2 = mask(w2);
        long r = 0;
        for (int i = 0; i < 64; i += w2) {
            long x = signed ? sx(h, i, w) : zx(h, i, w);
            long y = signed ? sx(h, i + w, w) : zx(h, i + w, w);
            r |= ((x + y) & m2) << i;
        }
        return r;
    }

    /**
     * Narrows the signed lanes of width {@code w} of {@code h0} then {@code h1} into one half of
     * lanes of width {@code w/2}, saturating to the signed or unsigned range.
     */
    static long narrow(int w, boolean signed, long h0, long h1) {
        int wn = w / 2;
        long lo = signed ? -(1L << (wn - 1)) : 0;
        long hi = signed ? (1L << (wn - 1)) - 1 : (1L << wn) - 1;
        long mn = mask(wn);
        long r = 0;
        int o = 0;
        for (int i = 0; i < 64; i += w, o += wn) {
            r |= (Math.max(lo, Math.min(hi, sx(h0, i, w))) & mn) << o;
        }
        for (int i = 0; i < 64; i += w, o += wn) {
            r |= (Math.max(lo, Math.min(hi, sx(h1, i, w))) & mn) << o;
        }
        return r;
    }

    /** Two i32 lanes: a[2j]*b[2j] + a[2j+1]*b[2j+1] of the signed i16 lanes, wrapping. */
    static long dotI16(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 32) {
            long v = sx(a, i, 16) * sx(b, i, 16) + sx(a, i + 16, 16) * sx(b, i + 16, 16);
            r |= (v & 0xFFFF_FFFFL) << i;
        }
        return r;
    }

    /**
     * Four i16 lanes of pairwise products of signed i8 lanes, summed with wrap-around. Relaxed
     * choice: the second operand is read as signed, the intermediate sum does not saturate.
     */
    static long relaxedDotI8(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 16) {
            long v = sx(a, i, 8) * sx(b, i, 8) + sx(a, i + 8, 8) * sx(b, i + 8, 8);
            r |= (v & 0xFFFF) << i;
        }
        return r;
    }

    /** Two i32 lanes: the sum of four signed i8 products plus the lane of {@code c}, wrapping. */
    static long relaxedDotI8Add(long a, long b, long c) {
        long r = 0;
        for (int i = 0; i < 64; i += 32) {
            long v = sx(c, i, 32);
            for (int j = i; j < i + 32; j += 8) {
                v += sx(a, j, 8) * sx(b, j, 8);
            }
            r |= (v & 0xFFFF_FFFFL) << i;
        }
        return r;
    }

    /** Whether every lane of width {@code w} in {@code h} is non-zero. */
    static boolean allTrue(int w, long h) {
        long m = mask(w);
        for (int i = 0; i < 64; i += w) {
            if (((h >>> i) & m) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The top bits of the lanes of width {@code w} in {@code h}, lane 0 in bit 0. */
    static int bitmask(int w, long h) {
        int r = 0;
        int bit = 0;
        for (int i = w - 1; i < 64; i += w, bit++) {
            r |= (int) ((h >>> i) & 1) << bit;
        }
        return r;
    }

    /** The same value of width {@code w} in every lane. */
    static long splat(int w, long v) {
        return switch (w) {
            case 8 -> (v & 0xFF) * 0x0101_0101_0101_0101L;
            case 16 -> (v & 0xFFFF) * 0x0001_0001_0001_0001L;
            case 32 -> (v & 0xFFFF_FFFFL) * 0x0000_0001_0000_0001L;
            default -> v;
        };
    }

    /** Byte {@code idx} (0-15) of the vector {@code lo}, {@code hi}. */
    static long byteAt(long lo, long hi, int idx) {
        return ((idx < 8 ? lo >>> (idx << 3) : hi >>> ((idx - 8) << 3))) & 0xFF;
    }

    /** Eight bytes of a swizzle: byte j of the result is byte {@code idx[j]} of a, or 0 past 15. */
    static long swizzle(long lo, long hi, long idx) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int k = (int) ((idx >>> i) & 0xFF);
            if (k < 16) {
                r |= byteAt(lo, hi, k) << i;
            }
        }
        return r;
    }
}
