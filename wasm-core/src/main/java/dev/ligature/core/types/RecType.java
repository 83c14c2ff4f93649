package dev.ligature.core.types;

import java.util.List;

/**
 * A recursion group of defined types. Each member occupies one index of the module's type index
 * space; a plain type definition is a group of one.
 */
public record RecType(List<SubType> members) {
    public static final int CODE = 0x4E;

    public RecType {
        members = List.copyOf(members);
    }

    public static RecType of(SubType single) {
        return new RecType(List.of(single));
    }
}
