package dev.ligature.jit.compiler;

import dev.ligature.core.instr.MemAccess;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.NumType;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Loads and stores through {@link dev.ligature.core.runtime.Memory}'s methods, with (Memory, long ea[, value]) on
 * the stack. What each instruction reads or writes comes from its row's {@link MemAccess}.
 */
final class MemoryOps implements Opcodes {
    private static final String MEMORY = "dev/ligature/core/runtime/Memory";

    private MemoryOps() {}

    /** Whether {@code op} is one of the scalar loads and stores this class emits (every one has a memarg). */
    static boolean supports(Opcode op) {
        MemAccess a = op.memAccess();
        return a != null && a.scalar();
    }

    private static void call(MethodVisitor mv, String name, String desc) {
        mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, name, desc, false);
    }

    static void load(MethodVisitor mv, Opcode op) {
        MemAccess a = scalar(op, false);
        NumType t = (NumType) a.type();
        if (!a.partial()) {
            switch (t) {
                case I32 -> call(mv, "loadI32", "(J)I");
                case I64 -> call(mv, "loadI64", "(J)J");
                case F32 -> call(mv, "loadF32", "(J)F");
                case F64 -> call(mv, "loadF64", "(J)D");
            }
            return;
        }
        switch (a.bytes()) {
            case 1 -> {
                call(mv, "loadI8", "(J)B");
                if (!a.signed()) {
                    mask(mv, 0xFF);
                }
            }
            case 2 -> {
                call(mv, "loadI16", "(J)S");
                if (!a.signed()) {
                    mask(mv, 0xFFFF);
                }
            }
            default -> call(mv, "loadI32", "(J)I");
        }
        if (t == NumType.I64) {
            mv.visitInsn(I2L);
            if (a.bytes() == 4 && !a.signed()) {
                mv.visitLdcInsn(0xFFFFFFFFL);
                mv.visitInsn(LAND);
            }
        }
    }

    static void store(MethodVisitor mv, Opcode op) {
        MemAccess a = scalar(op, true);
        NumType t = (NumType) a.type();
        if (!a.partial()) {
            switch (t) {
                case I32 -> call(mv, "storeI32", "(JI)V");
                case I64 -> call(mv, "storeI64", "(JJ)V");
                case F32 -> call(mv, "storeF32", "(JF)V");
                case F64 -> call(mv, "storeF64", "(JD)V");
            }
            return;
        }
        if (t == NumType.I64) {
            mv.visitInsn(L2I);
        }
        switch (a.bytes()) {
            case 1 -> {
                mv.visitInsn(I2B);
                call(mv, "storeI8", "(JB)V");
            }
            case 2 -> {
                mv.visitInsn(I2S);
                call(mv, "storeI16", "(JS)V");
            }
            default -> call(mv, "storeI32", "(JI)V");
        }
    }

    private static MemAccess scalar(Opcode op, boolean store) {
        if (!supports(op) || op.memAccess().store() != store) {
            throw new IllegalArgumentException(op.mnemonic());
        }
        return op.memAccess();
    }

    private static void mask(MethodVisitor mv, int m) {
        FunctionCompiler.pushInt(mv, m);
        mv.visitInsn(IAND);
    }
}
