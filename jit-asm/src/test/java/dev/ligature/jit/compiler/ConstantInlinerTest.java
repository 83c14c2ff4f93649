package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Constants built inline by {@link ConstantInliner} are bit for bit the constants asked for. */
class ConstantInlinerTest {
    private static final int[] INTS = {0, 1, -1, 32767, 32768, -32768, -32769, 65535, 65536, 0x7FFF8000, 0x7FFFFFFF,
        Integer.MIN_VALUE, 0x80008000, 0x12345678, 0xFFFF0000, 0xDEADBEEF};
    private static final long[] LONGS = {0, 1, -1, 0xFFFFFFFFL, 0x80000000L, -0x80000000L, Long.MAX_VALUE, Long.MIN_VALUE,
        0x123456789ABCDEF0L, 0xFFFFFFFF00000000L, 0x00000000FFFF8000L, 0x7FFF80007FFF8000L};
    private static final int[] FLOAT_BITS = {0, 0x80000000, 0x7FC00000, 0x7FA00001, 0xFFFFFFFF, 0x3F800000, 0x00000001};
    private static final long[] DOUBLE_BITS = {0, 0x8000000000000000L, 0x7FF8000000000000L, 0x7FF0000000000001L, -1L,
        0x3FF0000000000000L};

    @Test
    void inlineConstantsEqualTheOriginals() throws Throwable {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V21, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "dev/ligature/jit/compiler/InlinedConstants", null,
                "java/lang/Object", null);
        Set<Object> seen = new HashSet<>();
        emit(cw, "ints", "[I", Opcodes.NEWARRAY, Opcodes.T_INT, INTS.length, seen, (m, i) -> m.visitLdcInsn(INTS[i]),
                Opcodes.IASTORE);
        emit(cw, "longs", "[J", Opcodes.NEWARRAY, Opcodes.T_LONG, LONGS.length, seen, (m, i) -> m.visitLdcInsn(LONGS[i]),
                Opcodes.LASTORE);
        emit(cw, "floats", "[F", Opcodes.NEWARRAY, Opcodes.T_FLOAT, FLOAT_BITS.length, seen,
                (m, i) -> m.visitLdcInsn(Float.intBitsToFloat(FLOAT_BITS[i])), Opcodes.FASTORE);
        emit(cw, "doubles", "[D", Opcodes.NEWARRAY, Opcodes.T_DOUBLE, DOUBLE_BITS.length, seen,
                (m, i) -> m.visitLdcInsn(Double.longBitsToDouble(DOUBLE_BITS[i])), Opcodes.DASTORE);
        cw.visitEnd();
        var lookup = MethodHandles.lookup().defineHiddenClass(cw.toByteArray(), true);
        Class<?> c = lookup.lookupClass();
        int[] ints = (int[]) lookup.findStatic(c, "ints", MethodType.methodType(int[].class)).invoke();
        long[] longs = (long[]) lookup.findStatic(c, "longs", MethodType.methodType(long[].class)).invoke();
        float[] floats = (float[]) lookup.findStatic(c, "floats", MethodType.methodType(float[].class)).invoke();
        double[] doubles = (double[]) lookup.findStatic(c, "doubles", MethodType.methodType(double[].class)).invoke();
        for (int i = 0; i < INTS.length; i++) {
            assertEquals(INTS[i], ints[i]);
        }
        for (int i = 0; i < LONGS.length; i++) {
            assertEquals(LONGS[i], longs[i]);
        }
        for (int i = 0; i < FLOAT_BITS.length; i++) {
            // Compared as bits: the payloads of signalling NaNs survive intBitsToFloat on HotSpot's x86.
            assertEquals(Float.floatToRawIntBits(Float.intBitsToFloat(FLOAT_BITS[i])), Float.floatToRawIntBits(floats[i]));
        }
        for (int i = 0; i < DOUBLE_BITS.length; i++) {
            assertEquals(DOUBLE_BITS[i], Double.doubleToRawLongBits(doubles[i]));
        }
        for (int v : INTS) {
            assertTrue(seen.contains(v), "seen " + v);
        }
        for (long v : LONGS) {
            assertTrue(seen.contains(v), "seen " + v);
        }
    }

    private interface Element {
        void load(MethodVisitor m, int i);
    }

    /** A static method returning an array of the constants, each loaded through ldc into an inlining visitor. */
    private static void emit(ClassWriter cw, String name, String arrayDesc, int newOp, int elemType, int n,
            Set<Object> seen, Element element, int storeOp) {
        MethodVisitor m = new ConstantInliner(cw.visitMethod(Opcodes.ACC_STATIC, name, "()" + arrayDesc, null, null),
                true, seen);
        m.visitCode();
        m.visitIntInsn(Opcodes.BIPUSH, n);
        m.visitIntInsn(newOp, elemType);
        for (int i = 0; i < n; i++) {
            m.visitInsn(Opcodes.DUP);
            m.visitIntInsn(Opcodes.BIPUSH, i);
            element.load(m, i);
            m.visitInsn(storeOp);
        }
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }
}
