package dev.ligature.core.types;

/**
 * A heap type that names a type defined in the module, by its index in the type index space. Like
 * {@link ExternType.Func}, it means something only together with its module.
 *
 * @param index the index in the module's type index space
 */
public record TypeIndex(int index) implements HeapType {
    /** {@return the index in decimal, as the text format writes a type index} */
    @Override
    public String toString() {
        return Integer.toString(index);
    }
}
