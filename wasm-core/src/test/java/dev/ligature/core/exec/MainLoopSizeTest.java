package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import org.junit.jupiter.api.Test;

/** HotSpot does not JIT methods over 8,000 bytes of bytecode: the interpreter's loop must stay under. */
class MainLoopSizeTest {
    @Test
    void everyInterpreterMethodIsCompilable() throws Exception {
        for (Class<?> c : new Class<?>[] {Machine.class, Ops.class, Handlers.class, InterpretedFunction.class}) {
            byte[] bytes;
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                bytes = in.readAllBytes();
            }
            ClassModel model = ClassFile.of().parse(bytes);
            for (MethodModel m : model.methods()) {
                int size = m.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
                assertTrue(size < 8000, c.getSimpleName() + "." + m.methodName().stringValue() + " has " + size + " bytes");
            }
        }
    }
}
