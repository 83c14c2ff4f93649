package dev.ligature.jit.compiler;

import java.util.Set;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Sits between a split function's chunks and their method writers: records the numeric constants
 * loaded with {@code ldc} and, when asked, builds them from instruction immediates instead.
 *
 * <p>A class file holds at most 65,535 constants. A huge straight-line function (a data
 * relocation function with one large address per store) can load more distinct numbers than
 * that, so one class cannot hold it however its code is split. Built inline, an int takes 10
 * bytes of bytecode instead of 3 (C2 folds it back into a constant), and the pool stays small.
 */
final class ConstantInliner extends MethodVisitor {
    private final boolean inline;
    private final Set<Object> seen;

    ConstantInliner(MethodVisitor target, boolean inline, Set<Object> seen) {
        super(Opcodes.ASM9, target);
        this.inline = inline;
        this.seen = seen;
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Float || value instanceof Double) {
            seen.add(value);
            if (inline) {
                switch (value) {
                    case Integer i -> pushInt(i);
                    case Long l -> pushLong(l);
                    case Float f -> {
                        pushInt(Float.floatToRawIntBits(f));
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                    }
                    default -> {
                        pushLong(Double.doubleToRawLongBits((Double) value));
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                    }
                }
                return;
            }
        }
        super.visitLdcInsn(value);
    }

    /** {@code v} as (hi << 16) + lo with both halves in a short (int arithmetic wraps as the JVM's does). */
    private void pushInt(int v) {
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            super.visitIntInsn(Opcodes.SIPUSH, v);
            return;
        }
        short lo = (short) v;
        int hi = (v - lo) >> 16;
        super.visitIntInsn(Opcodes.SIPUSH, hi);
        super.visitIntInsn(Opcodes.BIPUSH, 16);
        super.visitInsn(Opcodes.ISHL);
        super.visitIntInsn(Opcodes.SIPUSH, lo);
        super.visitInsn(Opcodes.IADD);
    }

    /** {@code v} as (high << 32) | (low as unsigned). */
    private void pushLong(long v) {
        pushInt((int) (v >>> 32));
        super.visitInsn(Opcodes.I2L);
        super.visitIntInsn(Opcodes.BIPUSH, 32);
        super.visitInsn(Opcodes.LSHL);
        pushInt((int) v);
        super.visitInsn(Opcodes.I2L);
        super.visitIntInsn(Opcodes.BIPUSH, 32);
        super.visitInsn(Opcodes.LSHL);
        super.visitIntInsn(Opcodes.BIPUSH, 32);
        super.visitInsn(Opcodes.LUSHR);
        super.visitInsn(Opcodes.LOR);
    }
}
