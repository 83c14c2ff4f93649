package dev.ligature.spectest;

import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.script.ModuleSource;
import dev.ligature.core.script.Script;
import dev.ligature.core.script.WastParser;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.valid.Validator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

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

    /*
     * Bridge over a change in flight: the script work turns ModuleSource.Quote's source from a
     * String into the raw bytes (a quoted module may be malformed UTF-8), and the text work adds
     * WatParser.parseModule(byte[], int, int) to take them. This branch must build both before and
     * after those branches merge, so the byte overload is looked up once here. Once they are merged,
     * replace this handle and loadQuote by a direct call to WatParser.parseModule(q.source(), 1, 1).
     */
    private static final MethodHandle PARSE_BYTES = findParseBytes();

    private WasmCoreFrontend() {}

    private static MethodHandle findParseBytes() {
        try {
            return MethodHandles.publicLookup().findStatic(WatParser.class, "parseModule",
                    MethodType.methodType(Module.class, byte[].class, int.class, int.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    @Override
    public Script parseScript(String source) {
        return WastParser.parse(source);
    }

    @Override
    public Module load(ModuleSource source) {
        return switch (source) {
            case ModuleSource.Text t -> WatParser.parseModule(t.source(), t.line(), t.column());
            case ModuleSource.Quote q -> loadQuote(q.source());
            case ModuleSource.Binary b -> ModuleDecoder.decode(b.bytes());
        };
    }

    private static Module loadQuote(Object quoted) {
        if (quoted instanceof String text) {
            return WatParser.parseModule(text);
        }
        if (PARSE_BYTES == null) {
            throw new IllegalStateException("quoted module given as bytes but WatParser has no byte[] overload");
        }
        try {
            return (Module) PARSE_BYTES.invokeExact((byte[]) quoted, 1, 1);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void validate(Module module) {
        Validator.validate(module);
    }
}
