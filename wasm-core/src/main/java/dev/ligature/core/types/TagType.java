package dev.ligature.core.types;

/**
 * The type of an exception tag: the function type whose parameters are the types of the exception's
 * payload (its results are empty).
 *
 * @param typeIndex index of that function type in the module's type index space
 */
public record TagType(int typeIndex) implements ExternType {
    /** {@return {@link ExternKind#TAG}} */
    @Override
    public ExternKind kind() {
        return ExternKind.TAG;
    }
}
