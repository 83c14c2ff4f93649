package dev.ligature.core.types;

/** A heap type: one of the abstract ones, or a type defined in the module, by index. */
public sealed interface HeapType permits AbsHeapType, TypeIndex {}
