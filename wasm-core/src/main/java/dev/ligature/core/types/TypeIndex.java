package dev.ligature.core.types;

/** A heap type that names a type defined in the module, by its index in the type index space. */
public record TypeIndex(int index) implements HeapType {
    @Override
    public String toString() {
        return Integer.toString(index);
    }
}
