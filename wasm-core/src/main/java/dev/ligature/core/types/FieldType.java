package dev.ligature.core.types;

import java.util.Objects;

/** A struct field or array element: its storage type and mutability. */
public record FieldType(StorageType storage, boolean mutable) {
    public FieldType {
        Objects.requireNonNull(storage, "storage");
    }
}
