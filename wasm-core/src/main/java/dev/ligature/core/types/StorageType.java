package dev.ligature.core.types;

/** What a struct field or array element holds: a value type or a packed integer type. */
public sealed interface StorageType permits ValType, PackedType {
    /** {@return the type a value of this storage type has on the operand stack: the type itself, or i32 for a packed type} */
    ValType unpacked();
}
