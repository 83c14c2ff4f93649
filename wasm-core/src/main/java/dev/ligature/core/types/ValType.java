package dev.ligature.core.types;

/** A value type: number, vector or reference. */
public sealed interface ValType extends StorageType permits NumType, VecType, RefType {
    @Override
    default ValType unpacked() {
        return this;
    }

    /** Whether a local of this type can be left without explicit initialisation (it has a default). */
    boolean defaultable();
}
