package dev.ligature.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.binary.ModuleEncoder;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.text.WatParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotJarTest {
    private static final byte[] WASM = ModuleEncoder.encode(WatParser.parseModule("""
            (module
              (func $fib (export "fib") (param i32) (result i32)
                (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
                  (then (local.get 0))
                  (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                 (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
              (func (export "twice") (param i32) (result i32) (i32.mul (call $fib (local.get 0)) (i32.const 2))))
            """));

    @TempDir
    Path dir;

    @Test
    void aModuleRunsFromItsJarWithoutCompiling() throws IOException {
        Path jar = dir.resolve("fib.jar");
        assertEquals(2, AotJar.write(WASM, jar));
        try (JarFile f = new JarFile(jar.toFile())) {
            assertTrue(f.getEntry("ligature/wasm/F0.class") != null && f.getEntry("ligature/wasm/F1.class") != null);
            assertEquals(AotJar.sha256(WASM), f.getManifest().getMainAttributes().getValue("Ligature-Module-SHA-256"));
        }
        long before = dev.ligature.jit.compiler.ModuleCompiler.COMPILED.get();
        Instance inst = AotJar.load(jar, WASM).instantiate();
        assertEquals(55, inst.function("fib").callInt(10));
        assertEquals(110, inst.function("twice").callInt(10));
        assertEquals(before, dev.ligature.jit.compiler.ModuleCompiler.COMPILED.get(), "nothing compiled: the classes came from the jar");
        Instance compiled = WasmModule.decode(WASM, new JitEngine()).instantiate();
        assertEquals(compiled.function("fib").callInt(20), inst.function("fib").callInt(20));
    }

    @Test
    void aJarForOtherModuleBytesIsRefused() throws IOException {
        Path jar = dir.resolve("fib.jar");
        AotJar.write(WASM, jar);
        byte[] other = ModuleEncoder.encode(WatParser.parseModule("(module (func (export \"fib\") (param i32) (result i32) (local.get 0)))"));
        AotJarException e = assertThrows(AotJarException.class, () -> AotJar.load(jar, other));
        assertTrue(e.getMessage().contains("different module binary"), e.getMessage());
    }

    @Test
    void aJarFromAnotherEngineBuildIsRefused() throws IOException {
        Path good = dir.resolve("fib.jar");
        AotJar.write(WASM, good);
        Path bad = AotJarFiles.withManifestValue(good, dir.resolve("old.jar"), "Ligature-Engine", "0.0.1+0123456789abcdef");
        AotJarException e = assertThrows(AotJarException.class, () -> AotJar.load(bad, WASM));
        assertTrue(e.getMessage().contains("engine build 0.0.1+0123456789abcdef"), e.getMessage());
        assertEquals(55, AotJar.load(good, WASM).instantiate().function("fib").callInt(10));
    }

    @Test
    void optionsThatChangeTheCodeArePartOfTheJarsIdentity() throws IOException {
        JitOptions split = JitOptions.DEFAULT.withForcedSplitBudget(3).withSplitHubs(false);
        Path jar = dir.resolve("split.jar");
        AotJar.write(WASM, jar, split);
        try (JarFile f = new JarFile(jar.toFile())) {
            assertEquals(split.codeOptions(), f.getManifest().getMainAttributes().getValue("Ligature-Code-Options"));
        }
        AotJarException e = assertThrows(AotJarException.class, () -> AotJar.load(jar, WASM));
        assertTrue(e.getMessage().contains("compiled with options " + split.codeOptions()), e.getMessage());
        // The compilation mode decides no code: a lazy loader takes an eager writer's jar.
        Instance inst = AotJar.load(jar, WASM, split.withCompilation(JitOptions.Compilation.EAGER)).instantiate();
        assertEquals(6765, inst.function("fib").callInt(20));
        Path plain = dir.resolve("plain.jar");
        AotJar.write(WASM, plain);
        assertThrows(AotJarException.class, () -> AotJar.load(plain, WASM, split));
        Path unmarked = AotJarFiles.withManifestValue(plain, dir.resolve("unmarked.jar"), "Ligature-Code-Options", null);
        assertThrows(AotJarException.class, () -> AotJar.load(unmarked, WASM), "a jar that does not say is refused");
    }

    @Test
    void aPlainJarIsNotMistakenForOne() throws IOException {
        Path jar = dir.resolve("plain.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
            out.putNextEntry(new JarEntry("x.txt"));
            out.closeEntry();
        }
        AotJarException e = assertThrows(AotJarException.class, () -> AotJar.load(jar, WASM));
        assertTrue(e.getMessage().contains("not a Ligature ahead-of-time jar"), e.getMessage());
    }
}
