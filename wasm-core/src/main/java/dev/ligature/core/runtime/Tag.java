package dev.ligature.core.runtime;

import dev.ligature.core.types.FuncType;

/**
 * An exception tag: an identity that {@code throw} and {@code catch} match on, with the payload's
 * types (the parameters of {@link #type()}). Two tags are the same only if they are the same object.
 */
public final class Tag {
    private final FuncType type;
    private final int typeId;

    /**
     * @param type the payload types as a function type with no results
     * @param typeId canonical id of the type in {@link Types#registry()}
     */
    public Tag(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
    }

    /** A tag for a payload of the given function type, canonicalised in the shared registry. */
    public static Tag of(FuncType type) {
        return new Tag(type, Types.canonicalId(type));
    }

    public FuncType type() {
        return type;
    }

    /** Canonical type id of the tag's function type. */
    public int typeId() {
        return typeId;
    }
}
