package dev.ligature.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ligature.core.MalformedModuleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import dev.ligature.core.fixtures.SuiteModules;
import org.junit.jupiter.api.Test;

/**
 * Damaged text must fail only with MalformedModuleException: modules of a few suite files are cut
 * short or lose a token at seeded random places, and every outcome is either a module or that
 * exception.
 */
class WatRobustnessTest {

    @Test
    void damagedModulesFailOnlyWithMalformedModule() throws IOException {
        Path root = SuiteModules.suiteRoot();
        List<String> escaped = new ArrayList<>();
        Random random = new Random(42);
        int tries = 0;
        for (String file : List.of("block.wast", "elem.wast", "struct.wast", "simd_lane.wast", "try_table.wast",
                "legacy/try_catch.wast", "data.wast", "table.wast", "br_on_cast.wast", "memory64.wast")) {
            byte[] src = Files.readAllBytes(root.resolve(file));
            Lexer lx = Lexer.tokenize(src);
            for (int i = 0; lx.kind(i) == Lexer.LPAREN; ) {
                int end = close(lx, i);
                if (lx.isKeyword(i + 1, "module") && !lx.isKeyword(i + 2, "binary") && !lx.isKeyword(i + 3, "binary")
                        && !lx.isKeyword(i + 2, "quote") && !lx.isKeyword(i + 3, "quote")) {
                    for (int k = 0; k < 8; k++) {
                        int a = lx.start(i + random.nextInt(end - i + 1));
                        int b = lx.start(i + random.nextInt(end - i + 1));
                        byte[] damaged = k % 2 == 0
                                ? Arrays.copyOfRange(src, lx.start(i), Math.max(lx.start(i), a))
                                : cut(src, lx.start(i), lx.end(end), Math.min(a, b), Math.max(a, b));
                        tries++;
                        try {
                            WatParser.parseModule(damaged, 1, 1);
                        } catch (MalformedModuleException expected) {
                            // fine
                        } catch (RuntimeException | StackOverflowError e) {
                            escaped.add(file + ": " + e + " for " + new String(damaged));
                        }
                    }
                }
                i = end + 1;
            }
        }
        System.out.println("robustness: " + tries + " damaged modules");
        assertEquals(List.of(), escaped);
    }

    private static byte[] cut(byte[] src, int from, int to, int a, int b) {
        byte[] out = new byte[(to - from) - (b - a)];
        System.arraycopy(src, from, out, 0, a - from);
        System.arraycopy(src, b, out, a - from, to - b);
        return out;
    }

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
}
