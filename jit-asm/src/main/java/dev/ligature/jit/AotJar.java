package dev.ligature.jit;

import dev.ligature.jit.compiler.CodeLoader;
import dev.ligature.jit.compiler.EngineVersion;
import dev.ligature.jit.compiler.ModuleCompiler;
import dev.ligature.jit.compiler.ModuleShape;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.engine.ModuleAccess;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.valid.TypeContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Ahead-of-time compilation: {@link #write} compiles every function of a module and stores the
 * generated classes in a jar; {@link #load} runs the module from that jar without compiling.
 *
 * <p>The jar's manifest records what decided its classes, and {@link #load} refuses a jar
 * ({@link AotJarException}) unless all of it matches:
 * <ul>
 *   <li>{@code Ligature-Module-SHA-256}: the module binary;</li>
 *   <li>{@code Ligature-Engine}: the engine build, the version plus a hash of the class bytes of the
 *       compiler, the wasm-core runtime its code runs on, and ASM (never of the file holding them), so a
 *       jar written by the {@code ligature} command loads in an application using the library and the
 *       other way round, and so does a jar written by another build of the same source with the same
 *       JDK, while any change to those classes refuses it;</li>
 *   <li>{@code Ligature-Code-Options}: the {@link JitOptions} that change generated code
 *       ({@link JitOptions#codeOptions()}); {@link #load(Path, byte[])} expects the defaults,
 *       {@link #load(Path, byte[], JitOptions)} the given ones.</li>
 * </ul>
 */
public final class AotJar {
    static final Attributes.Name MODULE_SHA256 = new Attributes.Name("Ligature-Module-SHA-256");
    static final Attributes.Name ENGINE = new Attributes.Name("Ligature-Engine");
    static final Attributes.Name FUNCTIONS = new Attributes.Name("Ligature-Functions");
    static final Attributes.Name CODE_OPTIONS = new Attributes.Name("Ligature-Code-Options");
    private static final Cleaner CLEANER = Cleaner.create();

    private AotJar() {}

    /**
     * Compiles every function of the module in {@code wasm} with {@link JitOptions#DEFAULT} options and
     * writes the jar.
     *
     * @param wasm the module's binary
     * @param jar where to write the jar (written to a temporary file beside it, then moved into place)
     * @return the number of functions compiled
     * @throws IOException if the jar cannot be written
     * @throws dev.ligature.core.MalformedModuleException if {@code wasm} is not a module
     * @throws dev.ligature.core.InvalidModuleException if it does not validate
     * @throws JitCompileException if a function cannot be compiled
     */
    public static int write(byte[] wasm, Path jar) throws IOException {
        return write(wasm, jar, JitOptions.DEFAULT);
    }

    /**
     * As {@link #write(byte[], Path)}, compiling with {@code options} (their {@linkplain
     * JitOptions#codeOptions() code options} are recorded: load the jar with the same ones).
     *
     * @param wasm the module's binary
     * @param jar where to write the jar
     * @param options the options to compile with
     * @return the number of functions compiled
     * @throws IOException if the jar cannot be written
     */
    public static int write(byte[] wasm, Path jar, JitOptions options) throws IOException {
        Module module = ModuleDecoder.decode(wasm);
        TypeContext types = dev.ligature.core.valid.Validator.validate(module, dev.ligature.core.engine.Types.registry());
        ModuleShape shape = new ModuleShape(module, types, options);
        int n = module.functions().size();
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(MODULE_SHA256, sha256(wasm));
        a.put(ENGINE, EngineVersion.get());
        a.put(FUNCTIONS, Integer.toString(n));
        a.put(CODE_OPTIONS, options.codeOptions());
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        // Functions compile independently: all cores compile, then one thread writes the jar in order.
        byte[][] classes = new byte[n][];
        java.util.stream.IntStream.range(0, n).parallel()
                .forEach(i -> classes[i] = ModuleCompiler.compileFunction(shape, shape.importedFuncs + i));
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jo = new JarOutputStream(out, mf)) {
            for (int i = 0; i < n; i++) {
                int f = shape.importedFuncs + i;
                byte[] bytes = classes[i];
                jo.putNextEntry(new JarEntry(CodeLoader.internalName(f) + ".class"));
                jo.write(bytes);
                jo.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return n;
    }

    /**
     * The module in {@code wasm}, running the classes stored in {@code jar}: nothing is compiled.
     *
     * @param jar a jar {@link #write(byte[], Path)} wrote
     * @param wasm the module's binary, the same bytes the jar was written from
     * @return the module, ready to instantiate
     * @throws AotJarException if the jar was written for other module bytes, by another engine build,
     *     or with other than the default {@linkplain JitOptions#codeOptions() code options}
     */
    public static WasmModule load(Path jar, byte[] wasm) throws IOException {
        return load(jar, wasm, JitOptions.DEFAULT);
    }

    /**
     * As {@link #load(Path, byte[])}, for a jar written with {@code options} (only their {@linkplain
     * JitOptions#codeOptions() code options} matter).
     *
     * @param jar a jar {@link #write(byte[], Path, JitOptions)} wrote
     * @param wasm the module's binary, the same bytes the jar was written from
     * @param options the options the jar was written with
     * @return the module, ready to instantiate
     * @throws AotJarException if the jar was written for other module bytes, by another engine build,
     *     or with other code options
     */
    public static WasmModule load(Path jar, byte[] wasm, JitOptions options) throws IOException {
        JarFile file = new JarFile(jar.toFile());
        try {
            Manifest mf = file.getManifest();
            Attributes a = mf == null ? null : mf.getMainAttributes();
            if (a == null || a.getValue(MODULE_SHA256) == null || a.getValue(ENGINE) == null) {
                throw new AotJarException(jar + " is not a Ligature ahead-of-time jar (no Ligature manifest entries)");
            }
            String hash = sha256(wasm);
            if (!hash.equals(a.getValue(MODULE_SHA256))) {
                throw new AotJarException(jar + " was compiled from a different module binary (its SHA-256 "
                        + a.getValue(MODULE_SHA256) + ", this module's " + hash + ")");
            }
            if (EngineVersion.get().endsWith("+nohash")) {
                throw new AotJarException("this engine build cannot identify its own classes (no code source), so it"
                        + " cannot tell whether " + jar + " was written by it");
            }
            if (!EngineVersion.get().equals(a.getValue(ENGINE))) {
                throw new AotJarException(jar + " was written by engine build " + a.getValue(ENGINE)
                        + "; this is " + EngineVersion.get() + ": compile it again");
            }
            String codeOptions = a.getValue(CODE_OPTIONS);
            if (!options.codeOptions().equals(codeOptions)) {
                throw new AotJarException(jar + " was compiled with options " + codeOptions + ", not "
                        + options.codeOptions() + ": compile it again or load it with its options");
            }
            Module module = ModuleDecoder.decode(wasm);
            if (!Integer.toString(module.functions().size()).equals(a.getValue(FUNCTIONS))) {
                throw new AotJarException(jar + " does not match the module's function count");
            }
            WasmModule m = ModuleAccess.create(module, new JarEngine(file, jar, options));
            CLEANER.register(m, new Closer(file)); // the jar stays open while the module can run
            return m;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private record Closer(JarFile file) implements Runnable {
        @Override
        public void run() {
            try {
                file.close();
            } catch (IOException e) {
                // nothing to do: the module is gone
            }
        }
    }

    /** Serves the classes of one jar instead of compiling. */
    private record JarEngine(JarFile file, Path path, JitOptions options) implements ExecutionEngine {
        @Override
        public String name() {
            return "compiler (classes from " + path.getFileName() + ")";
        }

        @Override
        public CompiledCode compile(Module module, TypeContext types) {
            ModuleShape shape = new ModuleShape(module, types, options);
            return ModuleCompiler.load(shape, f -> read(shape, f));
        }

        private byte[] read(ModuleShape shape, int funcIndex) {
            ZipEntry e = file.getEntry(CodeLoader.internalName(funcIndex) + ".class");
            if (e == null) {
                throw new JitCompileException(funcIndex, shape.functionName(funcIndex), path + " has no class for it");
            }
            try (InputStream in = file.getInputStream(e)) {
                return in.readAllBytes();
            } catch (IOException x) {
                throw new UncheckedIOException("cannot read " + e.getName() + " from " + path, x);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
