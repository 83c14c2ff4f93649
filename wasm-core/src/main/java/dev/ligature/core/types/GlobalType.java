package dev.ligature.core.types;

import java.util.Objects;

/** A global type: value type and mutability. */
public record GlobalType(ValType type, boolean mutable) implements ExternType {
    public GlobalType {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public ExternKind kind() {
        return ExternKind.GLOBAL;
    }
}
