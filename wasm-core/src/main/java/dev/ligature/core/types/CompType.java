package dev.ligature.core.types;

/** A composite type: function, struct or array. */
public sealed interface CompType permits FuncType, StructType, ArrayType {}
