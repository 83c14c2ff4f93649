package dev.ligature.core.types;

/**
 * Packed integer storage types of GC struct fields and array elements: stored narrow, read as an
 * i32 with sign or zero extension chosen by the instruction ({@code struct.get_s}, {@code _u}).
 */
public enum PackedType implements StorageType {
    /** 8-bit integer. Binary {@code 0x78}. */
    I8(0x78, "i8"),
    /** 16-bit integer. Binary {@code 0x77}. */
    I16(0x77, "i16");

    private final int code;
    private final String text;

    PackedType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** {@return the byte that encodes this type in the binary format} */
    public int code() {
        return code;
    }

    /** {@return {@link NumType#I32}, the type a packed value is read as} */
    @Override
    public ValType unpacked() {
        return NumType.I32;
    }

    /** {@return the text-format keyword, {@code "i8"} or {@code "i16"}} */
    @Override
    public String toString() {
        return text;
    }
}
