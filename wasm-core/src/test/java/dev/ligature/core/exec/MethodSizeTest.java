package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * HotSpot does not JIT-compile methods over 8,000 bytes of bytecode (DontCompileHugeMethods), so an
 * interpreter loop past that size would run interpreted forever. Every method of the execution
 * package must stay under the bound; this reads the compiled classes and checks.
 */
class MethodSizeTest {
    private static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void everyExecMethodIsSmallEnoughForTheJit() throws IOException, URISyntaxException {
        Path dir = Path.of(Machine.class.getResource("Machine.class").toURI()).getParent();
        List<String> tooBig = new ArrayList<>();
        int largest = 0;
        String largestName = "";
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                ClassModel cm;
                try (InputStream in = Files.newInputStream(f)) {
                    cm = ClassFile.of().parse(in.readAllBytes());
                }
                for (MethodModel m : cm.methods()) {
                    int size = m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
                    String name = cm.thisClass().asInternalName() + "." + m.methodName().stringValue();
                    if (size > largest) {
                        largest = size;
                        largestName = name;
                    }
                    if (size >= HUGE_METHOD_LIMIT) {
                        tooBig.add(name + " (" + size + " bytes)");
                    }
                }
            }
        }
        assertTrue(largest > 0, "found the compiled classes in " + dir);
        assertTrue(tooBig.isEmpty(), "methods HotSpot would never compile: " + tooBig);
        System.out.println("largest method in dev.ligature.core.exec: " + largestName + ", " + largest + " bytes");
    }
}
