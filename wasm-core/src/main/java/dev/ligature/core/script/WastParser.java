package dev.ligature.core.script;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.text.Lexer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Parses a WAST script into its commands.
 *
 * <p>Modules are not parsed here: an inline {@code (module ...)} is cut out of the script as text
 * (see {@link ModuleSource.Text}), and quoted or binary modules are kept as bytes, so that a module
 * the script expects to be malformed fails in the command that expects it.
 */
public final class WastParser {
    /** Heads of module fields: a script made only of these is one inline module. */
    private static final Set<String> MODULE_FIELDS =
            Set.of("type", "rec", "import", "func", "table", "memory", "global", "export", "start", "elem", "data", "tag");

    private final TokenCursor c;
    private final ConstParser consts;

    private WastParser(Lexer lx) {
        this.c = new TokenCursor(lx);
        this.consts = new ConstParser(c);
    }

    /** Parses the whole script; a syntax error in the script itself is a {@link MalformedModuleException}. */
    public static Script parse(String source) {
        return parse(source.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a script given as its UTF-8 bytes, as read from a file. Positions in errors and in
     * {@link ModuleSource.Text} are lines and byte columns (1-based).
     */
    public static Script parse(byte[] utf8) {
        return new WastParser(Lexer.tokenize(utf8)).script();
    }

    private Script script() {
        List<Command> commands = new ArrayList<>();
        if (c.kind() == Lexer.LPAREN && c.kindAt(1) == Lexer.KEYWORD && MODULE_FIELDS.contains(c.lx.text(1))) {
            commands.add(inlineModule());
            return new Script(commands);
        }
        while (c.kind() != Lexer.EOF) {
            commands.add(command());
        }
        return new Script(commands);
    }

    /** A script that is a bare list of module fields stands for one module made of them all. */
    private Command inlineModule() {
        Lexer lx = c.lx;
        // check the fields are balanced forms, so an unclosed one is reported as a script error here
        while (c.kind() != Lexer.EOF) {
            if (c.kind() != Lexer.LPAREN) {
                throw c.unexpected("a module field");
            }
            c.p = c.matchingParen(c.p) + 1;
        }
        int last = lx.count() - 2; // the token before EOF
        int from = lx.start(0);
        String text = new String(lx.source(), from, lx.end(last) - from, StandardCharsets.UTF_8);
        c.p = last + 1;
        return new Command.ModuleCommand(lx.line(0), null, false, new ModuleSource.Text(text, lx.line(0), lx.column(0)));
    }

    private Command command() {
        int open = c.p;
        int line = c.lx.line(open);
        if (c.atForm("module")) {
            return moduleCommand();
        }
        if (c.atForm("invoke") || c.atForm("get")) {
            return new Command.ActionCommand(line, action());
        }
        c.expectLParen();
        String head = c.keyword("a command");
        Command cmd = switch (head) {
            case "register" -> {
                String name = c.name("a registered name");
                yield new Command.Register(line, name, c.optionalId());
            }
            case "assert_return" -> {
                Action a = action();
                yield new Command.AssertReturn(line, a, consts.results());
            }
            case "assert_trap" -> {
                if (c.atForm("module")) {
                    ModuleSource m = module();
                    yield new Command.AssertModuleTrap(line, m, message());
                }
                Action a = action();
                yield new Command.AssertTrap(line, a, message());
            }
            case "assert_exhaustion" -> {
                Action a = action();
                yield new Command.AssertExhaustion(line, a, message());
            }
            case "assert_exception" -> new Command.AssertException(line, action());
            case "assert_malformed" -> {
                ModuleSource m = module();
                yield new Command.AssertMalformed(line, m, message());
            }
            case "assert_invalid" -> {
                ModuleSource m = module();
                yield new Command.AssertInvalid(line, m, message());
            }
            case "assert_unlinkable" -> {
                ModuleSource m = module();
                yield new Command.AssertUnlinkable(line, m, message());
            }
            case "assert_uninstantiable" -> {
                ModuleSource m = module();
                yield new Command.AssertUninstantiable(line, m, message());
            }
            case "assert_malformed_custom", "assert_invalid_custom" -> {
                ModuleSource m = module();
                yield new Command.AssertCustom(line, m, message(), head.equals("assert_invalid_custom"));
            }
            default -> throw c.error("unexpected token, unknown command " + head, open + 1);
        };
        c.expectRParen();
        return cmd;
    }

    private String message() {
        return c.name("a failure message");
    }

    /** {@code (invoke $id? "name" const*)} or {@code (get $id? "name")}. */
    private Action action() {
        c.expectLParen();
        int headAt = c.p;
        Action a;
        if (c.acceptKeyword("invoke")) {
            String id = c.optionalId();
            String name = c.name("an export name");
            a = new Action.Invoke(id, name, consts.values());
        } else if (c.acceptKeyword("get")) {
            String id = c.optionalId();
            a = new Action.Get(id, c.name("an export name"));
        } else {
            c.p = headAt;
            throw c.unexpected("an action (invoke or get)");
        }
        c.expectRParen();
        return a;
    }

    // ---------------------------------------------------------------------------------------------
    // Modules

    /** A module at the top level: a definition, an instance of one, or a module to instantiate now. */
    private Command moduleCommand() {
        int open = c.p;
        int line = c.lx.line(open);
        c.p += 2; // ( module
        if (c.acceptKeyword("instance")) {
            String instance = c.optionalId();
            String module = c.optionalId();
            c.expectRParen();
            return new Command.ModuleInstance(line, instance, module);
        }
        boolean definition = c.atKeyword("definition");
        c.p = open;
        ModuleSource source = module();
        String id = moduleId(open, definition);
        return new Command.ModuleCommand(line, id, definition, source);
    }

    /** The {@code $id} of the module form at {@code open}, or null. */
    private String moduleId(int open, boolean definition) {
        int at = open + (definition ? 3 : 2);
        return c.lx.kind(at) == Lexer.ID ? c.lx.idName(at) : null;
    }

    /**
     * {@code (module definition? $id? binary "..."*)}, {@code (module definition? $id? quote "..."*)}
     * or {@code (module definition? $id? field*)}; leaves the cursor after the closing parenthesis.
     */
    private ModuleSource module() {
        int open = c.p;
        if (!c.atForm("module")) {
            throw c.unexpected("a module");
        }
        Lexer lx = c.lx;
        int line = lx.line(open);
        c.p += 2;
        int definitionAt = c.acceptKeyword("definition") ? c.p - 1 : -1;
        if (definitionAt < 0 && c.atKeyword("instance")) {
            throw c.error("unexpected token, a module instance is only a command of its own");
        }
        c.optionalId();
        if (c.acceptKeyword("binary")) {
            return new ModuleSource.Binary(strings(), line);
        }
        if (c.acceptKeyword("quote")) {
            return new ModuleSource.Quote(strings(), line);
        }
        int close = c.matchingParen(open);
        c.p = close + 1;
        int from = lx.start(open);
        int to = lx.end(close);
        byte[] src = lx.source();
        String text;
        if (definitionAt < 0) {
            text = new String(src, from, to - from, StandardCharsets.UTF_8);
        } else {
            // "definition" is no part of the module's own syntax: blank it out so the text parses
            // as a plain (module ...) while every other byte keeps its line and column.
            byte[] copy = Arrays.copyOfRange(src, from, to);
            Arrays.fill(copy, lx.start(definitionAt) - from, lx.end(definitionAt) - from, (byte) ' ');
            text = new String(copy, StandardCharsets.UTF_8);
        }
        return new ModuleSource.Text(text, line, lx.column(open));
    }

    /** Concatenated bytes of the strings up to the closing parenthesis, which is consumed. */
    private byte[] strings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (c.kind() == Lexer.STRING) {
            out.writeBytes(c.lx.stringBytes(c.p++));
        }
        c.expectRParen();
        return out.toByteArray();
    }
}
