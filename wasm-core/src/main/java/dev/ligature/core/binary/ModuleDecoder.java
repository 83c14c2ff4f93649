package dev.ligature.core.binary;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.Module;

/** Decodes the binary format into a {@link Module}. */
public final class ModuleDecoder {
    private ModuleDecoder() {}

    /** Decodes a whole module; every encoding fault is a {@link MalformedModuleException}. */
    public static Module decode(byte[] bytes) {
        throw new UnsupportedOperationException("API STUB: replaced by the binary work");
    }
}
