package dev.ligature.core.types;

import java.util.Objects;

/**
 * The type of a global: its value type and whether it may be written.
 *
 * @param type the type of the value the global holds
 * @param mutable whether {@code global.set} (and the host) may write it; an import matches only
 *     an export of the same mutability
 */
public record GlobalType(ValType type, boolean mutable) implements ExternType {
    /**
     * A global type.
     *
     * @throws NullPointerException if {@code type} is null
     */
    public GlobalType {
        Objects.requireNonNull(type, "type");
    }

    /** {@return {@link ExternKind#GLOBAL}} */
    @Override
    public ExternKind kind() {
        return ExternKind.GLOBAL;
    }
}
