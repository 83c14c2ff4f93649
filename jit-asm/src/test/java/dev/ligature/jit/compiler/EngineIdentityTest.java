package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.binary.ModuleEncoder;
import dev.ligature.jit.AotJar;
import dev.ligature.jit.AotJarException;
import dev.ligature.core.text.WatParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The engine identity ahead-of-time jars record ({@link EngineVersion}) is a hash of class bytes, not of the files
 * holding them: the same classes in another container, order or timestamps, or rebuilt from the same source, give
 * the same identity; a changed compiler class gives another, and its jars are refused.
 */
class EngineIdentityTest {
    private static final byte[] WASM = ModuleEncoder.encode(WatParser.parseModule("""
            (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            """));

    @TempDir
    Path dir;

    private static String hashOfThisBuild() {
        String id = EngineVersion.get();
        assertFalse(id.endsWith("+nohash"), id);
        return id.substring(id.lastIndexOf('+') + 1);
    }

    @Test
    void theHashCoversTheCompilerTheRuntimeAndAsmButNotTheTextFormat() throws Exception {
        SortedMap<String, byte[]> classes = EngineVersion.loadedClasses();
        assertEquals(hashOfThisBuild(), EngineVersion.hash(classes));
        for (String c : new String[] {"dev/ligature/jit/compiler/FunctionCompiler.class", "dev/ligature/jit/compiler/SplitHubs.class",
                "dev/ligature/jit/AotJar.class", "dev/ligature/core/engine/ExecContext.class",
                "dev/ligature/core/runtime/Memory.class", "dev/ligature/core/exec/SimdKernels.class",
                "dev/ligature/core/instr/Opcode.class", "dev/ligature/core/valid/Validator.class",
                "org/objectweb/asm/ClassWriter.class"}) {
            assertTrue(classes.containsKey(c), c);
        }
        assertTrue(classes.keySet().stream().noneMatch(n -> n.startsWith("dev/ligature/core/text/")));
        assertTrue(classes.keySet().stream().noneMatch(n -> n.endsWith("Test.class")), "test classes are not the engine");
        assertTrue(classes.keySet().stream().noneMatch(n -> n.startsWith("org/objectweb/asm/signature/")));
        assertFalse(EngineVersion.decidesCode("dev/ligature/jit/compiler/package-info.class"));
        assertFalse(EngineVersion.decidesCode("dev/ligature/cli/Main.class"));
        assertFalse(EngineVersion.decidesCode("module-info.class"));
    }

    /**
     * Simulates what a second build, or the shaded {@code ligature.jar}, changes about the containers: the same class
     * bytes in a fresh directory and in one jar with other entries (the CLI, a manifest), written in another order,
     * with other timestamps. The identity stays. (The real shaded jar is checked by the cli module's integration test.)
     */
    @Test
    void otherContainersOrdersAndTimestampsGiveTheSameIdentity() throws Exception {
        SortedMap<String, byte[]> classes = EngineVersion.loadedClasses();
        List<Map.Entry<String, byte[]>> shuffled = new ArrayList<>(classes.entrySet());
        Collections.shuffle(shuffled, new Random(12));

        Path tree = dir.resolve("classes");
        long t = 1_000_000_000_000L;
        for (Map.Entry<String, byte[]> e : shuffled) {
            Path f = tree.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
            Files.setLastModifiedTime(f, FileTime.fromMillis(t += 7_919_000));
        }
        Files.createDirectories(tree.resolve("dev/ligature/jit"));
        Files.writeString(tree.resolve("dev/ligature/jit/version.properties"), "version=other\n");
        SortedMap<String, byte[]> fromTree = new TreeMap<>();
        EngineVersion.collect(tree, fromTree);
        assertEquals(hashOfThisBuild(), EngineVersion.hash(fromTree));

        Path jar = dir.resolve("all-in-one.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
            out.putNextEntry(new JarEntry("dev/ligature/cli/Main.class"));
            out.write(new byte[] {(byte) 0xca, (byte) 0xfe});
            out.closeEntry();
            Collections.reverse(shuffled);
            for (Map.Entry<String, byte[]> e : shuffled) {
                JarEntry je = new JarEntry(e.getKey());
                je.setTime(t -= 86_400_000);
                out.putNextEntry(je);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        SortedMap<String, byte[]> fromJar = new TreeMap<>();
        EngineVersion.collect(jar, fromJar);
        assertEquals(hashOfThisBuild(), EngineVersion.hash(fromJar));
    }

    /**
     * On the module path: wasm-core, jit-asm and ASM as jars in a module layer of their own (automatic modules
     * until they get module descriptors, explicit ones after), with their own copies of the classes. EngineVersion there
     * reports this build's identity.
     */
    @Test
    void onTheModulePathTheIdentityIsTheSame() throws Exception {
        Path core = jarOf(dev.ligature.core.runtime.Memory.class, dir.resolve("ligature-core.jar"));
        Path jit = jarOf(EngineVersion.class, dir.resolve("ligature-jit.jar"));
        Path asm = jarOf(org.objectweb.asm.ClassWriter.class, dir.resolve("asm.jar"));
        java.lang.module.ModuleFinder finder = java.lang.module.ModuleFinder.of(core, jit, asm);
        java.util.Set<String> roots = new java.util.HashSet<>();
        finder.findAll().forEach(r -> roots.add(r.descriptor().name()));
        java.lang.module.Configuration cf = ModuleLayer.boot().configuration()
                .resolve(finder, java.lang.module.ModuleFinder.of(), roots);
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(cf, List.of(ModuleLayer.boot()),
                ClassLoader.getPlatformClassLoader());
        ModuleLayer layer = controller.layer();
        String jitModule = cf.modules().stream().filter(r -> r.reference().descriptor().packages().contains("dev.ligature.jit"))
                .findFirst().orElseThrow().name(); // ligature.jit while automatic, whatever its descriptor says later
        controller.addOpens(layer.findModule(jitModule).orElseThrow(), "dev.ligature.jit.compiler", getClass().getModule());
        Class<?> c = layer.findLoader(jitModule).loadClass(EngineVersion.class.getName());
        assertTrue(c.getModule().isNamed() && c != EngineVersion.class, c.getModule().toString());
        var get = c.getDeclaredMethod("get");
        get.setAccessible(true);
        assertEquals(EngineVersion.get(), get.invoke(null));
    }

    /** A jar of the class folder or jar {@code c} was loaded from. */
    private static Path jarOf(Class<?> c, Path jar) throws Exception {
        Path from = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(from)) {
            Files.copy(from, jar);
            return jar;
        }
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
                Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                StringBuilder name = new StringBuilder();
                for (Path p : from.relativize(f)) {
                    name.append(name.isEmpty() ? "" : "/").append(p);
                }
                out.putNextEntry(new JarEntry(name.toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * A real clean rebuild: javac compiles wasm-core's and jit-asm's sources afresh into an empty directory (with the
     * flags Maven uses: {@code -g --release 25}), and every class comes out byte for byte as this build's, so the
     * identity of those classes (with the same ASM) is this build's. Needs the sources beside the build, as in the reactor.
     */
    @Test
    void aCleanRebuildOfTheSameSourcesHasTheSameIdentity() throws Exception {
        Path coreSrc = Path.of("../wasm-core/src/main/java");
        Path jitSrc = Path.of("src/main/java");
        Assumptions.assumeTrue(Files.isDirectory(coreSrc) && Files.isDirectory(jitSrc), "sources not beside the build");
        // java.base's tool lookup: the test compiles as part of module dev.ligature.jit, which does not read java.compiler.
        java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElse(null);
        Assumptions.assumeTrue(javac != null, "no javac in this JVM");
        Path asmJar = Path.of(org.objectweb.asm.ClassWriter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path out = dir.resolve("rebuilt");
        compile(javac, List.of(coreSrc, jitSrc), out, asmJar.toString());
        SortedMap<String, byte[]> rebuilt = new TreeMap<>();
        EngineVersion.collect(out, rebuilt);
        EngineVersion.collect(asmJar, rebuilt);
        SortedMap<String, byte[]> loaded = EngineVersion.loadedClasses();
        assertEquals(loaded.keySet(), rebuilt.keySet());
        List<String> differing = loaded.keySet().stream()
                .filter(k -> !java.util.Arrays.equals(loaded.get(k), rebuilt.get(k))).toList();
        assertEquals(List.of(), differing, "javac wrote other bytes for the same source");
        assertEquals(hashOfThisBuild(), EngineVersion.hash(rebuilt));
    }

    private static void compile(java.util.spi.ToolProvider javac, List<Path> sources, Path out, String classPath) throws IOException {
        List<String> args = new ArrayList<>(List.of("-g", "--release", "25", "-encoding", "UTF-8", "-nowarn",
                "-proc:none", "-d", out.toString(), "-cp", classPath));
        for (Path src : sources) {
            try (Stream<Path> s = Files.walk(src)) {
                // Both trees on one class path: module-info.class is not hashed, and no other class file
                // records the module it belongs to, so the bytes are those of a modular build.
                s.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
                        .forEach(f -> args.add(f.toString()));
            }
        }
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter pw = new java.io.PrintWriter(err);
        int rc = javac.run(pw, pw, args.toArray(String[]::new));
        pw.flush();
        assertEquals(0, rc, err.toString());
    }

    /**
     * A real change to the compiler (SplitHubs.MAX_DEPTH 8 -> 9, rewritten with ASM in a copy of the classes) changes
     * the identity, and a jar recording it (as that compiler would have written it) is refused by this build.
     */
    @Test
    void aChangedCompilerClassChangesTheIdentityAndItsJarsAreRefused() throws Exception {
        SortedMap<String, byte[]> classes = EngineVersion.loadedClasses();
        String name = "dev/ligature/jit/compiler/SplitHubs.class";
        byte[] changed = changeConstant(classes.get(name), "MAX_DEPTH", SplitHubs.MAX_DEPTH + 1);
        assertFalse(java.util.Arrays.equals(classes.get(name), changed));
        SortedMap<String, byte[]> other = new TreeMap<>(classes);
        other.put(name, changed);
        String otherHash = EngineVersion.hash(other);
        assertNotEquals(hashOfThisBuild(), otherHash);

        Path jar = dir.resolve("add.jar");
        AotJar.write(WASM, jar);
        assertEquals(5, AotJar.load(jar, WASM).instantiate().function("add").callInt(2, 3));
        String id = EngineVersion.get();
        String otherId = id.substring(0, id.lastIndexOf('+') + 1) + otherHash;
        Path fromOther = dev.ligature.jit.AotJarFiles.withManifestValue(jar, dir.resolve("other.jar"), "Ligature-Engine", otherId);
        AotJarException e = assertThrows(AotJarException.class, () -> AotJar.load(fromOther, WASM));
        assertTrue(e.getMessage().contains("engine build " + otherId), e.getMessage());
    }

    private static byte[] changeConstant(byte[] bytes, String field, int value) {
        ClassWriter w = new ClassWriter(0);
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public FieldVisitor visitField(int access, String n, String desc, String sig, Object v) {
                return super.visitField(access, n, desc, sig, n.equals(field) ? Integer.valueOf(value) : v);
            }
        }, 0);
        return w.toByteArray();
    }
}
