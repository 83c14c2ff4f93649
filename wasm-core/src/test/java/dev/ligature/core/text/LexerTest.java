package dev.ligature.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.MalformedModuleException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LexerTest {
    private static Lexer lex(String s) {
        return Lexer.tokenize(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] kinds(Lexer lx) {
        byte[] k = new byte[lx.count()];
        for (int i = 0; i < k.length; i++) {
            k[i] = lx.kind(i);
        }
        return k;
    }

    @Test
    void splitsParenthesesKeywordsIdsNumbersAndStrings() {
        Lexer lx = lex("(func $f (i32.const -0x1_0) \"a\\n\")");
        assertArrayEquals(new byte[] {Lexer.LPAREN, Lexer.KEYWORD, Lexer.ID, Lexer.LPAREN, Lexer.KEYWORD, Lexer.NUMBER,
                Lexer.RPAREN, Lexer.STRING, Lexer.RPAREN, Lexer.EOF}, kinds(lx));
        assertEquals("f", lx.idName(2));
        assertTrue(lx.isKeyword(4, "i32.const"));
        assertEquals("-0x1_0", lx.text(5));
        assertArrayEquals(new byte[] {'a', '\n'}, lx.stringBytes(7));
    }

    @Test
    void commentsAndAnnotationsAreDropped() {
        Lexer lx = lex("(; a (; nested ;) ;) nop ;; line\n (@a (x \")\" (@y)) ) nop");
        assertArrayEquals(new byte[] {Lexer.KEYWORD, Lexer.KEYWORD, Lexer.EOF}, kinds(lx));
        assertEquals(2, lx.line(1));
    }

    @Test
    void runsMixingStringsAndIdCharactersAreReserved() {
        assertEquals(Lexer.RESERVED, lex("$l\"a\"").kind(0));
        assertEquals(Lexer.RESERVED, lex("\"a\"\"b\"").kind(0));
        assertEquals(Lexer.NUMBER, lex("0$l").kind(0));
        assertEquals(Lexer.ID, lex("$\"l\"").kind(0));
        assertEquals("l", lex("$\"l\"").idName(0));
    }

    @Test
    void escapesDecodeToUtf8() {
        Lexer lx = lex("\"\\u{e9}\\ff\\t\"");
        assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xFF, '\t'}, lx.stringBytes(0));
    }

    @Test
    void illegalInputIsMalformedWithPosition() {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> lex("nop\n  \u0001"));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().startsWith("illegal character"));
        assertThrows(MalformedModuleException.class, () -> lex("\"abc"));
        assertThrows(MalformedModuleException.class, () -> lex("(; never closed"));
        assertThrows(MalformedModuleException.class, () -> lex("\"\\u{d800}\""));
        assertThrows(MalformedModuleException.class, () -> Lexer.tokenize(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'}));
        assertThrows(MalformedModuleException.class, () -> lex("(@a (x)"));
    }

    @Test
    void idNamesOfQuotedFormMustBeValidAndNonEmpty() {
        Lexer lx = lex("$\"\" $\"\\ff\"");
        assertThrows(MalformedModuleException.class, () -> lx.idName(0));
        assertThrows(MalformedModuleException.class, () -> lx.idName(1));
    }

    @Test
    void quotedAnnotationIdsMustBeNonEmptyUtf8() {
        assertArrayEquals(new byte[] {Lexer.KEYWORD, Lexer.EOF}, kinds(lex("(@\"a b\" x) nop")));
        MalformedModuleException empty = assertThrows(MalformedModuleException.class, () -> lex("(@\"\")"));
        assertTrue(empty.getMessage().startsWith("empty annotation id"), empty.getMessage());
        MalformedModuleException broken = assertThrows(MalformedModuleException.class, () -> lex("(@\"\n\")"));
        assertTrue(broken.getMessage().startsWith("empty annotation id"), broken.getMessage());
        MalformedModuleException utf8 = assertThrows(MalformedModuleException.class, () -> lex("(@\"\\ef\")"));
        assertTrue(utf8.getMessage().startsWith("malformed UTF-8 encoding"), utf8.getMessage());
    }
}
