package dev.ligature.core.types;

import java.util.Objects;

/**
 * A reference type: references to values of a heap type, with or without null. On the host side a
 * {@code func} reference is a {@link dev.ligature.core.runtime.WasmFunction}, an {@code extern}
 * reference any Java object, and null is Java's {@code null}.
 *
 * @param nullable whether null is a value of the type ({@code (ref null ht)} rather than {@code (ref ht)})
 * @param heap what the references point to
 */
public record RefType(boolean nullable, HeapType heap) implements ValType {
    /** {@code funcref}, that is {@code (ref null func)}. */
    public static final RefType FUNCREF = new RefType(true, AbsHeapType.FUNC);
    /** {@code externref}, that is {@code (ref null extern)}. */
    public static final RefType EXTERNREF = new RefType(true, AbsHeapType.EXTERN);
    /** {@code exnref}, that is {@code (ref null exn)}. */
    public static final RefType EXNREF = new RefType(true, AbsHeapType.EXN);
    /** {@code anyref}, that is {@code (ref null any)}. */
    public static final RefType ANYREF = new RefType(true, AbsHeapType.ANY);

    /** Binary prefix of {@code (ref ht)}. */
    public static final int CODE_REF = 0x64;
    /** Binary prefix of {@code (ref null ht)}. */
    public static final int CODE_REF_NULL = 0x63;

    /**
     * A reference type.
     *
     * @throws NullPointerException if {@code heap} is null
     */
    public RefType {
        Objects.requireNonNull(heap, "heap");
    }

    /** {@return whether the type is nullable: null is the default of a nullable reference, and a non-nullable one has none} */
    @Override
    public boolean defaultable() {
        return nullable;
    }

    /** {@return the type in the text format: the shorthand such as {@code funcref} where there is one, else {@code (ref null? ht)}} */
    @Override
    public String toString() {
        if (nullable && heap instanceof AbsHeapType a) {
            return a.text() + "ref";
        }
        return "(ref " + (nullable ? "null " : "") + heap + ")";
    }
}
