package dev.ligature.core.types;

/** Packed integer storage types of GC struct fields and array elements. */
public enum PackedType implements StorageType {
    I8(0x78, "i8"),
    I16(0x77, "i16");

    private final int code;
    private final String text;

    PackedType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    @Override
    public ValType unpacked() {
        return NumType.I32;
    }

    @Override
    public String toString() {
        return text;
    }
}
