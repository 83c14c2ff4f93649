package dev.ligature.core.script;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.text.Lexer;

/**
 * A position in the token arrays of a {@link Lexer}, with the small matching steps the script
 * grammar needs. Shared by the command parser and the constant parser so both advance one cursor.
 */
final class TokenCursor {
    final Lexer lx;
    /** Index of the current token. */
    int p;

    TokenCursor(Lexer lx) {
        this.lx = lx;
    }

    byte kind() {
        return lx.kind(p);
    }

    byte kindAt(int token) {
        return token < lx.count() ? lx.kind(token) : Lexer.EOF;
    }

    /** Whether the current token is {@code (} followed by the keyword {@code head}. */
    boolean atForm(String head) {
        return kind() == Lexer.LPAREN && p + 1 < lx.count() && lx.isKeyword(p + 1, head);
    }

    boolean atKeyword(String word) {
        return lx.isKeyword(p, word);
    }

    /** Consumes the current token if it is the keyword {@code word}. */
    boolean acceptKeyword(String word) {
        if (lx.isKeyword(p, word)) {
            p++;
            return true;
        }
        return false;
    }

    void expectLParen() {
        expect(Lexer.LPAREN, "'('");
    }

    void expectRParen() {
        expect(Lexer.RPAREN, "')'");
    }

    private void expect(byte kind, String what) {
        if (kind() != kind) {
            throw unexpected(what);
        }
        p++;
    }

    /** Consumes a keyword and returns its text. */
    String keyword(String what) {
        if (kind() != Lexer.KEYWORD) {
            throw unexpected(what);
        }
        return lx.text(p++);
    }

    /** Consumes an optional {@code $id} and returns its name, or null. */
    String optionalId() {
        if (kind() == Lexer.ID) {
            return lx.idName(p++);
        }
        return null;
    }

    /** Consumes a string that must be a valid UTF-8 name (export names, messages, registered names). */
    String name(String what) {
        if (kind() != Lexer.STRING) {
            throw unexpected(what);
        }
        return lx.stringName(p++);
    }

    /**
     * The index of the {@code )} that closes the {@code (} at {@code open}. Nesting is counted on
     * tokens, so parentheses inside strings, comments and annotations never confuse it.
     */
    int matchingParen(int open) {
        int depth = 0;
        for (int t = open; t < lx.count(); t++) {
            byte k = lx.kind(t);
            if (k == Lexer.LPAREN) {
                depth++;
            } else if (k == Lexer.RPAREN && --depth == 0) {
                return t;
            }
        }
        throw lx.error("unexpected end of script, unclosed '('", open);
    }

    /** "unexpected token" (or "unexpected end" at the end of input) at the current token. */
    MalformedModuleException unexpected(String expected) {
        if (kind() == Lexer.EOF) {
            return lx.error("unexpected end of script, expected " + expected, p);
        }
        return lx.error("unexpected token, expected " + expected, p);
    }

    MalformedModuleException error(String reason) {
        return lx.error(reason, p);
    }

    MalformedModuleException error(String reason, int token) {
        return lx.error(reason, token);
    }
}
