package dev.ligature.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.MalformedModuleException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import dev.ligature.core.fixtures.SuiteModules;
import org.junit.jupiter.api.Test;

/**
 * Walks every .wast file of the official suite (outside proposals/) and checks the WAT parser
 * against it: every module written as plain text (top level, or inside assert_invalid,
 * assert_unlinkable, assert_trap and assert_uninstantiable, which all hold well-formed text) must
 * parse, and every {@code (assert_malformed (module quote ...))} must be rejected with a
 * MalformedModuleException. A tiny scanner over the lexer's tokens finds those forms.
 */
class SpecSuiteWalkTest {
    private static final List<String> WELL_FORMED_HOLDERS =
            List.of("assert_invalid", "assert_unlinkable", "assert_trap", "assert_uninstantiable");

    private int accepted;
    private int rejected;
    private int phraseMatched;
    private final List<String> failures = new ArrayList<>();
    private final List<String> phraseMisses = new ArrayList<>();

    @Test
    void everySuiteModuleParsesAndEveryQuotedMalformedModuleIsRejected() throws IOException {
        Path root = SuiteModules.suiteRoot();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".wast"))
                    .filter(p -> !root.relativize(p).startsWith("proposals"))
                    .sorted()
                    .toList();
        }
        long t0 = System.nanoTime();
        for (Path f : files) {
            walk(root.relativize(f).toString(), Files.readAllBytes(f));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("suite walk: %d files, %d text modules parsed, %d quoted malformed modules rejected"
                        + " (%d with the expected phrase), %d failures, %d ms%n",
                files.size(), accepted, rejected, phraseMatched, failures.size(), ms);
        phraseMisses.forEach(m -> System.out.println("  phrase: " + m));
        failures.forEach(m -> System.out.println("  FAIL " + m));
        assertTrue(files.size() > 200, "suite files found: " + files.size());
        assertEquals(List.of(), failures);
    }

    private void walk(String name, byte[] src) {
        Lexer lx = Lexer.tokenize(src);
        int i = 0;
        while (lx.kind(i) == Lexer.LPAREN) {
            int end = close(lx, i);
            if (lx.isKeyword(i + 1, "module")) {
                textModule(name, lx, src, i, end);
            } else if (lx.isKeyword(i + 1, "assert_malformed") && lx.kind(i + 2) == Lexer.LPAREN
                    && lx.isKeyword(i + 3, "module")) {
                int modEnd = close(lx, i + 2);
                int j = i + 4;
                if (lx.kind(j) == Lexer.ID) {
                    j++;
                }
                if (lx.isKeyword(j, "quote")) {
                    String phrase = lx.kind(modEnd + 1) == Lexer.STRING ? lx.stringName(modEnd + 1) : "";
                    quoted(name, lx, j + 1, modEnd, phrase);
                }
            } else if (lx.kind(i + 1) == Lexer.KEYWORD && WELL_FORMED_HOLDERS.contains(lx.text(i + 1))
                    && lx.kind(i + 2) == Lexer.LPAREN && lx.isKeyword(i + 3, "module")) {
                textModule(name, lx, src, i + 2, close(lx, i + 2));
            }
            i = end + 1;
        }
    }

    /** Index of the token closing the form opened at {@code open}. */
    private static int close(Lexer lx, int open) {
        int depth = 0;
        int i = open;
        do {
            if (lx.kind(i) == Lexer.LPAREN) {
                depth++;
            } else if (lx.kind(i) == Lexer.RPAREN) {
                depth--;
            }
            i++;
        } while (depth > 0);
        return i - 1;
    }

    private void textModule(String name, Lexer lx, byte[] src, int open, int end) {
        int j = open + 2;
        if (lx.isKeyword(j, "definition")) {
            j++;
        }
        if (lx.kind(j) == Lexer.ID) {
            j++;
        }
        if (lx.isKeyword(j, "binary") || lx.isKeyword(j, "quote") || lx.isKeyword(open + 2, "instance")) {
            return;
        }
        byte[] text = java.util.Arrays.copyOfRange(src, lx.start(open), lx.end(end));
        try {
            WatParser.parseModule(text, lx.line(open), lx.column(open));
            accepted++;
        } catch (RuntimeException e) {
            failures.add(name + ":" + lx.line(open) + " rejected: " + e);
        }
    }

    private void quoted(String name, Lexer lx, int from, int modEnd, String phrase) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int k = from; k < modEnd; k++) {
            text.writeBytes(lx.stringBytes(k));
            text.write(' ');
        }
        try {
            WatParser.parseModule(text.toByteArray(), 1, 1);
            failures.add(name + ":" + lx.line(from) + " accepted, expected \"" + phrase + "\"");
        } catch (MalformedModuleException e) {
            rejected++;
            if (e.getMessage().startsWith(phrase)) {
                phraseMatched++;
            } else {
                phraseMisses.add(name + ":" + lx.line(from) + " expected \"" + phrase + "\" got " + e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(name + ":" + lx.line(from) + " threw " + e);
        }
    }
}
