package dev.ligature.core.runtime;

import dev.ligature.core.engine.Types;
import dev.ligature.core.types.FuncType;

/**
 * An exception tag: an identity that {@code throw} and {@code catch} match on, with the payload's
 * types (the parameters of {@link #type()}). Two tags are the same only if they are the same object.
 */
public final class Tag {
    private final FuncType type;
    private final int typeId;

    Tag(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
    }

    /** A new tag for a payload of the given types (a function type with no results). */
    public static Tag of(FuncType type) {
        return new Tag(type, Types.canonicalId(type));
    }

    public FuncType type() {
        return type;
    }

    /** Canonical type id of the tag's function type. */
    int typeId() {
        return typeId;
    }

    @Override
    public String toString() {
        return "tag " + type;
    }
}
