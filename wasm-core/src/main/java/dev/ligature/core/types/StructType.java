package dev.ligature.core.types;

import java.util.List;

/**
 * A GC struct type: a fixed sequence of fields, addressed by index.
 *
 * @param fields the field types, in index order (an unmodifiable copy)
 */
public record StructType(List<FieldType> fields) implements CompType {
    /** The byte that introduces a struct type in the binary format. */
    public static final int CODE = 0x5F;

    /**
     * A struct type; the list is copied.
     *
     * @throws NullPointerException if the list or any field is null
     */
    public StructType {
        fields = List.copyOf(fields);
    }
}
