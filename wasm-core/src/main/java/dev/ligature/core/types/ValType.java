package dev.ligature.core.types;

/**
 * A value type, the type of an operand, local, global, parameter or result: a {@link NumType
 * number}, the {@link VecType vector} type, or a {@link RefType reference}.
 */
public sealed interface ValType extends StorageType permits NumType, VecType, RefType {
    /** {@return this type: a value type is stored as itself} */
    @Override
    default ValType unpacked() {
        return this;
    }

    /**
     * {@return whether the type has a default value (zero, or null), so that a local of this type
     * need not be set before it is read}
     */
    boolean defaultable();
}
