package dev.ligature.core.script;

import dev.ligature.core.text.Lexer;
import dev.ligature.core.text.TextNumbers;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.NumType;
import java.util.ArrayList;
import java.util.List;

/**
 * Constants of a script: the arguments of {@code invoke} and the results of {@code assert_return},
 * which add patterns (NaN kinds, reference kinds without identity, alternatives) to constants.
 */
final class ConstParser {
    /** Bound on nested {@code (either ...)}, so hostile input cannot overflow the Java stack. */
    private static final int MAX_EITHER_DEPTH = 32;

    private final TokenCursor c;

    ConstParser(TokenCursor c) {
        this.c = c;
    }

    /** An argument constant: {@code (t.const ...)}, {@code (ref.null ht)}, {@code (ref.extern n)}, {@code (ref.host n)}. */
    WastValue value() {
        int open = c.p;
        c.expectLParen();
        String head = c.keyword("a constant");
        WastValue v = switch (head) {
            case "i32.const" -> new WastValue.I32(i32());
            case "i64.const" -> new WastValue.I64(i64());
            case "f32.const" -> new WastValue.F32(f32());
            case "f64.const" -> new WastValue.F64(f64());
            case "v128.const" -> v128Exact();
            case "ref.null" -> new WastValue.RefNull(heapType());
            case "ref.extern" -> new WastValue.RefExtern(hostId());
            case "ref.host" -> new WastValue.RefHost(hostId());
            default -> throw c.error("unexpected token, unknown constant " + head, open + 1);
        };
        c.expectRParen();
        return v;
    }

    /** A list of argument constants up to (not including) the closing parenthesis of the enclosing form. */
    List<WastValue> values() {
        List<WastValue> out = new ArrayList<>();
        while (c.kind() == Lexer.LPAREN) {
            out.add(value());
        }
        return out;
    }

    /** Results up to the closing parenthesis of the enclosing form. */
    List<Expected> results() {
        List<Expected> out = new ArrayList<>();
        while (c.kind() == Lexer.LPAREN) {
            out.add(result(0));
        }
        return out;
    }

    private Expected result(int depth) {
        int open = c.p;
        c.expectLParen();
        String head = c.keyword("a result");
        Expected e = switch (head) {
            case "i32.const" -> exact(new WastValue.I32(i32()));
            case "i64.const" -> exact(new WastValue.I64(i64()));
            case "f32.const" -> floatResult(NumType.F32);
            case "f64.const" -> floatResult(NumType.F64);
            case "v128.const" -> v128Result();
            case "ref.null" -> c.kind() == Lexer.RPAREN ? new Expected.AnyNull() : exact(new WastValue.RefNull(heapType()));
            case "ref.extern" -> c.kind() == Lexer.RPAREN ? new Expected.AnyRef("extern") : exact(new WastValue.RefExtern(hostId()));
            case "ref.host" -> exact(new WastValue.RefHost(hostId()));
            case "ref.func", "ref.any", "ref.eq", "ref.i31", "ref.struct", "ref.array", "ref.exn" ->
                    new Expected.AnyRef(head.substring("ref.".length()));
            case "either" -> either(depth, open);
            default -> throw c.error("unexpected token, unknown result " + head, open + 1);
        };
        c.expectRParen();
        return e;
    }

    private Expected either(int depth, int open) {
        if (depth >= MAX_EITHER_DEPTH) {
            throw c.error("unexpected token, either nested too deeply", open);
        }
        List<Expected> alternatives = new ArrayList<>();
        while (c.kind() == Lexer.LPAREN) {
            alternatives.add(result(depth + 1));
        }
        if (alternatives.isEmpty()) {
            throw c.unexpected("a result");
        }
        return new Expected.Either(alternatives);
    }

    private Expected floatResult(NumType type) {
        Expected pat = nanPattern(type);
        if (pat != null) {
            return pat;
        }
        return exact(type == NumType.F32 ? new WastValue.F32(f32()) : new WastValue.F64(f64()));
    }

    private static Expected exact(WastValue v) {
        return new Expected.Exact(v);
    }

    /** Consumes {@code nan:canonical} or {@code nan:arithmetic} and returns the pattern, or returns null. */
    private Expected nanPattern(NumType type) {
        if (c.acceptKeyword("nan:canonical")) {
            return new Expected.CanonicalNan(type);
        }
        if (c.acceptKeyword("nan:arithmetic")) {
            return new Expected.ArithmeticNan(type);
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------
    // Numbers

    /** The literal text of the current token, which must be a number (or a float keyword such as {@code nan}). */
    private String literal(boolean floatKeywords) {
        byte k = c.kind();
        if (k == Lexer.NUMBER || (floatKeywords && k == Lexer.KEYWORD && isFloatKeyword())) {
            return c.lx.text(c.p++);
        }
        throw c.unexpected("a number");
    }

    /** {@code inf}, {@code nan} and {@code nan:0x...} are keywords to the lexer (they start with a letter). */
    private boolean isFloatKeyword() {
        return c.atKeyword("inf") || c.atKeyword("nan") || c.lx.text(c.p).startsWith("nan:0x");
    }

    private int i32() {
        int at = c.p;
        String s = literal(false);
        try {
            return TextNumbers.parseI32(s);
        } catch (TextNumbers.OutOfRange e) {
            throw c.error("constant out of range", at);
        } catch (NumberFormatException e) {
            throw c.error("unexpected token, i32 literal expected", at);
        }
    }

    private long i64() {
        int at = c.p;
        String s = literal(false);
        try {
            return TextNumbers.parseI64(s);
        } catch (TextNumbers.OutOfRange e) {
            throw c.error("constant out of range", at);
        } catch (NumberFormatException e) {
            throw c.error("unexpected token, i64 literal expected", at);
        }
    }

    private int f32() {
        int at = c.p;
        String s = literal(true);
        try {
            return TextNumbers.parseF32(s);
        } catch (TextNumbers.OutOfRange e) {
            throw c.error("constant out of range", at);
        } catch (NumberFormatException e) {
            throw c.error("unexpected token, f32 literal expected", at);
        }
    }

    private long f64() {
        int at = c.p;
        String s = literal(true);
        try {
            return TextNumbers.parseF64(s);
        } catch (TextNumbers.OutOfRange e) {
            throw c.error("constant out of range", at);
        } catch (NumberFormatException e) {
            throw c.error("unexpected token, f64 literal expected", at);
        }
    }

    /** An integer lane of {@code bits} (8 or 16) bits: signed or unsigned range, as its bit pattern. */
    private int smallLane(int bits) {
        int at = c.p;
        String s = literal(false);
        long v;
        try {
            v = TextNumbers.parseI64(s);
        } catch (TextNumbers.OutOfRange e) {
            throw c.error("constant out of range", at);
        } catch (NumberFormatException e) {
            throw c.error("unexpected token, i" + bits + " literal expected", at);
        }
        // parseI64 returns negative literals as their value and non-negative ones as a 64-bit
        // pattern, so the sign of the text tells which range to check.
        boolean fits = s.startsWith("-") ? v >= -(1L << (bits - 1)) : v >= 0 && v < (1L << bits);
        if (!fits) {
            throw c.error("constant out of range", at);
        }
        return (int) v & (int) ((1L << bits) - 1);
    }

    /** The number of a {@code ref.extern} or {@code ref.host}: an unsigned integer. */
    private long hostId() {
        int at = c.p;
        String s = literal(false);
        try {
            return TextNumbers.parseU64(s);
        } catch (TextNumbers.OutOfRange e) {
            throw c.error("constant out of range", at);
        } catch (NumberFormatException e) {
            throw c.error("unexpected token, unsigned integer expected", at);
        }
    }

    /**
     * The heap type of {@code ref.null}: an abstract type keyword. A script has no type section, so
     * a {@code $id} or index could name nothing; it is rejected.
     */
    private AbsHeapType heapType() {
        if (c.kind() == Lexer.KEYWORD) {
            String word = c.lx.text(c.p);
            for (AbsHeapType t : AbsHeapType.values()) {
                if (t.text().equals(word)) {
                    c.p++;
                    return t;
                }
            }
            throw c.error("unknown heap type " + word);
        }
        if (c.kind() == Lexer.ID || c.kind() == Lexer.NUMBER) {
            throw c.error("unknown heap type " + c.lx.text(c.p) + ", a script constant can only name an abstract heap type");
        }
        throw c.unexpected("a heap type");
    }

    // ---------------------------------------------------------------------------------------------
    // Vectors

    /** Lane shape of a {@code v128.const}: lane count and whether lanes are floats. */
    private record Shape(String name, int lanes, int bits, boolean isFloat) {}

    private Shape shape() {
        int at = c.p;
        String s = c.keyword("a vector shape");
        return switch (s) {
            case "i8x16" -> new Shape(s, 16, 8, false);
            case "i16x8" -> new Shape(s, 8, 16, false);
            case "i32x4" -> new Shape(s, 4, 32, false);
            case "i64x2" -> new Shape(s, 2, 64, false);
            case "f32x4" -> new Shape(s, 4, 32, true);
            case "f64x2" -> new Shape(s, 2, 64, true);
            default -> throw c.error("unexpected token, unknown vector shape " + s, at);
        };
    }

    private WastValue v128Exact() {
        Shape sh = shape();
        byte[] bytes = new byte[16];
        for (int i = 0; i < sh.lanes; i++) {
            putLane(bytes, sh, i, exactLane(sh));
        }
        return new WastValue.V128(bytes);
    }

    /** A v128 result: exact, unless some float lane is a NaN pattern. */
    private Expected v128Result() {
        Shape sh = shape();
        if (!sh.isFloat) {
            byte[] bytes = new byte[16];
            for (int i = 0; i < sh.lanes; i++) {
                putLane(bytes, sh, i, exactLane(sh));
            }
            return exact(new WastValue.V128(bytes));
        }
        NumType laneType = sh.bits == 32 ? NumType.F32 : NumType.F64;
        List<Expected> lanes = new ArrayList<>(sh.lanes);
        boolean patterned = false;
        long[] values = new long[sh.lanes];
        for (int i = 0; i < sh.lanes; i++) {
            Expected pat = nanPattern(laneType);
            if (pat != null) {
                patterned = true;
                lanes.add(pat);
            } else {
                values[i] = exactLane(sh);
                lanes.add(exact(sh.bits == 32 ? new WastValue.F32((int) values[i]) : new WastValue.F64(values[i])));
            }
        }
        if (patterned) {
            return new Expected.V128Lanes(sh.name, lanes);
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < sh.lanes; i++) {
            putLane(bytes, sh, i, values[i]);
        }
        return exact(new WastValue.V128(bytes));
    }

    /** One lane's bit pattern. */
    private long exactLane(Shape sh) {
        return switch (sh.name) {
            case "i8x16" -> smallLane(8);
            case "i16x8" -> smallLane(16);
            case "i32x4" -> i32();
            case "i64x2" -> i64();
            case "f32x4" -> f32();
            default -> f64();
        };
    }

    /** Stores lane {@code index} little-endian, as the v128 layout in memory. */
    private static void putLane(byte[] bytes, Shape sh, int index, long bits) {
        int width = sh.bits / 8;
        int at = index * width;
        for (int b = 0; b < width; b++) {
            bytes[at + b] = (byte) (bits >>> (8 * b));
        }
    }
}
