package dev.ligature.core.text;

import dev.ligature.core.binary.WasmWriter;
import dev.ligature.core.instr.Opcode;

/**
 * Literal immediates of instructions: numeric constants, vector constants, lane indices and memory
 * arguments. Stateless apart from the cursor and the memory id space.
 */
final class Immediates {
    private final ModuleScope m;
    private final Tokens t;

    Immediates(ModuleScope m) {
        this.m = m;
        this.t = m.t;
    }

    /** Reads the current token as a number literal of one kind, mapping failures to the suite's phrases. */
    private String numberText() {
        if (t.at(Lexer.NUMBER)) {
            return t.text();
        }
        // inf, nan and nan:0x... start with a letter, so the lexer calls them keywords
        if (t.at(Lexer.KEYWORD) && (t.text().startsWith("nan") || t.text().startsWith("inf"))) {
            return t.text();
        }
        throw t.at(Lexer.LPAREN) || t.at(Lexer.RPAREN) ? t.unexpected() : t.error("unknown operator");
    }

    /** The script-only NaN patterns are no literals of the module grammar at all. */
    private RuntimeException notANumber() {
        boolean pattern = t.atKeyword("nan:arithmetic") || t.atKeyword("nan:canonical");
        return pattern ? t.unexpected() : t.error("unknown operator");
    }

    /** The 16 lane indices of i8x16.shuffle. */
    void shuffle(WasmWriter w) {
        for (int i = 0; i < 16; i++) {
            if (!t.at(Lexer.NUMBER) && !t.at(Lexer.KEYWORD)) {
                throw t.error("invalid lane length");
            }
            long v = -1;
            try {
                v = TextNumbers.parseU32(t.text());
            } catch (NumberFormatException e) {
                // any other literal (sign, fraction, inf, nan) is no lane index
            }
            if (v < 0 || v > 255) {
                throw t.error("i8 constant out of range");
            }
            t.p++;
            w.u8((int) v);
        }
        if (t.at(Lexer.NUMBER)) {
            throw t.error("invalid lane length");
        }
    }

    int i32() {
        return (int) literal(TextNumbers::parseI32);
    }

    long i64() {
        return literal(TextNumbers::parseI64);
    }

    /** An f32 literal's bits. */
    int f32() {
        return (int) literal(TextNumbers::parseF32);
    }

    /** An f64 literal's bits. */
    long f64() {
        return literal(TextNumbers::parseF64);
    }

    /** Parses the current token with {@code parse} and consumes it, mapping failures to the text format's errors. */
    private long literal(java.util.function.ToLongFunction<String> parse) {
        String s = numberText();
        try {
            long v = parse.applyAsLong(s);
            t.p++;
            return v;
        } catch (TextNumbers.OutOfRange e) {
            throw t.error("constant out of range");
        } catch (NumberFormatException e) {
            throw notANumber();
        }
    }

    /** An integer lane of {@code bits} bits, signed or unsigned. */
    private int smallInt(int bits) {
        int at = t.p;
        int v = i32();
        if (v < -(1 << (bits - 1)) || v >= (1 << bits)) {
            throw t.error("constant out of range", at);
        }
        return v;
    }

    /** {@code v128.const shape lane*}: 16 little-endian bytes. */
    void v128(WasmWriter w) {
        if (!t.at(Lexer.KEYWORD)) {
            throw t.unexpected();
        }
        String shape = t.text();
        t.p++;
        switch (shape) {
            case "i8x16" -> {
                for (int i = 0; i < 16; i++) {
                    lanePresent();
                    w.u8(smallInt(8));
                }
            }
            case "i16x8" -> {
                for (int i = 0; i < 8; i++) {
                    lanePresent();
                    int v = smallInt(16);
                    w.u8(v).u8(v >> 8);
                }
            }
            case "i32x4" -> {
                for (int i = 0; i < 4; i++) {
                    lanePresent();
                    w.f32Bits(i32());
                }
            }
            case "i64x2" -> {
                for (int i = 0; i < 2; i++) {
                    lanePresent();
                    w.f64Bits(i64());
                }
            }
            case "f32x4" -> {
                for (int i = 0; i < 4; i++) {
                    lanePresent();
                    w.f32Bits(f32());
                }
            }
            case "f64x2" -> {
                for (int i = 0; i < 2; i++) {
                    lanePresent();
                    w.f64Bits(f64());
                }
            }
            default -> throw t.error("unexpected token", t.p - 1);
        }
        if (t.at(Lexer.NUMBER)) {
            throw t.error("wrong number of lane literals");
        }
    }

    private void lanePresent() {
        byte k = t.kind();
        if (k == Lexer.RPAREN || k == Lexer.LPAREN || k == Lexer.EOF) {
            throw t.error("wrong number of lane literals");
        }
    }

    /** A lane index: an unsigned literal that fits a byte. */
    int lane() {
        if (!t.at(Lexer.NUMBER)) {
            throw t.unexpected();
        }
        long v;
        try {
            v = TextNumbers.parseU32(t.text());
        } catch (TextNumbers.OutOfRange e) {
            throw t.error("i8 constant out of range");
        } catch (NumberFormatException e) {
            throw t.unexpected();
        }
        if (v > 255) {
            throw t.error("i8 constant out of range");
        }
        t.p++;
        return (int) v;
    }

    /**
     * {@code memidx? offset=n? align=n?} and, for lane accesses, the lane index. A memory index
     * other than 0 sets bit 6 of the alignment field, as multi-memory encodes it.
     */
    void memarg(Opcode op, WasmWriter w, boolean lane) {
        int mem = 0;
        if (t.at(Lexer.ID)) {
            mem = m.memories.resolve(t, "unknown memory");
        } else if (t.at(Lexer.NUMBER) && (!lane || t.kind(1) == Lexer.NUMBER || memargKeyword(t.p + 1))) {
            mem = m.memories.resolve(t, "unknown memory");
        }
        long offset = 0;
        if (t.at(Lexer.KEYWORD) && t.text().startsWith("offset=")) {
            offset = keywordValue("offset=".length(), true);
        }
        int align = op.naturalAlignment();
        if (t.at(Lexer.KEYWORD) && t.text().startsWith("align=")) {
            int at = t.p;
            long a = keywordValue("align=".length(), true);
            if (a == 0 || Long.bitCount(a) != 1) {
                throw t.error("alignment must be a power of two", at);
            }
            align = Long.numberOfTrailingZeros(a);
        }
        if (mem != 0) {
            w.u32(align | 0x40).u32(mem);
        } else {
            w.u32(align);
        }
        w.u64(offset);
        if (lane) {
            w.u8(lane());
        }
    }

    private boolean memargKeyword(int token) {
        if (token >= t.lx.count() || t.lx.kind(token) != Lexer.KEYWORD) {
            return false;
        }
        String s = t.lx.text(token);
        return s.startsWith("offset=") || s.startsWith("align=");
    }

    private long keywordValue(int prefix, boolean wide) {
        String s = t.text().substring(prefix);
        try {
            long v = wide ? TextNumbers.parseU64(s) : TextNumbers.parseU32(s);
            t.p++;
            return v;
        } catch (TextNumbers.OutOfRange e) {
            throw t.error("constant out of range");
        } catch (NumberFormatException e) {
            throw t.error("unknown operator");
        }
    }
}
