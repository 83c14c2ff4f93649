package dev.ligature.core.types;

import java.util.List;
import java.util.Objects;

/**
 * A defined type: a composite type with its declared supertypes (type indices) and finality. A
 * plain composite type in the binary or text format is a final subtype with no supertypes.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompType comp) {
    public static final int CODE_SUB = 0x50;
    public static final int CODE_SUB_FINAL = 0x4F;

    public SubType {
        supertypes = List.copyOf(supertypes);
        Objects.requireNonNull(comp, "comp");
    }

    /** The plain form of {@code comp}: final, no supertypes. */
    public static SubType of(CompType comp) {
        return new SubType(true, List.of(), comp);
    }
}
