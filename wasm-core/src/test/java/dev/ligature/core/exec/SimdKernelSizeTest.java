package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiled code (jit-asm) calls the v128 kernels through {@link SimdKernels} with constant operation
 * codes, and relies on HotSpot inlining each kernel so that its dispatch folds away. HotSpot inlines
 * a hot method only below FreqInlineSize (325 bytes of bytecode by default): every kernel must stay
 * under it, or compiled SIMD code silently pays a call and a switch per half.
 */
class SimdKernelSizeTest {
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void everySimdKernelIsSmallEnoughToInline() throws IOException {
        List<String> tooBig = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {SimdKernels.class, SimdInt.class, SimdFloat.class}) {
            ClassModel cm;
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                cm = ClassFile.of().parse(in.readAllBytes());
            }
            for (MethodModel m : cm.methods()) {
                int size = m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
                if (size >= FREQ_INLINE_SIZE && !m.methodName().stringValue().equals("<clinit>")) {
                    tooBig.add(c.getSimpleName() + "." + m.methodName().stringValue() + " (" + size + " bytes)");
                }
            }
        }
        assertTrue(tooBig.isEmpty(), "kernels HotSpot will not inline into compiled code: " + tooBig);
    }
}
