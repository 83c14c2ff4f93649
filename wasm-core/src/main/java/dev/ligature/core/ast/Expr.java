package dev.ligature.core.ast;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An instruction sequence in its binary encoding, terminated by {@code end} (0x0B): a function body
 * or a constant expression. Keeping code as bytes (as wasmtime and V8 do) makes decoding a large
 * module cheap; {@code dev.ligature.core.instr.CodeReader} walks it instruction by instruction.
 */
public final class Expr {
    private final byte[] code;

    private Expr(byte[] code) {
        this.code = code;
    }

    /** Wraps {@code code}, taking ownership of the array. */
    public static Expr wrap(byte[] code) {
        return new Expr(code);
    }

    /** The encoded instructions, ending with {@code end}; callers must not modify the array. */
    public byte[] bytes() {
        return code;
    }

    public int length() {
        return code.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expr e && Arrays.equals(code, e.code);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(code);
    }

    @Override
    public String toString() {
        return code.length <= 32 ? "Expr[" + HexFormat.of().formatHex(code) + "]" : "Expr[" + code.length + " bytes]";
    }
}
