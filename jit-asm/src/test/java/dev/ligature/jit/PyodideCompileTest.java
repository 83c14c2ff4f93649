package dev.ligature.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.runtime.Types;
import dev.ligature.core.valid.Validator;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Every function of Pyodide 314.0.7's main module compiles, each generated method under
 * HotSpot's 8,000-byte limit. Functions are compiled one per class here (the whole module in one
 * class passes the constant pool's limits, which is the module compiler's business, not
 * splitting's). Functions that need what this compiler does not implement yet (exception
 * handling, tail calls, SIMD) are counted apart, by reason; nothing else may fail. Every class
 * holding a split function is also defined, so the JVM verifies its bytecode.
 *
 * <p>Compiling all 16,958 functions takes about 5 s here, so the test runs with the others.
 */
class PyodideCompileTest {
    private static final int LIMIT = 8000;
    private static final String OWNER = "dev/ligature/jit/PyodideProbe";

    @Test
    void everyFunctionCompilesWithEveryMethodUnderTheLimit() throws Exception {
        byte[] wasm = PyodideFixture.mainModuleBytesOrAbort();
        Module module = ModuleDecoder.decode(wasm);
        ModuleShape shape = new ModuleShape(module, Validator.validate(module, Types.registry()));
        int n = module.functions().size();
        assertEquals(PyodideFixture.DEFINED_FUNCTIONS, n);

        Map<String, List<Integer>> notImplemented = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<byte[]> splitClasses = new ArrayList<>();
        int largest = 0;
        String largestName = null;
        int split = 0;
        int over = 0;
        long compileNanos = 0;
        long splitNanos = 0;
        int compiled = 0;
        for (int i = 0; i < n; i++) {
            int f = shape.importedFuncs + i;
            byte[] bytes;
            long t0 = System.nanoTime();
            try {
                ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                    @Override
                    protected String getCommonSuperClass(String a, String b) {
                        return "java/lang/Object";
                    }
                };
                cw.visit(Opcodes.V21, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, OWNER, null, "java/lang/Object", null);
                new FunctionCompiler(shape, OWNER, f).compile(cw);
                cw.visitEnd();
                bytes = cw.toByteArray();
            } catch (JitCompileException e) {
                String reason = notImplementedReason(e.getMessage());
                if (reason != null) {
                    notImplemented.computeIfAbsent(reason, k -> new ArrayList<>()).add(f);
                } else {
                    failures.add(e.getMessage());
                }
                continue;
            } catch (RuntimeException e) {
                failures.add("function " + f + ": " + e);
                continue;
            }
            long took = System.nanoTime() - t0;
            compileNanos += took;
            compiled++;
            boolean isSplit = false;
            for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
                String name = m.methodName().stringValue();
                int size = m.findAttribute(Attributes.code()).map(c -> c.codeLength()).orElse(0);
                isSplit |= name.startsWith("c");
                if (size >= LIMIT) {
                    over++;
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
                splitClasses.add(bytes);
                if ("_PyEval_EvalFrameDefault".equals(shape.functionName(f))) {
                    long chunks = ClassFile.of().parse(bytes).methods().stream()
                            .filter(m -> m.methodName().stringValue().startsWith("c")).count();
                    System.out.printf("_PyEval_EvalFrameDefault (%d bytes of Wasm): %d chunks%n",
                            module.functions().get(i).body().length(), chunks);
                }
            }
        }
        long v0 = System.nanoTime();
        for (byte[] b : splitClasses) {
            MethodHandles.lookup().defineHiddenClass(b, true); // links: the verifier checks every method
        }
        long verifyNanos = System.nanoTime() - v0;

        System.out.printf("Pyodide %s: %d functions, %d compiled in %.1f s (%.3f ms per function, single thread,"
                + " one class per function, COMPUTE_FRAMES included), %d split into chunks (%.1f s of the total);"
                + " largest method %d bytes: %s; defining and verifying the %d split classes took %.1f s%n",
                PyodideFixture.VERSION, n, compiled, compileNanos / 1e9, compileNanos / 1e6 / Math.max(1, compiled),
                split, splitNanos / 1e9, largest, largestName, split, verifyNanos / 1e9);
        notImplemented.forEach((reason, fs) -> System.out.printf("  not implemented on this branch, %s: %d functions %s%n",
                reason, fs.size(), fs.size() > 40 ? fs.subList(0, 40) + "..." : fs));
        assertEquals(0, over, "methods at or past the limit");
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: "
                + failures.subList(0, Math.min(20, failures.size())));
        assertTrue(largest < LIMIT);
    }

    /** Why a function cannot compile yet, if it is one of the features other branches add; null otherwise. */
    private static String notImplementedReason(String message) {
        if (message.matches("(?s).*unsupported instruction (try|catch|throw|rethrow|delegate|return_call).*")) {
            return "exception handling / tail calls";
        }
        if (message.matches("(?s).*(v128|V128|i8x16|i16x8|i32x4|i64x2|f32x4|f64x2).*")) {
            return "SIMD";
        }
        return null;
    }
}
