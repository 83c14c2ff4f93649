package dev.ligature.spectest;

import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.script.ModuleSource;
import dev.ligature.core.script.Script;
import dev.ligature.core.script.WastParser;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.valid.Validator;

/**
 * What the runner needs from the engine: parse a script, turn a module source into a {@link Module},
 * validate it. The runner depends on this seam rather than on the static entry points so that its
 * own logic can be tested without the parsers.
 */
public interface Frontend {
    /** Parses a whole WAST script; a syntax error is a {@code MalformedModuleException}. */
    Script parseScript(String source);

    /** Parses or decodes a module; a malformed one is a {@code MalformedModuleException}. */
    Module load(ModuleSource source);

    /** Validates a module; an invalid one is an {@code InvalidModuleException}. */
    void validate(Module module);

    /** The real thing: wasm-core's WAST and WAT parsers, binary decoder and validator. */
    static Frontend wasmCore() {
        return WasmCoreFrontend.INSTANCE;
    }
}

/** {@link Frontend} over wasm-core's static entry points. */
final class WasmCoreFrontend implements Frontend {
    static final WasmCoreFrontend INSTANCE = new WasmCoreFrontend();

    private WasmCoreFrontend() {}

    @Override
    public Script parseScript(String source) {
        return WastParser.parse(source);
    }

    @Override
    public Module load(ModuleSource source) {
        return switch (source) {
            case ModuleSource.Text t -> WatParser.parseModule(t.source(), t.line(), t.column());
            case ModuleSource.Quote q -> WatParser.parseModule(q.source(), 1, 1);
            case ModuleSource.Binary b -> ModuleDecoder.decode(b.bytes());
        };
    }

    @Override
    public void validate(Module module) {
        Validator.validate(module);
    }
}
