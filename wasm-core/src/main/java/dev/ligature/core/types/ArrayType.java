package dev.ligature.core.types;

import java.util.Objects;

/**
 * A GC array type: arrays whose elements all have one field type.
 *
 * @param element the type and mutability of every element
 */
public record ArrayType(FieldType element) implements CompType {
    /** The byte that introduces an array type in the binary format. */
    public static final int CODE = 0x5E;

    /**
     * An array type.
     *
     * @throws NullPointerException if {@code element} is null
     */
    public ArrayType {
        Objects.requireNonNull(element, "element");
    }
}
