package dev.ligature.core.types;

import java.util.Objects;

/** A table type: element reference type, limits, and whether it is addressed with i64. */
public record TableType(RefType element, Limits limits, boolean is64) implements ExternType {
    public TableType {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(limits, "limits");
    }

    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }
}
