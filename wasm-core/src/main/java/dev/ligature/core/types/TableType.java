package dev.ligature.core.types;

import java.util.Objects;

/**
 * The type of a table.
 *
 * @param element the reference type of every element
 * @param limits initial and greatest size, in elements
 * @param is64 whether the table is indexed with i64 (table64) rather than i32
 */
public record TableType(RefType element, Limits limits, boolean is64) implements ExternType {
    /**
     * A table type.
     *
     * @throws NullPointerException if {@code element} or {@code limits} is null
     */
    public TableType {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(limits, "limits");
    }

    /** {@return {@link ExternKind#TABLE}} */
    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }
}
