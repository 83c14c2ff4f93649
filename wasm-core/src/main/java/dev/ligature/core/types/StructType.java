package dev.ligature.core.types;

import java.util.List;

/** A GC struct type. */
public record StructType(List<FieldType> fields) implements CompType {
    public static final int CODE = 0x5F;

    public StructType {
        fields = List.copyOf(fields);
    }
}
