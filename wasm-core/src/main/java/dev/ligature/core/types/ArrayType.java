package dev.ligature.core.types;

import java.util.Objects;

/** A GC array type. */
public record ArrayType(FieldType element) implements CompType {
    public static final int CODE = 0x5E;

    public ArrayType {
        Objects.requireNonNull(element, "element");
    }
}
