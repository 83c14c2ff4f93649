package dev.ligature.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ligature.core.text.Lexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import dev.ligature.core.fixtures.SuiteModules;
import org.junit.jupiter.api.Test;

/** Parses every script of the official test suite and checks properties that must hold for each. */
class WastSuiteTest {
    private static List<Path> scripts(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".wast")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Top-level parenthesised forms, counted on the token stream alone (no script grammar). */
    private static int topLevelForms(byte[] bytes) {
        Lexer lx = Lexer.tokenize(bytes);
        int depth = 0;
        int forms = 0;
        for (int t = 0; t < lx.count(); t++) {
            if (lx.kind(t) == Lexer.LPAREN) {
                if (depth++ == 0) {
                    forms++;
                }
            } else if (lx.kind(t) == Lexer.RPAREN) {
                depth--;
            }
        }
        return forms;
    }

    @Test
    void parsesEveryScriptOfTheSuite() throws IOException {
        Path root = SuiteModules.suiteRoot();
        List<Path> files = scripts(root);
        assertTrue(files.size() >= 250, "expected the whole suite, found " + files.size() + " scripts");
        Map<String, Integer> kinds = new TreeMap<>();
        int textModules = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Script script;
            try {
                script = WastParser.parse(bytes);
            } catch (RuntimeException e) {
                fail(file + ": " + e.getMessage(), e);
                return;
            }
            List<Command> commands = script.commands();
            boolean inline = commands.size() == 1
                    && commands.get(0) instanceof Command.ModuleCommand m
                    && m.source() instanceof ModuleSource.Text t
                    && !t.source().startsWith("(module");
            if (!inline) {
                assertEquals(topLevelForms(bytes), commands.size(), file + ": commands vs top-level forms");
            }
            String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1);
            int previousLine = 0;
            for (Command cmd : commands) {
                assertTrue(cmd.line() >= previousLine && cmd.line() <= lines.length, file + ": line " + cmd.line());
                previousLine = cmd.line();
                kinds.merge(kindOf(cmd), 1, Integer::sum);
                ModuleSource source = sourceOf(cmd);
                if (source instanceof ModuleSource.Text t) {
                    textModules++;
                    checkText(file, lines, t, inline);
                }
            }
        }
        System.out.println("Parsed " + files.size() + " scripts; commands by kind: " + kinds + "; text modules: "
                + textModules);
        assertTrue(kinds.getOrDefault("AssertReturn", 0) > 50_000);
    }

    /**
     * A text module starts with "(" and its first token after that is "module" (comments and
     * annotations may stand between them in the comment and annotation tests), ends with ")", and sits in the file exactly at its line and column
     * (checked on the file's lines, not with the lexer's offsets).
     */
    private static void checkText(Path file, String[] lines, ModuleSource.Text t, boolean inline) {
        String src = t.source();
        if (!inline) {
            Lexer lx = Lexer.tokenize(src.getBytes(StandardCharsets.UTF_8));
            assertTrue(src.startsWith("(") && lx.isKeyword(1, "module"), file + ":" + t.line() + ": " + src);
            assertTrue(src.endsWith(")"), file + ":" + t.line());
        }
        String firstLine = new String(src.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1).split("\n")[0];
        String fileLine = lines[t.line() - 1];
        String at = fileLine.substring(t.column() - 1);
        if (!at.startsWith(firstLine)) {
            // a definition is blanked where the keyword stood; compare around it
            assertTrue(at.startsWith("(module definition") && firstLine.startsWith("(module"),
                    file + ":" + t.line() + ":" + t.column() + " does not hold " + firstLine);
            assertEquals(at.substring(0, firstLine.length()).replace("definition", "          "), firstLine,
                    file + ":" + t.line());
        }
    }

    private static ModuleSource sourceOf(Command cmd) {
        return switch (cmd) {
            case Command.ModuleCommand m -> m.source();
            case Command.AssertModuleTrap a -> a.module();
            case Command.AssertMalformed a -> a.module();
            case Command.AssertInvalid a -> a.module();
            case Command.AssertUnlinkable a -> a.module();
            case Command.AssertUninstantiable a -> a.module();
            case Command.AssertCustom a -> a.module();
            default -> null;
        };
    }

    private static String kindOf(Command cmd) {
        String kind = cmd.getClass().getSimpleName();
        ModuleSource source = sourceOf(cmd);
        if (cmd instanceof Command.ModuleCommand m && m.definition()) {
            kind += "(definition)";
        }
        return source == null ? kind : kind + "/" + source.getClass().getSimpleName();
    }
}
