package dev.ligature.core.text;

import dev.ligature.core.MalformedModuleException;

/**
 * A cursor over the tokens of a {@link Lexer}, with the small look-ahead and expectation helpers the
 * recursive-descent parsers of the text format share. Tokens are addressed by index, so saving and
 * restoring a position is just an int.
 */
final class Tokens {
    final Lexer lx;
    int p;

    Tokens(Lexer lx) {
        this.lx = lx;
    }

    byte kind() {
        return lx.kind(p);
    }

    byte kind(int ahead) {
        int i = p + ahead;
        return i < lx.count() ? lx.kind(i) : Lexer.EOF;
    }

    boolean at(byte kind) {
        return lx.kind(p) == kind;
    }

    /** Whether the current token is the keyword {@code word}. */
    boolean atKeyword(String word) {
        return lx.isKeyword(p, word);
    }

    /** Whether the cursor stands at {@code ( word}. */
    boolean atForm(String word) {
        return lx.kind(p) == Lexer.LPAREN && p + 1 < lx.count() && lx.isKeyword(p + 1, word);
    }

    /** The keyword after the current {@code (}, or null. */
    String formKeyword() {
        if (lx.kind(p) == Lexer.LPAREN && p + 1 < lx.count() && lx.kind(p + 1) == Lexer.KEYWORD) {
            return lx.text(p + 1);
        }
        return null;
    }

    String text() {
        return lx.text(p);
    }

    MalformedModuleException error(String reason) {
        return lx.error(reason, p);
    }

    MalformedModuleException error(String reason, int token) {
        return lx.error(reason, token);
    }

    /** The generic syntax error at the current token. */
    MalformedModuleException unexpected() {
        if (at(Lexer.RESERVED)) {
            // a reserved token is no word of the grammar; a lone "$" is an identifier without name
            return lx.error(text().equals("$") ? "empty identifier" : "unknown operator", p);
        }
        return lx.error(at(Lexer.EOF) ? "unexpected end of input" : "unexpected token", p);
    }

    void expect(byte kind) {
        if (lx.kind(p) != kind) {
            throw unexpected();
        }
        p++;
    }

    void lparen() {
        expect(Lexer.LPAREN);
    }

    void rparen() {
        expect(Lexer.RPAREN);
    }

    /** Consumes {@code ( word}. */
    void openForm(String word) {
        if (!atForm(word)) {
            throw unexpected();
        }
        p += 2;
    }

    void keyword(String word) {
        if (!atKeyword(word)) {
            throw unexpected();
        }
        p++;
    }

    boolean takeKeyword(String word) {
        if (atKeyword(word)) {
            p++;
            return true;
        }
        return false;
    }

    /** Consumes an optional identifier, returning its token index or -1. */
    int optId() {
        if (at(Lexer.ID)) {
            return p++;
        }
        return -1;
    }

    String idName(int token) {
        return token < 0 ? null : lx.idName(token);
    }

    /** A string literal's bytes. */
    byte[] string() {
        if (!at(Lexer.STRING)) {
            throw unexpected();
        }
        return lx.stringBytes(p++);
    }

    /** A string literal that must be valid UTF-8 (a name). */
    String name() {
        if (!at(Lexer.STRING)) {
            throw unexpected();
        }
        return lx.stringName(p++);
    }

    /** Whether the current token is an index: a number or an identifier. */
    boolean atIndex() {
        byte k = lx.kind(p);
        return k == Lexer.NUMBER || k == Lexer.ID;
    }

    /** An unsigned 32-bit literal ("unexpected token" when not a number at all). */
    long u32() {
        return unsigned(false);
    }

    long u64() {
        return unsigned(true);
    }

    private long unsigned(boolean wide) {
        if (!at(Lexer.NUMBER)) {
            throw unexpected();
        }
        try {
            long v = wide ? TextNumbers.parseU64(text()) : TextNumbers.parseU32(text());
            p++;
            return v;
        } catch (TextNumbers.OutOfRange e) {
            throw error("constant out of range");
        } catch (NumberFormatException e) {
            throw error("unknown operator"); // a number-like token that is no number, such as 0drop
        }
    }

    /** Skips one balanced s-expression or a single atom. */
    void skipItem() {
        if (!at(Lexer.LPAREN)) {
            if (at(Lexer.EOF) || at(Lexer.RPAREN)) {
                throw unexpected();
            }
            p++;
            return;
        }
        int depth = 0;
        do {
            byte k = lx.kind(p);
            if (k == Lexer.LPAREN) {
                depth++;
            } else if (k == Lexer.RPAREN) {
                depth--;
            } else if (k == Lexer.EOF) {
                throw unexpected();
            }
            p++;
        } while (depth > 0);
    }
}
