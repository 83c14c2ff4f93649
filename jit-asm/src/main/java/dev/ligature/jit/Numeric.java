package dev.ligature.jit;

import dev.ligature.core.exec.Numerics;
import dev.ligature.core.instr.Opcode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits the numeric instructions (no immediates, types i32/i64/f32/f64 only) with their operands
 * already on the JVM operand stack. Simple ones become JVM instructions; the rest call the
 * {@link Numerics} method named after the mnemonic, which has the exact Wasm semantics and traps.
 */
final class Numeric implements Opcodes {
    private static final String NUMERICS = Type.getInternalName(Numerics.class);
    private static final Map<Opcode, Method> CALLS = new EnumMap<>(Opcode.class);

    static {
        Map<String, Method> byName = new java.util.HashMap<>();
        for (Method m : Numerics.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                byName.put(m.getName(), m);
            }
        }
        for (Opcode op : Opcode.values()) {
            if (Numerics.handles(op) && op != Opcode.NOP) {
                Method m = byName.get(camel(op.mnemonic()));
                if (m != null && Type.getMethodDescriptor(m).equals(descriptor(op.sig()))) {
                    CALLS.put(op, m);
                }
            }
        }
    }

    private Numeric() {}

    /** {@code i32.trunc_f32_s} becomes {@code i32TruncF32S}. */
    static String camel(String mnemonic) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : mnemonic.toCharArray()) {
            if (c == '.' || c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
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
                Method m = CALLS.get(op);
                if (m == null) {
                    return false;
                }
                mv.visitMethodInsn(INVOKESTATIC, NUMERICS, m.getName(), Type.getMethodDescriptor(m), false);
            }
        }
        return true;
    }

    /** Turns a condition on the stack into i32 0 or 1. */
    private static void bool(MethodVisitor mv, int jump) {
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
