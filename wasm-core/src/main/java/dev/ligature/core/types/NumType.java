package dev.ligature.core.types;

/** The four number types, with their binary encodings. */
public enum NumType implements ValType {
    I32(0x7F, "i32"),
    I64(0x7E, "i64"),
    F32(0x7D, "f32"),
    F64(0x7C, "f64");

    private final int code;
    private final String text;

    NumType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The byte that encodes this type in the binary format. */
    public int code() {
        return code;
    }

    @Override
    public boolean defaultable() {
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
