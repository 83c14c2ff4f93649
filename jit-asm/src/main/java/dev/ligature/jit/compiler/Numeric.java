package dev.ligature.jit.compiler;

import dev.ligature.core.exec.Numerics;
import dev.ligature.core.instr.Opcode;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits the numeric instructions (no immediates, types i32/i64/f32/f64 only) with their operands
 * already on the JVM operand stack. Simple ones become JVM instructions; the rest call the
 * {@link Numerics} method {@link #numericsMethod} names, which has the exact Wasm semantics and
 * traps. {@code InstructionLinkTest} checks over every row of the opcode table that each instruction
 * {@link #supports} is emitted and that every call it emits links to a static method of that
 * descriptor, so renaming a method fails the build's tests instead of a program at run time.
 */
final class Numeric implements Opcodes {
    private static final String NUMERICS = Type.getInternalName(Numerics.class);

    private Numeric() {}

    /**
     * The {@link Numerics} method that implements {@code op} for compiled code, with the descriptor
     * {@link #descriptor} gives its type rule; null for an instruction {@link #emit} writes inline.
     */
    static String numericsMethod(Opcode op) {
        return switch (op) {
            case I32_CLZ -> "i32Clz";
            case I32_CTZ -> "i32Ctz";
            case I32_POPCNT -> "i32Popcnt";
            case I32_DIV_S -> "i32DivS";
            case I32_DIV_U -> "i32DivU";
            case I32_REM_S -> "i32RemS";
            case I32_REM_U -> "i32RemU";
            case I32_ROTL -> "i32Rotl";
            case I32_ROTR -> "i32Rotr";
            case I64_CLZ -> "i64Clz";
            case I64_CTZ -> "i64Ctz";
            case I64_POPCNT -> "i64Popcnt";
            case I64_DIV_S -> "i64DivS";
            case I64_DIV_U -> "i64DivU";
            case I64_REM_S -> "i64RemS";
            case I64_REM_U -> "i64RemU";
            case I64_ROTL -> "i64Rotl";
            case I64_ROTR -> "i64Rotr";
            case F32_ABS -> "f32Abs";
            case F32_NEG -> "f32Neg";
            case F32_CEIL -> "f32Ceil";
            case F32_FLOOR -> "f32Floor";
            case F32_TRUNC -> "f32Trunc";
            case F32_NEAREST -> "f32Nearest";
            case F32_SQRT -> "f32Sqrt";
            case F32_MIN -> "f32Min";
            case F32_MAX -> "f32Max";
            case F32_COPYSIGN -> "f32Copysign";
            case F64_ABS -> "f64Abs";
            case F64_NEG -> "f64Neg";
            case F64_CEIL -> "f64Ceil";
            case F64_FLOOR -> "f64Floor";
            case F64_TRUNC -> "f64Trunc";
            case F64_NEAREST -> "f64Nearest";
            case F64_SQRT -> "f64Sqrt";
            case F64_MIN -> "f64Min";
            case F64_MAX -> "f64Max";
            case F64_COPYSIGN -> "f64Copysign";
            case I32_TRUNC_F32_S -> "i32TruncF32S";
            case I32_TRUNC_F32_U -> "i32TruncF32U";
            case I32_TRUNC_F64_S -> "i32TruncF64S";
            case I32_TRUNC_F64_U -> "i32TruncF64U";
            case I64_EXTEND_I32_U -> "i64ExtendI32U";
            case I64_TRUNC_F32_S -> "i64TruncF32S";
            case I64_TRUNC_F32_U -> "i64TruncF32U";
            case I64_TRUNC_F64_S -> "i64TruncF64S";
            case I64_TRUNC_F64_U -> "i64TruncF64U";
            case F32_CONVERT_I32_S -> "f32ConvertI32S";
            case F32_CONVERT_I32_U -> "f32ConvertI32U";
            case F32_CONVERT_I64_S -> "f32ConvertI64S";
            case F32_CONVERT_I64_U -> "f32ConvertI64U";
            case F32_DEMOTE_F64 -> "f32DemoteF64";
            case F64_CONVERT_I32_U -> "f64ConvertI32U";
            case F64_CONVERT_I64_S -> "f64ConvertI64S";
            case F64_CONVERT_I64_U -> "f64ConvertI64U";
            case F64_PROMOTE_F32 -> "f64PromoteF32";
            case I32_REINTERPRET_F32 -> "i32ReinterpretF32";
            case I64_REINTERPRET_F64 -> "i64ReinterpretF64";
            case F32_REINTERPRET_I32 -> "f32ReinterpretI32";
            case F64_REINTERPRET_I64 -> "f64ReinterpretI64";
            case I32_EXTEND8_S -> "i32Extend8S";
            case I32_EXTEND16_S -> "i32Extend16S";
            case I64_EXTEND8_S -> "i64Extend8S";
            case I64_EXTEND16_S -> "i64Extend16S";
            case I64_EXTEND32_S -> "i64Extend32S";
            case I32_TRUNC_SAT_F32_S -> "i32TruncSatF32S";
            case I32_TRUNC_SAT_F32_U -> "i32TruncSatF32U";
            case I32_TRUNC_SAT_F64_S -> "i32TruncSatF64S";
            case I32_TRUNC_SAT_F64_U -> "i32TruncSatF64U";
            case I64_TRUNC_SAT_F32_S -> "i64TruncSatF32S";
            case I64_TRUNC_SAT_F32_U -> "i64TruncSatF32U";
            case I64_TRUNC_SAT_F64_S -> "i64TruncSatF64S";
            case I64_TRUNC_SAT_F64_U -> "i64TruncSatF64U";
            default -> null;
        };
    }

    static String descriptor(String sig) {
        int gt = sig.indexOf('>');
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < gt; i++) {
            sb.append(jvm(sig.charAt(i)));
        }
        sb.append(')');
        sb.append(gt == sig.length() - 1 ? "V" : String.valueOf(jvm(sig.charAt(gt + 1))));
        return sb.toString();
    }

    static char jvm(char wasm) {
        return switch (wasm) {
            case 'i' -> 'I';
            case 'I' -> 'J';
            case 'f' -> 'F';
            case 'F' -> 'D';
            default -> throw new IllegalArgumentException("not a number type: " + wasm);
        };
    }

    /** Whether {@link #emit} handles {@code op}. */
    static boolean supports(Opcode op) {
        return Numerics.handles(op) && op != Opcode.NOP;
    }

    /** Emits {@code op}; returns false if it has neither an inline form nor a Numerics method. */
    static boolean emit(MethodVisitor mv, Opcode op) {
        switch (op) {
            case I32_ADD -> mv.visitInsn(IADD);
            case I32_SUB -> mv.visitInsn(ISUB);
            case I32_MUL -> mv.visitInsn(IMUL);
            case I32_AND -> mv.visitInsn(IAND);
            case I32_OR -> mv.visitInsn(IOR);
            case I32_XOR -> mv.visitInsn(IXOR);
            case I32_SHL -> mv.visitInsn(ISHL); // the JVM takes the count modulo 32, as Wasm does
            case I32_SHR_S -> mv.visitInsn(ISHR);
            case I32_SHR_U -> mv.visitInsn(IUSHR);
            case I64_ADD -> mv.visitInsn(LADD);
            case I64_SUB -> mv.visitInsn(LSUB);
            case I64_MUL -> mv.visitInsn(LMUL);
            case I64_AND -> mv.visitInsn(LAND);
            case I64_OR -> mv.visitInsn(LOR);
            case I64_XOR -> mv.visitInsn(LXOR);
            case I64_SHL -> { mv.visitInsn(L2I); mv.visitInsn(LSHL); }
            case I64_SHR_S -> { mv.visitInsn(L2I); mv.visitInsn(LSHR); }
            case I64_SHR_U -> { mv.visitInsn(L2I); mv.visitInsn(LUSHR); }
            case F32_ADD -> mv.visitInsn(FADD);
            case F32_SUB -> mv.visitInsn(FSUB);
            case F32_MUL -> mv.visitInsn(FMUL);
            case F32_DIV -> mv.visitInsn(FDIV);
            case F64_ADD -> mv.visitInsn(DADD);
            case F64_SUB -> mv.visitInsn(DSUB);
            case F64_MUL -> mv.visitInsn(DMUL);
            case F64_DIV -> mv.visitInsn(DDIV);
            case I32_WRAP_I64 -> mv.visitInsn(L2I);
            case I64_EXTEND_I32_S -> mv.visitInsn(I2L);
            case F64_CONVERT_I32_S -> mv.visitInsn(I2D);
            case I32_EQZ -> bool(mv, IFEQ);
            case I32_EQ -> bool(mv, IF_ICMPEQ);
            case I32_NE -> bool(mv, IF_ICMPNE);
            case I32_LT_S -> bool(mv, IF_ICMPLT);
            case I32_GT_S -> bool(mv, IF_ICMPGT);
            case I32_LE_S -> bool(mv, IF_ICMPLE);
            case I32_GE_S -> bool(mv, IF_ICMPGE);
            case I32_LT_U -> unsignedInt(mv, IFLT);
            case I32_GT_U -> unsignedInt(mv, IFGT);
            case I32_LE_U -> unsignedInt(mv, IFLE);
            case I32_GE_U -> unsignedInt(mv, IFGE);
            case I64_EQZ -> { mv.visitInsn(LCONST_0); mv.visitInsn(LCMP); bool(mv, IFEQ); }
            case I64_EQ -> { mv.visitInsn(LCMP); bool(mv, IFEQ); }
            case I64_NE -> { mv.visitInsn(LCMP); bool(mv, IFNE); }
            case I64_LT_S -> { mv.visitInsn(LCMP); bool(mv, IFLT); }
            case I64_GT_S -> { mv.visitInsn(LCMP); bool(mv, IFGT); }
            case I64_LE_S -> { mv.visitInsn(LCMP); bool(mv, IFLE); }
            case I64_GE_S -> { mv.visitInsn(LCMP); bool(mv, IFGE); }
            case I64_LT_U -> unsignedLong(mv, IFLT);
            case I64_GT_U -> unsignedLong(mv, IFGT);
            case I64_LE_U -> unsignedLong(mv, IFLE);
            case I64_GE_U -> unsignedLong(mv, IFGE);
            // fcmpl yields -1 on NaN, fcmpg +1: pick the one that makes the comparison false.
            case F32_EQ -> { mv.visitInsn(FCMPL); bool(mv, IFEQ); }
            case F32_NE -> { mv.visitInsn(FCMPL); bool(mv, IFNE); }
            case F32_LT -> { mv.visitInsn(FCMPG); bool(mv, IFLT); }
            case F32_GT -> { mv.visitInsn(FCMPL); bool(mv, IFGT); }
            case F32_LE -> { mv.visitInsn(FCMPG); bool(mv, IFLE); }
            case F32_GE -> { mv.visitInsn(FCMPL); bool(mv, IFGE); }
            case F64_EQ -> { mv.visitInsn(DCMPL); bool(mv, IFEQ); }
            case F64_NE -> { mv.visitInsn(DCMPL); bool(mv, IFNE); }
            case F64_LT -> { mv.visitInsn(DCMPG); bool(mv, IFLT); }
            case F64_GT -> { mv.visitInsn(DCMPL); bool(mv, IFGT); }
            case F64_LE -> { mv.visitInsn(DCMPG); bool(mv, IFLE); }
            case F64_GE -> { mv.visitInsn(DCMPL); bool(mv, IFGE); }
            default -> {
                String name = numericsMethod(op);
                if (name == null) {
                    return false;
                }
                mv.visitMethodInsn(INVOKESTATIC, NUMERICS, name, descriptor(op.sig()), false);
            }
        }
        return true;
    }

    /** Turns a condition on the stack into i32 0 or 1. */
    static void bool(MethodVisitor mv, int jump) {
        Label yes = new Label();
        Label done = new Label();
        mv.visitJumpInsn(jump, yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(done);
    }

    private static void unsignedInt(MethodVisitor mv, int jump) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        bool(mv, jump);
    }

    private static void unsignedLong(MethodVisitor mv, int jump) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
        bool(mv, jump);
    }
}
