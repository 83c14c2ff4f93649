package dev.ligature.bench.suite;

import dev.ligature.core.runtime.ImportType;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.engine.Engines;
import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.runtime.Global;
import dev.ligature.core.runtime.HostFunction;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.runtime.Tag;
import dev.ligature.core.engine.Types;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.valid.TypeContext;
import dev.ligature.core.valid.Validator;
import dev.ligature.jit.JitEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Startup figures for Pyodide 314.0.7's main module (9.6 MB, 17k functions), one operation per measurement
 * (single shot, ms): decode and validate; compile every function with Ligature's compiler (eager), and prepare
 * for lazy compilation (the default); instantiate against stub imports on the
 * interpreter (data segments applied, nothing called). {@code run.sh} fetches the module with {@code npm pack} into
 * {@code benchmarks/target/pyodide/} and passes its path as {@code -Dligature.pyodide=...} (checked by SHA-256).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@State(Scope.Benchmark)
public class StartupBenchmark {
    /** Where {@code run.sh} puts pyodide.asm.wasm, relative to the repository root. */
    public static final String DEFAULT_PATH = "benchmarks/target/pyodide/package/pyodide.asm.wasm";

    private byte[] bytes;
    private Module module;
    private TypeContext types;
    private WasmModule interpreted;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        bytes = pyodide();
        module = ModuleDecoder.decode(bytes);
        types = Validator.validate(module, Types.registry());
        interpreted = WasmModule.decode(bytes);
    }

    /** The bytes of pyodide.asm.wasm, from {@code -Dligature.pyodide} or {@link #DEFAULT_PATH}. */
    static byte[] pyodide() throws IOException {
        Path path = Path.of(System.getProperty("ligature.pyodide", DEFAULT_PATH));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no Pyodide main module at " + path.toAbsolutePath()
                    + ": run benchmarks/run.sh, which fetches it with npm pack");
        }
        return Files.readAllBytes(path);
    }

    @Benchmark
    public TypeContext pyodideDecodeValidate() {
        return Validator.validate(ModuleDecoder.decode(bytes), Types.registry());
    }

    /** Compiles all 16,958 functions and defines (so the JVM verifies) their classes: {@code JitEngine.eager()}. */
    @Benchmark
    public ExecutionEngine.CompiledCode pyodideCompile() {
        return Engines.resolve(JitEngine.eager()).compile(module, types);
    }

    /** What the default, lazy engine does before the first call: nothing per function. */
    @Benchmark
    public ExecutionEngine.CompiledCode pyodidePrepareLazy() {
        return Engines.resolve(new JitEngine()).compile(module, types);
    }

    @Benchmark
    public Instance pyodideInstantiate() {
        return interpreted.instantiate(stubImports(interpreted));
    }

    /**
     * Imports that satisfy the module's declarations without doing anything: functions throw if called (nothing
     * is called here), memories, tables, globals and tags are fresh, as an embedder would create them.
     */
    static Imports stubImports(WasmModule m) {
        Imports imports = Imports.empty();
        for (ImportType imp : m.imports()) {
            switch (imp.type()) {
                case ExternType.Func f -> imports.function(imp.module(), imp.name(),
                        HostFunction.raw(imp.name(), imp.functionType(), call -> {
                            throw new UnsupportedOperationException(imp.name() + " is a stub");
                        }));
                case MemoryType t -> imports.memory(imp.module(), imp.name(), Memory.create(t, -1));
                case TableType t -> imports.table(imp.module(), imp.name(),
                        Table.of(t.element(), t.limits().min(), t.limits().max()));
                case GlobalType t -> imports.global(imp.module(), imp.name(), Global.of(t));
                case TagType t -> imports.tag(imp.module(), imp.name(), Tag.of(imp.functionType()));
            }
        }
        return imports;
    }
}
