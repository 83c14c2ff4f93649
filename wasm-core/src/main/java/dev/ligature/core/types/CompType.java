package dev.ligature.core.types;

/**
 * A composite type, the body of a type definition: a {@link FuncType function}, {@link StructType
 * struct} or {@link ArrayType array} type.
 */
public sealed interface CompType permits FuncType, StructType, ArrayType {}
