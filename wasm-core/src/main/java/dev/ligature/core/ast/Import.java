package dev.ligature.core.ast;

import dev.ligature.core.types.ExternType;
import java.util.Objects;

/** An import: module name, field name, and the type of the imported entity. */
public record Import(String module, String name, ExternType type) {
    public Import {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
