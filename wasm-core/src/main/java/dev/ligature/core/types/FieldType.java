package dev.ligature.core.types;

import java.util.Objects;

/**
 * The type of a GC struct field or array element.
 *
 * @param storage what the field holds: a value type or a packed {@code i8}/{@code i16}
 * @param mutable whether {@code struct.set}/{@code array.set} may write the field
 */
public record FieldType(StorageType storage, boolean mutable) {
    /**
     * A field type.
     *
     * @throws NullPointerException if {@code storage} is null
     */
    public FieldType {
        Objects.requireNonNull(storage, "storage");
    }
}
