package dev.ligature.core.types;

import java.util.List;
import java.util.Objects;

/**
 * A defined type: a composite type with its declared supertypes (type indices) and finality. A
 * plain composite type in the binary or text format is a final subtype with no supertypes.
 *
 * @param isFinal whether no other type may declare this one as its supertype
 * @param supertypes indices of the declared supertypes in the module's type index space (at most
 *     one is valid; an unmodifiable copy)
 * @param comp the structure of the type
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompType comp) {
    /** The byte that introduces a non-final subtype ({@code sub}) in the binary format. */
    public static final int CODE_SUB = 0x50;
    /** The byte that introduces a final subtype ({@code sub final}) in the binary format. */
    public static final int CODE_SUB_FINAL = 0x4F;

    /**
     * A defined type; the supertype list is copied.
     *
     * @throws NullPointerException if {@code supertypes}, any of its elements, or {@code comp} is null
     */
    public SubType {
        supertypes = List.copyOf(supertypes);
        Objects.requireNonNull(comp, "comp");
    }

    /**
     * The plain form of a composite type: final, with no supertypes.
     *
     * @param comp the structure of the type
     * @return the defined type
     */
    public static SubType of(CompType comp) {
        return new SubType(true, List.of(), comp);
    }
}
