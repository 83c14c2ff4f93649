package dev.ligature.core.exec;

import dev.ligature.core.instr.Opcode;
import dev.ligature.core.runtime.Trap;

/**
 * The scalar numeric instructions of WebAssembly with their exact semantics, for the interpreter
 * and for compiled code.
 *
 * <p>Each non-trivial instruction has a static method named after its mnemonic in camelCase
 * ({@code i32.trunc_f32_s} is {@link #i32TruncF32S}), which compiled code calls: jit-asm's
 * {@code Numeric} names the method of each instruction, and its {@code InstructionLinkTest} checks
 * over every row of the opcode table that each named method exists with the descriptor of the
 * instruction's type rule (so a rename here fails that test); traps are {@link Trap}s of kind
 * INTEGER_DIVIDE_BY_ZERO, INTEGER_OVERFLOW or INVALID_CONVERSION. {@link #apply} executes any
 * numeric instruction without immediates on the interpreter's slot array.
 *
 * <p>Floating-point NaNs: Java's float arithmetic runs on the hardware's IEEE operations, which
 * return a quiet NaN carrying an input's payload (or the default NaN when no input is a NaN); that is
 * what Wasm asks (an arithmetic NaN, canonical when every NaN input is canonical). Where Java would
 * hand a NaN through untouched (min/max, rounding, demote/promote) the methods here quiet it
 * explicitly, so the result does not depend on how the JVM implements those library calls.
 * abs, neg and copysign are bit operations and keep the payload, as the spec requires.
 */
public final class Numerics {
    private Numerics() {}

    private static final float TWO_31_F = 2147483648f;
    private static final float TWO_32_F = 4294967296f;
    private static final float TWO_63_F = 9223372036854775808f;
    private static final float TWO_64_F = 18446744073709551616f;
    private static final double TWO_31 = 2147483648.0;
    private static final double TWO_32 = 4294967296.0;
    private static final double TWO_63 = 9223372036854775808.0;
    private static final double TWO_64 = 18446744073709551616.0;

    // ---------------------------------------------------------------- integer arithmetic

    /** {@code i32.div_s}; traps on a zero divisor and on overflow. */
    public static int i32DivS(int a, int b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    /** {@code i32.div_u}; traps on a zero divisor. */
    public static int i32DivU(int a, int b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.divideUnsigned(a, b);
    }

    /** {@code i32.rem_s}: sign of the dividend, {@code MIN_VALUE rem_s -1} is 0 (Java agrees); traps on a zero divisor. */
    public static int i32RemS(int a, int b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        return a % b;
    }

    /** {@code i32.rem_u}; traps on a zero divisor. */
    public static int i32RemU(int a, int b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.remainderUnsigned(a, b);
    }

    /** {@code i64.div_s}; traps on a zero divisor and on overflow. */
    public static long i64DivS(long a, long b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    /** {@code i64.div_u}; traps on a zero divisor. */
    public static long i64DivU(long a, long b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.divideUnsigned(a, b);
    }

    /** {@code i64.rem_s}; traps on a zero divisor. */
    public static long i64RemS(long a, long b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        return a % b;
    }

    /** {@code i64.rem_u}; traps on a zero divisor. */
    public static long i64RemU(long a, long b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.remainderUnsigned(a, b);
    }

    /** {@code i32.clz}. */
    public static int i32Clz(int a) {
        return Integer.numberOfLeadingZeros(a);
    }

    /** {@code i32.ctz}. */
    public static int i32Ctz(int a) {
        return Integer.numberOfTrailingZeros(a);
    }

    /** {@code i32.popcnt}. */
    public static int i32Popcnt(int a) {
        return Integer.bitCount(a);
    }

    /** {@code i32.rotl}: the count is taken modulo 32, as Java's rotate does. */
    public static int i32Rotl(int a, int n) {
        return Integer.rotateLeft(a, n);
    }

    /** {@code i32.rotr}. */
    public static int i32Rotr(int a, int n) {
        return Integer.rotateRight(a, n);
    }

    /** {@code i64.clz}. */
    public static long i64Clz(long a) {
        return Long.numberOfLeadingZeros(a);
    }

    /** {@code i64.ctz}. */
    public static long i64Ctz(long a) {
        return Long.numberOfTrailingZeros(a);
    }

    /** {@code i64.popcnt}. */
    public static long i64Popcnt(long a) {
        return Long.bitCount(a);
    }

    /** {@code i64.rotl}. */
    public static long i64Rotl(long a, long n) {
        return Long.rotateLeft(a, (int) n);
    }

    /** {@code i64.rotr}. */
    public static long i64Rotr(long a, long n) {
        return Long.rotateRight(a, (int) n);
    }

    /** {@code i32.extend8_s}. */
    public static int i32Extend8S(int a) {
        return (byte) a;
    }

    /** {@code i32.extend16_s}. */
    public static int i32Extend16S(int a) {
        return (short) a;
    }

    /** {@code i64.extend8_s}. */
    public static long i64Extend8S(long a) {
        return (byte) a;
    }

    /** {@code i64.extend16_s}. */
    public static long i64Extend16S(long a) {
        return (short) a;
    }

    /** {@code i64.extend32_s}. */
    public static long i64Extend32S(long a) {
        return (int) a;
    }

    /** {@code i64.extend_i32_u}. */
    public static long i64ExtendI32U(int a) {
        return a & 0xFFFF_FFFFL;
    }

    // ---------------------------------------------------------------- float arithmetic

    /** Wasm min: NaN if either is NaN, and -0 is less than +0. */
    public static float f32Min(float a, float b) {
        if (a != a || b != b) {
            return a + b; // a quiet NaN carrying an input payload
        }
        if (a == 0 && b == 0) {
            // -0 wins: OR of the sign bits
            return Float.intBitsToFloat(Float.floatToRawIntBits(a) | Float.floatToRawIntBits(b));
        }
        return a < b ? a : b;
    }

    /** {@code f32.max}. */
    public static float f32Max(float a, float b) {
        if (a != a || b != b) {
            return a + b;
        }
        if (a == 0 && b == 0) {
            return Float.intBitsToFloat(Float.floatToRawIntBits(a) & Float.floatToRawIntBits(b));
        }
        return a > b ? a : b;
    }

    /** {@code f64.min}. */
    public static double f64Min(double a, double b) {
        if (a != a || b != b) {
            return a + b;
        }
        if (a == 0 && b == 0) {
            return Double.longBitsToDouble(Double.doubleToRawLongBits(a) | Double.doubleToRawLongBits(b));
        }
        return a < b ? a : b;
    }

    /** {@code f64.max}. */
    public static double f64Max(double a, double b) {
        if (a != a || b != b) {
            return a + b;
        }
        if (a == 0 && b == 0) {
            return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & Double.doubleToRawLongBits(b));
        }
        return a > b ? a : b;
    }

    /** Bitwise: the payload of a NaN is kept. */
    public static float f32Abs(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) & 0x7FFF_FFFF);
    }

    /** {@code f32.neg}. */
    public static float f32Neg(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) ^ 0x8000_0000);
    }

    /** {@code f32.copysign}. */
    public static float f32Copysign(float a, float b) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(a) & 0x7FFF_FFFF)
                | (Float.floatToRawIntBits(b) & 0x8000_0000));
    }

    /** {@code f64.abs}. */
    public static double f64Abs(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & Long.MAX_VALUE);
    }

    /** {@code f64.neg}. */
    public static double f64Neg(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) ^ Long.MIN_VALUE);
    }

    /** {@code f64.copysign}. */
    public static double f64Copysign(double a, double b) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(a) & Long.MAX_VALUE)
                | (Double.doubleToRawLongBits(b) & Long.MIN_VALUE));
    }

    // Rounding of an f32 goes through double: every float is a double, and the rounded result of a
    // float is an integer that fits in 24 bits or the float itself, so narrowing back is exact.

    /** {@code f32.ceil}. */
    public static float f32Ceil(float a) {
        return a != a ? a + a : (float) Math.ceil(a);
    }

    /** {@code f32.floor}. */
    public static float f32Floor(float a) {
        return a != a ? a + a : (float) Math.floor(a);
    }

    /** {@code f32.trunc}. */
    public static float f32Trunc(float a) {
        if (a != a) {
            return a + a;
        }
        return (float) (a < 0 ? Math.ceil(a) : Math.floor(a));
    }

    /** Round to nearest, ties to even ({@code Math.rint}); keeps the sign of zero. */
    public static float f32Nearest(float a) {
        return a != a ? a + a : (float) Math.rint(a);
    }

    /** Correctly rounded: a double holds the exact root of a float to more than twice float precision. */
    public static float f32Sqrt(float a) {
        return (float) Math.sqrt(a);
    }

    /** {@code f64.ceil}. */
    public static double f64Ceil(double a) {
        return a != a ? a + a : Math.ceil(a);
    }

    /** {@code f64.floor}. */
    public static double f64Floor(double a) {
        return a != a ? a + a : Math.floor(a);
    }

    /** {@code f64.trunc}. */
    public static double f64Trunc(double a) {
        if (a != a) {
            return a + a;
        }
        return a < 0 ? Math.ceil(a) : Math.floor(a);
    }

    /** {@code f64.nearest}. */
    public static double f64Nearest(double a) {
        return a != a ? a + a : Math.rint(a);
    }

    /** {@code f64.sqrt}. */
    public static double f64Sqrt(double a) {
        return Math.sqrt(a);
    }

    // ---------------------------------------------------------------- conversions

    /**
     * Demotes with round to nearest; a NaN keeps its sign and the top bits of its payload and is
     * made quiet, so the canonical NaN stays canonical.
     */
    public static float f32DemoteF64(double a) {
        if (a != a) {
            long bits = Double.doubleToRawLongBits(a);
            int sign = (int) (bits >>> 32) & 0x8000_0000;
            int payload = (int) (bits >>> 29) & 0x003F_FFFF;
            return Float.intBitsToFloat(sign | 0x7FC0_0000 | payload);
        }
        return (float) a;
    }

    /** Promotes exactly; a NaN keeps its sign and payload and is made quiet. */
    public static double f64PromoteF32(float a) {
        if (a != a) {
            int bits = Float.floatToRawIntBits(a);
            long sign = (long) (bits & 0x8000_0000) << 32;
            long payload = (long) (bits & 0x003F_FFFF) << 29;
            return Double.longBitsToDouble(sign | 0x7FF8_0000_0000_0000L | payload);
        }
        return a;
    }

    /** {@code f32.convert_i32_s}. */
    public static float f32ConvertI32S(int a) {
        return a;
    }

    /** {@code f32.convert_i32_u}. */
    public static float f32ConvertI32U(int a) {
        return (float) (a & 0xFFFF_FFFFL); // long to float rounds to nearest even
    }

    /** {@code f32.convert_i64_s}. */
    public static float f32ConvertI64S(long a) {
        return a;
    }

    /**
     * Unsigned 64-bit to f32 with one rounding: a value past {@code Long.MAX_VALUE} is halved, with
     * the shifted-out bit folded into the lowest bit (a sticky bit) so that halving never creates
     * or breaks a tie, converted, then doubled exactly.
     */
    public static float f32ConvertI64U(long a) {
        if (a >= 0) {
            return a;
        }
        return ((a >>> 1) | (a & 1)) * 2.0f;
    }

    /** {@code f64.convert_i32_s}. */
    public static double f64ConvertI32S(int a) {
        return a;
    }

    /** {@code f64.convert_i32_u}. */
    public static double f64ConvertI32U(int a) {
        return a & 0xFFFF_FFFFL;
    }

    /** {@code f64.convert_i64_s}. */
    public static double f64ConvertI64S(long a) {
        return a;
    }

    /** As {@link #f32ConvertI64U}: halve with a sticky bit, convert, double. */
    public static double f64ConvertI64U(long a) {
        if (a >= 0) {
            return a;
        }
        return ((a >>> 1) | (a & 1)) * 2.0;
    }

    /** {@code i32.trunc_f32_s}; traps on NaN and when the truncated value is out of range. */
    public static int i32TruncF32S(float a) {
        if (a != a) {
            throw new Trap(Trap.Kind.INVALID_CONVERSION);
        }
        if (a >= TWO_31_F || a < -TWO_31_F) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return (int) a;
    }

    /** {@code i32.trunc_f32_u}; traps on NaN and when the truncated value is out of range. */
    public static int i32TruncF32U(float a) {
        if (a != a) {
            throw new Trap(Trap.Kind.INVALID_CONVERSION);
        }
        if (a >= TWO_32_F || a <= -1f) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return (int) (long) a;
    }

    /** {@code i32.trunc_f64_s}; traps on NaN and when the truncated value is out of range. */
    public static int i32TruncF64S(double a) {
        if (a != a) {
            throw new Trap(Trap.Kind.INVALID_CONVERSION);
        }
        if (a >= TWO_31 || a <= -TWO_31 - 1) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return (int) a;
    }

    /** {@code i32.trunc_f64_u}; traps on NaN and when the truncated value is out of range. */
    public static int i32TruncF64U(double a) {
        if (a != a) {
            throw new Trap(Trap.Kind.INVALID_CONVERSION);
        }
        if (a >= TWO_32 || a <= -1.0) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return (int) (long) a;
    }

    /** {@code i64.trunc_f32_s}; traps on NaN and when the truncated value is out of range. */
    public static long i64TruncF32S(float a) {
        if (a != a) {
            throw new Trap(Trap.Kind.INVALID_CONVERSION);
        }
        if (a >= TWO_63_F || a < -TWO_63_F) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return (long) a;
    }

    /** {@code i64.trunc_f32_u}; traps on NaN and when the truncated value is out of range. */
    public static long i64TruncF32U(float a) {
        if (a != a) {
            throw new Trap(Trap.Kind.INVALID_CONVERSION);
        }
        if (a >= TWO_64_F || a <= -1f) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return a < TWO_63_F ? (long) a : (long) (a - TWO_63_F) ^ Long.MIN_VALUE;
    }

    /** {@code i64.trunc_f64_s}; traps on NaN and when the truncated value is out of range. */
    public static long i64TruncF64S(double a) {
        if (a != a) {
            throw new Trap(Trap.Kind.INVALID_CONVERSION);
        }
        // no double lies strictly between -2^63 - 1 and -2^63, so the lower bound is exclusive of -2^63
        if (a >= TWO_63 || a < -TWO_63) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return (long) a;
    }

    /** {@code i64.trunc_f64_u}; traps on NaN and when the truncated value is out of range. */
    public static long i64TruncF64U(double a) {
        if (a != a) {
            throw new Trap(Trap.Kind.INVALID_CONVERSION);
        }
        if (a >= TWO_64 || a <= -1.0) {
            throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
        }
        return a < TWO_63 ? (long) a : (long) (a - TWO_63) ^ Long.MIN_VALUE;
    }

    /** Java's narrowing already saturates and maps NaN to 0, as the signed {@code trunc_sat} does. */
    public static int i32TruncSatF32S(float a) {
        return (int) a;
    }

    /** {@code i32.trunc_sat_f32_u}: saturates, NaN gives 0. */
    public static int i32TruncSatF32U(float a) {
        if (a >= TWO_32_F) {
            return -1;
        }
        return a > 0 ? (int) (long) a : 0; // NaN and everything above -1 truncating to 0 give 0
    }

    /** {@code i32.trunc_sat_f64_s}: saturates, NaN gives 0. */
    public static int i32TruncSatF64S(double a) {
        return (int) a;
    }

    /** {@code i32.trunc_sat_f64_u}: saturates, NaN gives 0. */
    public static int i32TruncSatF64U(double a) {
        if (a >= TWO_32) {
            return -1;
        }
        return a > 0 ? (int) (long) a : 0;
    }

    /** {@code i64.trunc_sat_f32_s}: saturates, NaN gives 0. */
    public static long i64TruncSatF32S(float a) {
        return (long) a;
    }

    /** {@code i64.trunc_sat_f32_u}: saturates, NaN gives 0. */
    public static long i64TruncSatF32U(float a) {
        if (a >= TWO_64_F) {
            return -1L;
        }
        if (!(a > 0)) {
            return 0;
        }
        return a < TWO_63_F ? (long) a : (long) (a - TWO_63_F) ^ Long.MIN_VALUE;
    }

    /** {@code i64.trunc_sat_f64_s}: saturates, NaN gives 0. */
    public static long i64TruncSatF64S(double a) {
        return (long) a;
    }

    /** {@code i64.trunc_sat_f64_u}: saturates, NaN gives 0. */
    public static long i64TruncSatF64U(double a) {
        if (a >= TWO_64) {
            return -1L;
        }
        if (!(a > 0)) {
            return 0;
        }
        return a < TWO_63 ? (long) a : (long) (a - TWO_63) ^ Long.MIN_VALUE;
    }

    /** {@code i32.reinterpret_f32}. */
    public static int i32ReinterpretF32(float a) {
        return Float.floatToRawIntBits(a);
    }

    /** {@code i64.reinterpret_f64}. */
    public static long i64ReinterpretF64(double a) {
        return Double.doubleToRawLongBits(a);
    }

    /** {@code f32.reinterpret_i32}. */
    public static float f32ReinterpretI32(int a) {
        return Float.intBitsToFloat(a);
    }

    /** {@code f64.reinterpret_i64}. */
    public static double f64ReinterpretI64(long a) {
        return Double.longBitsToDouble(a);
    }

    // ---------------------------------------------------------------- slot-array dispatch

    private static float f(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    private static double d(long slot) {
        return Double.longBitsToDouble(slot);
    }

    private static long f(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static long b(boolean v) {
        return v ? 1 : 0;
    }

    /**
     * Whether {@link #apply} executes {@code op}: it has no immediates and a type rule over i32,
     * i64, f32 and f64 only. Lets an interpreter or compiler classify instructions once, up front.
     */
    public static boolean handles(Opcode op) {
        String sig = op.sig();
        if (sig == null || op.imm() != dev.ligature.core.instr.Imm.NONE) {
            return false;
        }
        for (int i = 0; i < sig.length(); i++) {
            char c = sig.charAt(i);
            if (c != 'i' && c != 'I' && c != 'f' && c != 'F' && c != '>') {
                return false;
            }
        }
        return true;
    }

    /**
     * Executes {@code op} on the operand stack {@code s} whose first free slot is {@code sp}: pops
     * the operands its type rule names, pushes the result, and returns the new first free slot.
     * Accepts every instruction without immediates whose type rule uses only i32, i64, f32 and
     * f64 (including {@code nop}); anything else is an {@link IllegalArgumentException}.
     *
     * <p>Slots: an i64 or f64 fills the slot (f64 as raw bits); an i32 or f32 (raw bits) lives in
     * the low 32 bits. Results of 32 bits are written sign-extended, but operands are read from the
     * low 32 bits only, so callers may leave anything in the high half.
     */
    public static int apply(Opcode op, long[] s, int sp) {
        int t = sp - 1; // top operand
        int u = sp - 2; // second operand, the left one of a binary instruction
        switch (op) {
            case NOP -> { return sp; }
            // i32 tests and comparisons
            case I32_EQZ -> { s[t] = b((int) s[t] == 0); return sp; }
            case I32_EQ -> { s[u] = b((int) s[u] == (int) s[t]); return t; }
            case I32_NE -> { s[u] = b((int) s[u] != (int) s[t]); return t; }
            case I32_LT_S -> { s[u] = b((int) s[u] < (int) s[t]); return t; }
            case I32_LT_U -> { s[u] = b(Integer.compareUnsigned((int) s[u], (int) s[t]) < 0); return t; }
            case I32_GT_S -> { s[u] = b((int) s[u] > (int) s[t]); return t; }
            case I32_GT_U -> { s[u] = b(Integer.compareUnsigned((int) s[u], (int) s[t]) > 0); return t; }
            case I32_LE_S -> { s[u] = b((int) s[u] <= (int) s[t]); return t; }
            case I32_LE_U -> { s[u] = b(Integer.compareUnsigned((int) s[u], (int) s[t]) <= 0); return t; }
            case I32_GE_S -> { s[u] = b((int) s[u] >= (int) s[t]); return t; }
            case I32_GE_U -> { s[u] = b(Integer.compareUnsigned((int) s[u], (int) s[t]) >= 0); return t; }
            // i64 tests and comparisons
            case I64_EQZ -> { s[t] = b(s[t] == 0); return sp; }
            case I64_EQ -> { s[u] = b(s[u] == s[t]); return t; }
            case I64_NE -> { s[u] = b(s[u] != s[t]); return t; }
            case I64_LT_S -> { s[u] = b(s[u] < s[t]); return t; }
            case I64_LT_U -> { s[u] = b(Long.compareUnsigned(s[u], s[t]) < 0); return t; }
            case I64_GT_S -> { s[u] = b(s[u] > s[t]); return t; }
            case I64_GT_U -> { s[u] = b(Long.compareUnsigned(s[u], s[t]) > 0); return t; }
            case I64_LE_S -> { s[u] = b(s[u] <= s[t]); return t; }
            case I64_LE_U -> { s[u] = b(Long.compareUnsigned(s[u], s[t]) <= 0); return t; }
            case I64_GE_S -> { s[u] = b(s[u] >= s[t]); return t; }
            case I64_GE_U -> { s[u] = b(Long.compareUnsigned(s[u], s[t]) >= 0); return t; }
            // float comparisons: any comparison with NaN is false, except ne
            case F32_EQ -> { s[u] = b(f(s[u]) == f(s[t])); return t; }
            case F32_NE -> { s[u] = b(f(s[u]) != f(s[t])); return t; }
            case F32_LT -> { s[u] = b(f(s[u]) < f(s[t])); return t; }
            case F32_GT -> { s[u] = b(f(s[u]) > f(s[t])); return t; }
            case F32_LE -> { s[u] = b(f(s[u]) <= f(s[t])); return t; }
            case F32_GE -> { s[u] = b(f(s[u]) >= f(s[t])); return t; }
            case F64_EQ -> { s[u] = b(d(s[u]) == d(s[t])); return t; }
            case F64_NE -> { s[u] = b(d(s[u]) != d(s[t])); return t; }
            case F64_LT -> { s[u] = b(d(s[u]) < d(s[t])); return t; }
            case F64_GT -> { s[u] = b(d(s[u]) > d(s[t])); return t; }
            case F64_LE -> { s[u] = b(d(s[u]) <= d(s[t])); return t; }
            case F64_GE -> { s[u] = b(d(s[u]) >= d(s[t])); return t; }
            // i32 arithmetic
            case I32_CLZ -> { s[t] = Integer.numberOfLeadingZeros((int) s[t]); return sp; }
            case I32_CTZ -> { s[t] = Integer.numberOfTrailingZeros((int) s[t]); return sp; }
            case I32_POPCNT -> { s[t] = Integer.bitCount((int) s[t]); return sp; }
            case I32_ADD -> { s[u] = (int) s[u] + (int) s[t]; return t; }
            case I32_SUB -> { s[u] = (int) s[u] - (int) s[t]; return t; }
            case I32_MUL -> { s[u] = (int) s[u] * (int) s[t]; return t; }
            case I32_DIV_S -> { s[u] = i32DivS((int) s[u], (int) s[t]); return t; }
            case I32_DIV_U -> { s[u] = i32DivU((int) s[u], (int) s[t]); return t; }
            case I32_REM_S -> { s[u] = i32RemS((int) s[u], (int) s[t]); return t; }
            case I32_REM_U -> { s[u] = i32RemU((int) s[u], (int) s[t]); return t; }
            case I32_AND -> { s[u] = (int) s[u] & (int) s[t]; return t; }
            case I32_OR -> { s[u] = (int) s[u] | (int) s[t]; return t; }
            case I32_XOR -> { s[u] = (int) s[u] ^ (int) s[t]; return t; }
            case I32_SHL -> { s[u] = (int) s[u] << (int) s[t]; return t; }
            case I32_SHR_S -> { s[u] = (int) s[u] >> (int) s[t]; return t; }
            case I32_SHR_U -> { s[u] = (int) s[u] >>> (int) s[t]; return t; }
            case I32_ROTL -> { s[u] = Integer.rotateLeft((int) s[u], (int) s[t]); return t; }
            case I32_ROTR -> { s[u] = Integer.rotateRight((int) s[u], (int) s[t]); return t; }
            // i64 arithmetic (Java masks shift counts to 6 bits, as Wasm does)
            case I64_CLZ -> { s[t] = Long.numberOfLeadingZeros(s[t]); return sp; }
            case I64_CTZ -> { s[t] = Long.numberOfTrailingZeros(s[t]); return sp; }
            case I64_POPCNT -> { s[t] = Long.bitCount(s[t]); return sp; }
            case I64_ADD -> { s[u] = s[u] + s[t]; return t; }
            case I64_SUB -> { s[u] = s[u] - s[t]; return t; }
            case I64_MUL -> { s[u] = s[u] * s[t]; return t; }
            case I64_DIV_S -> { s[u] = i64DivS(s[u], s[t]); return t; }
            case I64_DIV_U -> { s[u] = i64DivU(s[u], s[t]); return t; }
            case I64_REM_S -> { s[u] = i64RemS(s[u], s[t]); return t; }
            case I64_REM_U -> { s[u] = i64RemU(s[u], s[t]); return t; }
            case I64_AND -> { s[u] = s[u] & s[t]; return t; }
            case I64_OR -> { s[u] = s[u] | s[t]; return t; }
            case I64_XOR -> { s[u] = s[u] ^ s[t]; return t; }
            case I64_SHL -> { s[u] = s[u] << s[t]; return t; }
            case I64_SHR_S -> { s[u] = s[u] >> s[t]; return t; }
            case I64_SHR_U -> { s[u] = s[u] >>> s[t]; return t; }
            case I64_ROTL -> { s[u] = Long.rotateLeft(s[u], (int) s[t]); return t; }
            case I64_ROTR -> { s[u] = Long.rotateRight(s[u], (int) s[t]); return t; }
            // f32 arithmetic; abs/neg/copysign on the bits
            case F32_ABS -> { s[t] = (int) s[t] & 0x7FFF_FFFF; return sp; }
            case F32_NEG -> { s[t] = (int) s[t] ^ 0x8000_0000; return sp; }
            case F32_CEIL -> { s[t] = f(f32Ceil(f(s[t]))); return sp; }
            case F32_FLOOR -> { s[t] = f(f32Floor(f(s[t]))); return sp; }
            case F32_TRUNC -> { s[t] = f(f32Trunc(f(s[t]))); return sp; }
            case F32_NEAREST -> { s[t] = f(f32Nearest(f(s[t]))); return sp; }
            case F32_SQRT -> { s[t] = f(f32Sqrt(f(s[t]))); return sp; }
            case F32_ADD -> { s[u] = f(f(s[u]) + f(s[t])); return t; }
            case F32_SUB -> { s[u] = f(f(s[u]) - f(s[t])); return t; }
            case F32_MUL -> { s[u] = f(f(s[u]) * f(s[t])); return t; }
            case F32_DIV -> { s[u] = f(f(s[u]) / f(s[t])); return t; }
            case F32_MIN -> { s[u] = f(f32Min(f(s[u]), f(s[t]))); return t; }
            case F32_MAX -> { s[u] = f(f32Max(f(s[u]), f(s[t]))); return t; }
            case F32_COPYSIGN -> { s[u] = ((int) s[u] & 0x7FFF_FFFF) | ((int) s[t] & 0x8000_0000); return t; }
            // f64 arithmetic
            case F64_ABS -> { s[t] = s[t] & Long.MAX_VALUE; return sp; }
            case F64_NEG -> { s[t] = s[t] ^ Long.MIN_VALUE; return sp; }
            case F64_CEIL -> { s[t] = d(f64Ceil(d(s[t]))); return sp; }
            case F64_FLOOR -> { s[t] = d(f64Floor(d(s[t]))); return sp; }
            case F64_TRUNC -> { s[t] = d(f64Trunc(d(s[t]))); return sp; }
            case F64_NEAREST -> { s[t] = d(f64Nearest(d(s[t]))); return sp; }
            case F64_SQRT -> { s[t] = d(Math.sqrt(d(s[t]))); return sp; }
            case F64_ADD -> { s[u] = d(d(s[u]) + d(s[t])); return t; }
            case F64_SUB -> { s[u] = d(d(s[u]) - d(s[t])); return t; }
            case F64_MUL -> { s[u] = d(d(s[u]) * d(s[t])); return t; }
            case F64_DIV -> { s[u] = d(d(s[u]) / d(s[t])); return t; }
            case F64_MIN -> { s[u] = d(f64Min(d(s[u]), d(s[t]))); return t; }
            case F64_MAX -> { s[u] = d(f64Max(d(s[u]), d(s[t]))); return t; }
            case F64_COPYSIGN -> { s[u] = (s[u] & Long.MAX_VALUE) | (s[t] & Long.MIN_VALUE); return t; }
            // conversions
            case I32_WRAP_I64 -> { s[t] = (int) s[t]; return sp; }
            case I32_TRUNC_F32_S -> { s[t] = i32TruncF32S(f(s[t])); return sp; }
            case I32_TRUNC_F32_U -> { s[t] = i32TruncF32U(f(s[t])); return sp; }
            case I32_TRUNC_F64_S -> { s[t] = i32TruncF64S(d(s[t])); return sp; }
            case I32_TRUNC_F64_U -> { s[t] = i32TruncF64U(d(s[t])); return sp; }
            case I64_EXTEND_I32_S -> { s[t] = (int) s[t]; return sp; }
            case I64_EXTEND_I32_U -> { s[t] = s[t] & 0xFFFF_FFFFL; return sp; }
            case I64_TRUNC_F32_S -> { s[t] = i64TruncF32S(f(s[t])); return sp; }
            case I64_TRUNC_F32_U -> { s[t] = i64TruncF32U(f(s[t])); return sp; }
            case I64_TRUNC_F64_S -> { s[t] = i64TruncF64S(d(s[t])); return sp; }
            case I64_TRUNC_F64_U -> { s[t] = i64TruncF64U(d(s[t])); return sp; }
            case F32_CONVERT_I32_S -> { s[t] = f((float) (int) s[t]); return sp; }
            case F32_CONVERT_I32_U -> { s[t] = f(f32ConvertI32U((int) s[t])); return sp; }
            case F32_CONVERT_I64_S -> { s[t] = f((float) s[t]); return sp; }
            case F32_CONVERT_I64_U -> { s[t] = f(f32ConvertI64U(s[t])); return sp; }
            case F32_DEMOTE_F64 -> { s[t] = f(f32DemoteF64(d(s[t]))); return sp; }
            case F64_CONVERT_I32_S -> { s[t] = d((double) (int) s[t]); return sp; }
            case F64_CONVERT_I32_U -> { s[t] = d(f64ConvertI32U((int) s[t])); return sp; }
            case F64_CONVERT_I64_S -> { s[t] = d((double) s[t]); return sp; }
            case F64_CONVERT_I64_U -> { s[t] = d(f64ConvertI64U(s[t])); return sp; }
            case F64_PROMOTE_F32 -> { s[t] = d(f64PromoteF32(f(s[t]))); return sp; }
            // reinterpretations: slots hold raw bits, so only the width matters
            case I32_REINTERPRET_F32, F32_REINTERPRET_I32 -> { s[t] = (int) s[t]; return sp; }
            case I64_REINTERPRET_F64, F64_REINTERPRET_I64 -> { return sp; }
            case I32_EXTEND8_S -> { s[t] = (byte) s[t]; return sp; }
            case I32_EXTEND16_S -> { s[t] = (short) s[t]; return sp; }
            case I64_EXTEND8_S -> { s[t] = (byte) s[t]; return sp; }
            case I64_EXTEND16_S -> { s[t] = (short) s[t]; return sp; }
            case I64_EXTEND32_S -> { s[t] = (int) s[t]; return sp; }
            case I32_TRUNC_SAT_F32_S -> { s[t] = (int) f(s[t]); return sp; }
            case I32_TRUNC_SAT_F32_U -> { s[t] = i32TruncSatF32U(f(s[t])); return sp; }
            case I32_TRUNC_SAT_F64_S -> { s[t] = (int) d(s[t]); return sp; }
            case I32_TRUNC_SAT_F64_U -> { s[t] = i32TruncSatF64U(d(s[t])); return sp; }
            case I64_TRUNC_SAT_F32_S -> { s[t] = (long) f(s[t]); return sp; }
            case I64_TRUNC_SAT_F32_U -> { s[t] = i64TruncSatF32U(f(s[t])); return sp; }
            case I64_TRUNC_SAT_F64_S -> { s[t] = (long) d(s[t]); return sp; }
            case I64_TRUNC_SAT_F64_U -> { s[t] = i64TruncSatF64U(d(s[t])); return sp; }
            default -> throw new IllegalArgumentException("not a scalar numeric instruction: " + op.mnemonic());
        }
    }
}
