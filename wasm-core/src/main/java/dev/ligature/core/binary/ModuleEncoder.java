package dev.ligature.core.binary;

import dev.ligature.core.ast.Module;

/** Encodes a {@link Module} in the binary format. */
public final class ModuleEncoder {
    private ModuleEncoder() {}

    public static byte[] encode(Module module) {
        throw new UnsupportedOperationException("API STUB: replaced by the binary work");
    }
}
