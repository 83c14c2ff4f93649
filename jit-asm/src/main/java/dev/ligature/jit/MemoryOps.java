package dev.ligature.jit;

import dev.ligature.core.instr.Opcode;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Loads and stores through {@link dev.ligature.core.runtime.Memory}'s methods, with (Memory, long ea[, value]) on the stack. */
final class MemoryOps implements Opcodes {
    private static final String MEMORY = "dev/ligature/core/runtime/Memory";

    private MemoryOps() {}

    /** Whether {@code op} is one of the scalar loads and stores this class emits (every one has a memarg). */
    static boolean supports(Opcode op) {
        return switch (op) {
            case I32_LOAD, I64_LOAD, F32_LOAD, F64_LOAD, I32_LOAD8_S, I32_LOAD8_U, I32_LOAD16_S, I32_LOAD16_U,
                 I64_LOAD8_S, I64_LOAD8_U, I64_LOAD16_S, I64_LOAD16_U, I64_LOAD32_S, I64_LOAD32_U,
                 I32_STORE, I64_STORE, F32_STORE, F64_STORE, I32_STORE8, I32_STORE16, I64_STORE8, I64_STORE16,
                 I64_STORE32 -> true;
            default -> false;
        };
    }

    private static void call(MethodVisitor mv, String name, String desc) {
        mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, name, desc, false);
    }

    static void load(MethodVisitor mv, Opcode op) {
        switch (op) {
            case I32_LOAD -> call(mv, "loadI32", "(J)I");
            case I64_LOAD -> call(mv, "loadI64", "(J)J");
            case F32_LOAD -> call(mv, "loadF32", "(J)F");
            case F64_LOAD -> call(mv, "loadF64", "(J)D");
            case I32_LOAD8_S -> call(mv, "loadI8", "(J)B");
            case I32_LOAD8_U -> { call(mv, "loadI8", "(J)B"); mask(mv, 0xFF); }
            case I32_LOAD16_S -> call(mv, "loadI16", "(J)S");
            case I32_LOAD16_U -> { call(mv, "loadI16", "(J)S"); mask(mv, 0xFFFF); }
            case I64_LOAD8_S -> { call(mv, "loadI8", "(J)B"); mv.visitInsn(I2L); }
            case I64_LOAD8_U -> { call(mv, "loadI8", "(J)B"); mask(mv, 0xFF); mv.visitInsn(I2L); }
            case I64_LOAD16_S -> { call(mv, "loadI16", "(J)S"); mv.visitInsn(I2L); }
            case I64_LOAD16_U -> { call(mv, "loadI16", "(J)S"); mask(mv, 0xFFFF); mv.visitInsn(I2L); }
            case I64_LOAD32_S -> { call(mv, "loadI32", "(J)I"); mv.visitInsn(I2L); }
            case I64_LOAD32_U -> {
                call(mv, "loadI32", "(J)I");
                mv.visitInsn(I2L);
                mv.visitLdcInsn(0xFFFFFFFFL);
                mv.visitInsn(LAND);
            }
            default -> throw new IllegalArgumentException(op.mnemonic());
        }
    }

    static void store(MethodVisitor mv, Opcode op) {
        switch (op) {
            case I32_STORE -> call(mv, "storeI32", "(JI)V");
            case I64_STORE -> call(mv, "storeI64", "(JJ)V");
            case F32_STORE -> call(mv, "storeF32", "(JF)V");
            case F64_STORE -> call(mv, "storeF64", "(JD)V");
            case I32_STORE8 -> { mv.visitInsn(I2B); call(mv, "storeI8", "(JB)V"); }
            case I32_STORE16 -> { mv.visitInsn(I2S); call(mv, "storeI16", "(JS)V"); }
            case I64_STORE8 -> { mv.visitInsn(L2I); mv.visitInsn(I2B); call(mv, "storeI8", "(JB)V"); }
            case I64_STORE16 -> { mv.visitInsn(L2I); mv.visitInsn(I2S); call(mv, "storeI16", "(JS)V"); }
            case I64_STORE32 -> { mv.visitInsn(L2I); call(mv, "storeI32", "(JI)V"); }
            default -> throw new IllegalArgumentException(op.mnemonic());
        }
    }

    private static void mask(MethodVisitor mv, int m) {
        FunctionCompiler.pushInt(mv, m);
        mv.visitInsn(IAND);
    }
}
