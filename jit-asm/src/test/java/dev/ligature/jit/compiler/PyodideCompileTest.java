package dev.ligature.jit.compiler;

import dev.ligature.jit.JitCompileException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.engine.Types;
import dev.ligature.core.valid.Validator;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every function of Pyodide 314.0.7's main module compiles, each generated method under
 * HotSpot's 8,000-byte limit, and every generated class is then defined in a module class loader,
 * so the JVM verifies all of their bytecode. Nothing may fail.
 *
 * <p>Compiling all 16,958 functions takes about 5-15 s here, so the test runs with the others.
 */
class PyodideCompileTest {
    private static final int LIMIT = 8000;

    @Test
    void everyFunctionCompilesWithEveryMethodUnderTheLimit() throws Exception {
        byte[] wasm = PyodideFixture.mainModuleBytesOrAbort();
        Module module = ModuleDecoder.decode(wasm);
        ModuleShape shape = new ModuleShape(module, Validator.validate(module, Types.registry()));
        int n = module.functions().size();
        assertEquals(PyodideFixture.DEFINED_FUNCTIONS, n);

        List<String> failures = new ArrayList<>();
        byte[][] classes = new byte[shape.importedFuncs + n][];
        int largest = 0;
        String largestName = null;
        int split = 0;
        long compileNanos = 0;
        long splitNanos = 0;
        int compiled = 0;
        for (int i = 0; i < n; i++) {
            int f = shape.importedFuncs + i;
            byte[] bytes;
            long t0 = System.nanoTime();
            try {
                bytes = ModuleCompiler.compileFunction(shape, f);
            } catch (JitCompileException e) {
                failures.add(e.getMessage());
                continue;
            } catch (RuntimeException e) {
                failures.add("function " + f + ": " + e);
                continue;
            }
            long took = System.nanoTime() - t0;
            compileNanos += took;
            compiled++;
            classes[f] = bytes;
            boolean isSplit = false;
            for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
                String name = m.methodName().stringValue();
                int size = m.findAttribute(Attributes.code()).map(c -> c.codeLength()).orElse(0);
                isSplit |= name.startsWith("c");
                if (size >= LIMIT) {
                    failures.add(name + " of function " + f + " has " + size + " bytes");
                }
                if (size > largest) {
                    largest = size;
                    largestName = name + " (" + shape.functionName(f) + ")";
                }
            }
            if (isSplit) {
                split++;
                splitNanos += took;
                if ("_PyEval_EvalFrameDefault".equals(shape.functionName(f))) {
                    long chunks = ClassFile.of().parse(bytes).methods().stream()
                            .filter(m -> m.methodName().stringValue().startsWith("c")).count();
                    System.out.printf("_PyEval_EvalFrameDefault (%d bytes of Wasm): %d chunks%n",
                            module.functions().get(i).body().length(), chunks);
                }
            }
        }
        long v0 = System.nanoTime();
        CodeLoader loader = new CodeLoader(f -> classes[f], shape.importedFuncs, shape.importedFuncs + n, shape.types);
        for (int f = shape.importedFuncs; f < classes.length; f++) {
            if (classes[f] != null) {
                try {
                    loader.classOf(f).getMethods(); // linking verifies every method
                } catch (LinkageError e) {
                    failures.add("function " + f + " does not verify: " + e);
                }
            }
        }
        long verifyNanos = System.nanoTime() - v0;

        System.out.printf("Pyodide %s: %d functions, %d compiled in %.1f s (%.3f ms per function, single thread,"
                + " one class per function, COMPUTE_FRAMES included), %d split into chunks (%.1f s of the total);"
                + " largest method %d bytes: %s; defining and verifying all %d classes took %.1f s%n",
                PyodideFixture.VERSION, n, compiled, compileNanos / 1e9, compileNanos / 1e6 / Math.max(1, compiled),
                split, splitNanos / 1e9, largest, largestName, compiled, verifyNanos / 1e9);
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: "
                + failures.subList(0, Math.min(20, failures.size())));
        assertTrue(largest < LIMIT);
    }
}
