package dev.ligature.core.types;

/**
 * A heap type, what a {@link RefType reference} points to: one of the {@link AbsHeapType abstract}
 * ones, or a type defined in the module, by {@link TypeIndex index}.
 */
public sealed interface HeapType permits AbsHeapType, TypeIndex {}
