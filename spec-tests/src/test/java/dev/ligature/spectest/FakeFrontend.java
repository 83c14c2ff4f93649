package dev.ligature.spectest;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.Module;
import dev.ligature.core.script.ModuleSource;
import dev.ligature.core.script.Script;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A frontend driven by the module text itself, so the runner's logic can be tested without the real
 * parsers. A source (text, quote, or binary bytes read as ASCII) is a directive:
 * {@code ok} parses and validates; {@code malformed:MSG} fails to load with MSG; {@code invalid:MSG}
 * loads and fails validation with MSG; {@code npe} throws a NullPointerException while loading;
 * {@code deep} overflows the stack while loading; {@code hang} never returns.
 */
final class FakeFrontend implements Frontend {
    private final Script script;
    private final Map<Module, String> validation = new IdentityHashMap<>();

    FakeFrontend(Script script) {
        this.script = script;
    }

    @Override
    public Script parseScript(String source) {
        if (source.startsWith("malformed:")) {
            throw MalformedModuleException.atPosition(source.substring("malformed:".length()), 7, 3);
        }
        return script;
    }

    @Override
    public Module load(ModuleSource source) {
        String directive = switch (source) {
            case ModuleSource.Text t -> t.source();
            case ModuleSource.Quote q -> quoted(q.source());
            case ModuleSource.Binary b -> new String(b.bytes(), StandardCharsets.US_ASCII);
        };
        if (directive.startsWith("malformed:")) {
            throw MalformedModuleException.atOffset(directive.substring("malformed:".length()), 8);
        }
        switch (directive) {
            case "npe" -> throw new NullPointerException("boom");
            case "deep" -> recurse(0);
            case "hang" -> {
                while (true) {
                    Thread.onSpinWait();
                }
            }
            default -> {}
        }
        Module module = new Module(Module.empty().types(), Module.empty().imports(), Module.empty().functions(),
                Module.empty().tables(), Module.empty().memories(), Module.empty().tags(), Module.empty().globals(),
                Module.empty().exports(), -1, Module.empty().elements(), -1, Module.empty().data(),
                Module.empty().customs());
        synchronized (validation) {
            validation.put(module, directive);
        }
        return module;
    }

    @Override
    public void validate(Module module) {
        String directive;
        synchronized (validation) {
            directive = validation.get(module);
        }
        if (directive.startsWith("invalid:")) {
            throw InvalidModuleException.of(directive.substring("invalid:".length()));
        }
    }

    // Quote's payload is a String before the script work merges and bytes after; accept both.
    private static String quoted(Object source) {
        return source instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) source;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
