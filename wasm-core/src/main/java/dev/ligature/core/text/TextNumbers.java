package dev.ligature.core.text;

import java.math.BigInteger;

/**
 * Numeric literals of the text format: integers (decimal or hexadecimal, with optional sign and
 * {@code _} between digits) and floats (decimal, hexadecimal, {@code inf}, {@code nan} and
 * {@code nan:0x...} payloads), rounded to nearest-even as the specification requires.
 *
 * <p>Each parser returns the value, or throws {@link NumberFormatException} with a reason when the
 * text is not a literal of that kind or its value is out of range; callers turn that into a
 * malformed-module error at the token's position ("unknown operator" when the token is no number at
 * all, "constant out of range" when it is one but too large).
 */
public final class TextNumbers {
    private TextNumbers() {}

    /** Thrown for text that is a well-formed number whose value does not fit the type. */
    public static final class OutOfRange extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        OutOfRange(String s) {
            super("constant out of range: " + s);
        }
    }

    /** An i32 literal: signed (-2^31 .. 2^31-1) or unsigned (.. 2^32-1); the result is the bit pattern. */
    public static int parseI32(String s) {
        BigInteger v = integer(s);
        if (v.bitLength() > 32 || (v.signum() < 0 && v.bitLength() > 31)) {
            throw new OutOfRange(s);
        }
        return v.intValue();
    }

    /** An i64 literal: signed or unsigned 64-bit; the result is the bit pattern. */
    public static long parseI64(String s) {
        BigInteger v = integer(s);
        if (v.bitLength() > 64 || (v.signum() < 0 && v.bitLength() > 63)) {
            throw new OutOfRange(s);
        }
        return v.longValue();
    }

    /** An unsigned literal without sign (indices, alignments, offsets, limits), up to 2^64-1 as a bit pattern. */
    public static long parseU64(String s) {
        if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-') {
            throw new NumberFormatException("unsigned integer expected: " + s);
        }
        BigInteger v = integer(s);
        if (v.bitLength() > 64) {
            throw new OutOfRange(s);
        }
        return v.longValue();
    }

    /** An unsigned 32-bit literal without sign, as a non-negative long. */
    public static long parseU32(String s) {
        long v = parseU64(s);
        if ((v >>> 32) != 0) {
            throw new OutOfRange(s);
        }
        return v;
    }

    /** Whether {@code s} has the shape of an integer literal (sign, decimal or hex digits, underscores). */
    public static boolean isInteger(String s) {
        try {
            digits(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static BigInteger integer(String s) {
        String[] parts = digits(s);
        BigInteger v = new BigInteger(parts[1], parts[0] == null ? 10 : 16);
        return s.charAt(0) == '-' ? v.negate() : v;
    }

    /** Splits an integer literal into {hex marker or null, digits without underscores}. */
    private static String[] digits(String s) {
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i = 1;
        }
        boolean hex = s.startsWith("0x", i);
        if (hex) {
            i += 2;
        }
        String body = s.substring(i);
        if (!validDigits(body, hex)) {
            throw new NumberFormatException("not an integer: " + s);
        }
        return new String[] {hex ? "x" : null, body.replace("_", "")};
    }

    /** Digits of the base, with single underscores only between digits. */
    private static boolean validDigits(String d, boolean hex) {
        if (d.isEmpty()) {
            return false;
        }
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c == '_') {
                if (i == 0 || i == d.length() - 1 || d.charAt(i - 1) == '_') {
                    return false;
                }
            } else if (!(hex ? Character.digit(c, 16) >= 0 && c < 128 : c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** An f32 literal, as its bit pattern. */
    public static int parseF32(String s) {
        boolean neg = s.startsWith("-");
        String m = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        int sign = neg ? 0x8000_0000 : 0;
        if (m.equals("inf")) {
            return sign | 0x7F80_0000;
        }
        if (m.equals("nan")) {
            return sign | 0x7FC0_0000;
        }
        if (m.startsWith("nan:0x")) {
            long payload = payload(m.substring(6), s);
            if (payload == 0 || payload >= (1L << 23)) {
                throw new OutOfRange(s);
            }
            return sign | 0x7F80_0000 | (int) payload;
        }
        float f = Float.parseFloat(javaFloat(m, s));
        if (Float.isInfinite(f)) {
            throw new OutOfRange(s);
        }
        return sign | Float.floatToRawIntBits(f);
    }

    /** An f64 literal, as its bit pattern. */
    public static long parseF64(String s) {
        boolean neg = s.startsWith("-");
        String m = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        long sign = neg ? 0x8000_0000_0000_0000L : 0;
        if (m.equals("inf")) {
            return sign | 0x7FF0_0000_0000_0000L;
        }
        if (m.equals("nan")) {
            return sign | 0x7FF8_0000_0000_0000L;
        }
        if (m.startsWith("nan:0x")) {
            long payload = payload(m.substring(6), s);
            if (payload == 0 || payload >= (1L << 52)) {
                throw new OutOfRange(s);
            }
            return sign | 0x7FF0_0000_0000_0000L | payload;
        }
        double d = Double.parseDouble(javaFloat(m, s));
        if (Double.isInfinite(d)) {
            throw new OutOfRange(s);
        }
        return sign | Double.doubleToRawLongBits(d);
    }

    private static long payload(String hexDigits, String s) {
        if (!validDigits(hexDigits, true)) {
            throw new NumberFormatException("not a NaN payload: " + s);
        }
        BigInteger v = new BigInteger(hexDigits.replace("_", ""), 16);
        if (v.bitLength() > 63) {
            throw new OutOfRange(s);
        }
        return v.longValue();
    }

    /**
     * Checks an unsigned float literal against the text grammar and rewrites it in a form Java's
     * correctly rounding parsers accept: underscores dropped, a binary exponent added to hex floats
     * that lack one. Java's own syntax is wider (suffixes such as {@code f}, {@code d}), so the
     * grammar is checked here first.
     */
    private static String javaFloat(String m, String original) {
        boolean hex = m.startsWith("0x");
        String body = hex ? m.substring(2) : m;
        char expChar = hex ? 'p' : 'e';
        int e = indexOfIgnoreCase(body, expChar);
        String mantissa = e < 0 ? body : body.substring(0, e);
        String exponent = e < 0 ? null : body.substring(e + 1);
        int dot = mantissa.indexOf('.');
        String intPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String fracPart = dot < 0 ? null : mantissa.substring(dot + 1);
        if (!validDigits(intPart, hex) || (fracPart != null && !fracPart.isEmpty() && !validDigits(fracPart, hex))) {
            throw new NumberFormatException("not a float: " + original);
        }
        String exp = "0";
        if (exponent != null) {
            String ed = exponent;
            String esign = "";
            if (ed.startsWith("+") || ed.startsWith("-")) {
                esign = ed.substring(0, 1);
                ed = ed.substring(1);
            }
            if (!validDigits(ed, false)) {
                throw new NumberFormatException("not a float: " + original);
            }
            exp = esign + clampExponent(ed.replace("_", ""));
        }
        String mant = mantissa.replace("_", "");
        if (hex) {
            return "0x" + (mant.endsWith(".") ? mant + "0" : mant) + "p" + exp;
        }
        if (exponent == null) {
            return mant;
        }
        return mant + "e" + exp;
    }

    /** Keeps huge exponents finite in length while preserving overflow and underflow. */
    private static String clampExponent(String digits) {
        BigInteger v = new BigInteger(digits);
        return v.compareTo(BigInteger.valueOf(100_000)) > 0 ? "100000" : v.toString();
    }

    private static int indexOfIgnoreCase(String s, char c) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.toLowerCase(s.charAt(i)) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the token text is a float or integer literal (of any range). */
    public static boolean isFloat(String s) {
        try {
            parseF64(s);
            return true;
        } catch (OutOfRange e) {
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
