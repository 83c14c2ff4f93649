package dev.ligature.core.script;

import dev.ligature.core.types.HeapType;

/** A constant argument of an action, or an exact expected result. */
public sealed interface WastValue {
    record I32(int value) implements WastValue {}

    record I64(long value) implements WastValue {}

    /** An f32 by its bit pattern, so NaN payloads survive. */
    record F32(int bits) implements WastValue {}

    /** An f64 by its bit pattern, so NaN payloads survive. */
    record F64(long bits) implements WastValue {}

    /** A v128 as 16 little-endian bytes. */
    record V128(byte[] bytes) implements WastValue {}

    /** {@code (ref.null ht)}. */
    record RefNull(HeapType heap) implements WastValue {}

    /** {@code (ref.extern n)}: a host reference the script names by number. */
    record RefExtern(long id) implements WastValue {}

    /** {@code (ref.host n)}: a host reference of the older scripts. */
    record RefHost(long id) implements WastValue {}
}
