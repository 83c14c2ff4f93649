package dev.ligature.core.runtime;

import dev.ligature.core.engine.Types;
import dev.ligature.core.types.FuncType;

/**
 * An exception tag: an identity that {@code throw} and {@code catch} match on, with the payload's
 * types (the parameters of {@link #type()}). Two tags are the same only if they are the same object:
 * a module that defines a tag gets a new one per instance, and a host that wants to throw or catch
 * a module's exceptions must use the very tag the module imports or exports.
 */
public final class Tag {
    private final FuncType type;
    private final int typeId;

    Tag(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
    }

    /**
     * A new host tag, distinct from every other tag, to import with {@link Imports#tag}.
     *
     * @param type the payload's types as the parameters of a function type with no results
     * @return the tag
     */
    public static Tag of(FuncType type) {
        return new Tag(type, Types.canonicalId(type));
    }

    /** {@return the tag's type: the payload's types as its parameters, no results} */
    public FuncType type() {
        return type;
    }

    /** Canonical type id of the tag's function type. */
    int typeId() {
        return typeId;
    }

    /** {@return a description of the tag's type, e.g. {@code "tag [i32] -> []"}} */
    @Override
    public String toString() {
        return "tag " + type;
    }
}
