package dev.ligature.core.types;

/** The 128-bit vector type. */
public enum VecType implements ValType {
    V128;

    public static final int CODE = 0x7B;

    @Override
    public boolean defaultable() {
        return true;
    }

    @Override
    public String toString() {
        return "v128";
    }
}
