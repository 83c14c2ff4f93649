package dev.ligature.core.types;

import java.util.List;

/**
 * A recursion group of defined types. Each member occupies one index of the module's type index
 * space; a plain type definition is a group of one. Members may refer to each other, which is
 * what makes them mutually recursive.
 *
 * @param members the group's types, in index order (an unmodifiable copy)
 */
public record RecType(List<SubType> members) {
    /** The byte that introduces a recursion group of several types in the binary format. */
    public static final int CODE = 0x4E;

    /**
     * A recursion group; the list is copied.
     *
     * @throws NullPointerException if the list or any member is null
     */
    public RecType {
        members = List.copyOf(members);
    }

    /**
     * A group of one type, the form of a plain type definition.
     *
     * @param single the only member
     * @return the group
     */
    public static RecType of(SubType single) {
        return new RecType(List.of(single));
    }
}
