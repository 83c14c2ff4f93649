package dev.ligature.core.types;

/**
 * The four number types, with their bytes in the binary format. Integers have no sign of their
 * own: each instruction says whether it reads them as signed or unsigned.
 */
public enum NumType implements ValType {
    /** 32-bit integer; a Java {@code int}. Binary {@code 0x7F}. */
    I32(0x7F, "i32"),
    /** 64-bit integer; a Java {@code long}. Binary {@code 0x7E}. */
    I64(0x7E, "i64"),
    /** 32-bit IEEE 754 float; a Java {@code float}, NaN payloads preserved. Binary {@code 0x7D}. */
    F32(0x7D, "f32"),
    /** 64-bit IEEE 754 float; a Java {@code double}, NaN payloads preserved. Binary {@code 0x7C}. */
    F64(0x7C, "f64");

    private final int code;
    private final String text;

    NumType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** {@return the byte that encodes this type in the binary format} */
    public int code() {
        return code;
    }

    /** {@return true: a number defaults to zero} */
    @Override
    public boolean defaultable() {
        return true;
    }

    /** {@return the text-format keyword, e.g. {@code "i32"}} */
    @Override
    public String toString() {
        return text;
    }
}
