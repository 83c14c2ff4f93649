package dev.ligature.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.valid.TypeContext;
import dev.ligature.core.valid.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;

/**
 * Compiles each function of Pyodide 314.0.7's main module on its own and sorts the failures by
 * reason: once exceptions and tail calls compile, only functions too large for one method may fail
 * (method splitting is separate work). Needs {@code target/pyodide/package/pyodide.asm.wasm} (the
 * wasm-core Pyodide fixture fetches it with npm); skips without it.
 */
class PyodideCompileCensusTest {
    private static final String WASM_SHA256 = "cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6";

    @Test
    void onlyTooLargeFunctionsFailToCompile() throws Throwable {
        Path wasm = Paths.get("target", "pyodide", "package", "pyodide.asm.wasm");
        Assumptions.assumeTrue(Files.isRegularFile(wasm), "Pyodide 314.0.7 is not in " + wasm.toAbsolutePath());
        byte[] bytes = Files.readAllBytes(wasm);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        Assumptions.assumeTrue(sha.equals(WASM_SHA256), "not Pyodide 314.0.7's main module: " + sha);
        Module m = ModuleDecoder.decode(bytes);
        TypeContext types = Validator.validate(m, dev.ligature.core.runtime.Types.registry());
        ModuleShape shape = new ModuleShape(m, types);
        Map<String, Integer> reasons = new TreeMap<>();
        int n = m.functions().size();
        int tooLarge = 0;
        int verified = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int fi = shape.importedFuncs + i;
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                @Override
                protected String getCommonSuperClass(String a, String b) {
                    return "java/lang/Object";
                }
            };
            cw.visit(Opcodes.V21, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "dev/ligature/jit/Census", null, "java/lang/Object", null);
            String reason = null;
            try {
                new FunctionCompiler(shape, "dev/ligature/jit/Census", fi).compile(cw);
                cw.visitEnd();
                byte[] code = cw.toByteArray();
                if (new String(code, java.nio.charset.StandardCharsets.ISO_8859_1).contains("WasmThrow")) {
                    // Exception handling code: have the JVM verify it (linking a hidden class does).
                    java.lang.invoke.MethodHandles.lookup().defineHiddenClass(code, true);
                    verified++;
                }
            } catch (VerifyError e) {
                reason = "rejected by the JVM verifier: " + e.getMessage();
            } catch (JitCompileException e) {
                reason = e.getMessage().contains("passes HotSpot's limit") ? "method too large (HotSpot 8,000 bytes)"
                        : e.getMessage().replaceAll(".*: ", "").replaceAll(" at byte \\d+", "");
            } catch (MethodTooLargeException e) {
                reason = "method too large (JVM 64 KiB)";
            }
            if (reason != null) {
                reasons.merge(reason, 1, Integer::sum);
                if (reason.startsWith("method too large")) {
                    tooLarge++;
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int failed = reasons.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("Pyodide census: " + n + " functions, " + failed + " fail to compile, in " + ms + " ms: " + reasons
                + "; " + verified + " with exception handling loaded and verified");
        assertTrue(verified >= 470, "functions with exception handling verified: " + verified);
        assertTrue(n > 16_000, "defined functions: " + n);
        assertEquals(failed, tooLarge, "failures other than size: " + reasons);
    }
}
