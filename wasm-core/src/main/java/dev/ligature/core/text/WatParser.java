package dev.ligature.core.text;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.Module;

/** Parses the text format (WAT) into a {@link Module}. */
public final class WatParser {
    private WatParser() {}

    /**
     * Parses {@code (module $id? field*)} or a bare sequence of module fields; errors are
     * {@link MalformedModuleException} with line:column relative to {@code line}/{@code column},
     * the position of the first character of {@code source} in its file.
     */
    public static Module parseModule(byte[] utf8Source, int line, int column) {
        throw new UnsupportedOperationException("API STUB: replaced by the text work");
    }

    public static Module parseModule(String source, int line, int column) {
        return parseModule(source.getBytes(java.nio.charset.StandardCharsets.UTF_8), line, column);
    }

    public static Module parseModule(String source) {
        return parseModule(source, 1, 1);
    }
}
