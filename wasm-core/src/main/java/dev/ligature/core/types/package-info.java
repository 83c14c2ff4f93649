/**
 * The WebAssembly types, as the specification defines them: value types ({@link
 * dev.ligature.core.types.NumType}, {@link dev.ligature.core.types.VecType}, {@link
 * dev.ligature.core.types.RefType}), the types of functions, globals, memories, tables and tags,
 * and the GC proposal's defined types ({@link dev.ligature.core.types.RecType}, {@link
 * dev.ligature.core.types.SubType}, {@link dev.ligature.core.types.StructType}, {@link
 * dev.ligature.core.types.ArrayType}).
 *
 * <p>Every type here is an immutable value (an enum or a record) and safe to share between threads.
 * Records compare structurally. Types that refer to other types by index ({@link
 * dev.ligature.core.types.ExternType.Func}, {@link dev.ligature.core.types.TagType}, {@link
 * dev.ligature.core.types.TypeIndex}) are meaningful only together with the module whose type index
 * space they index. The {@code CODE} constants and {@code code()} methods give each type's byte in
 * the binary format.
 */
package dev.ligature.core.types;
