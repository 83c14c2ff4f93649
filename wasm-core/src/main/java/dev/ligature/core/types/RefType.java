package dev.ligature.core.types;

import java.util.Objects;

/** A reference type: a heap type and whether null is a member. */
public record RefType(boolean nullable, HeapType heap) implements ValType {
    public static final RefType FUNCREF = new RefType(true, AbsHeapType.FUNC);
    public static final RefType EXTERNREF = new RefType(true, AbsHeapType.EXTERN);
    public static final RefType EXNREF = new RefType(true, AbsHeapType.EXN);
    public static final RefType ANYREF = new RefType(true, AbsHeapType.ANY);

    /** Binary prefix of {@code (ref ht)}. */
    public static final int CODE_REF = 0x64;
    /** Binary prefix of {@code (ref null ht)}. */
    public static final int CODE_REF_NULL = 0x63;

    public RefType {
        Objects.requireNonNull(heap, "heap");
    }

    @Override
    public boolean defaultable() {
        return nullable;
    }

    @Override
    public String toString() {
        if (nullable && heap instanceof AbsHeapType a) {
            return a.text() + "ref";
        }
        return "(ref " + (nullable ? "null " : "") + heap + ")";
    }
}
