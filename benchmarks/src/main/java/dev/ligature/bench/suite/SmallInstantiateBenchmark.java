package dev.ligature.bench.suite;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import dev.ligature.core.binary.ModuleEncoder;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.text.WatParser;
import dev.ligature.jit.JitEngine;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Instantiating a small, already compiled module over and over (µs per instance): an engine's fixed cost per
 * instance, which matters when a host creates one instance per request. The module is {@code suite/small.wat}:
 * one page of memory with data, a table with elements, globals, five functions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SmallInstantiateBenchmark {
    @Param({"ligature-compiler", "ligature-interpreter", "chicory-compiler", "chicory-interpreter"})
    public String engine;

    private Supplier<Object> instantiate;

    @Setup
    public void setUp() throws IOException {
        byte[] binary = ModuleEncoder.encode(WatParser.parseModule(smallModuleText()));
        instantiate = switch (engine) {
            case "ligature-compiler" -> {
                WasmModule m = WasmModule.decode(binary, new JitEngine());
                yield m::instantiate;
            }
            case "ligature-interpreter" -> {
                WasmModule m = WasmModule.decode(binary);
                yield m::instantiate;
            }
            case "chicory-compiler" -> {
                com.dylibso.chicory.wasm.WasmModule m = Parser.parse(binary);
                Function<com.dylibso.chicory.runtime.Instance, Machine> machine = MachineFactoryCompiler.builder(m)
                        .withInterpreterFallback(InterpreterFallback.FAIL).compile();
                yield () -> com.dylibso.chicory.runtime.Instance.builder(m).withMachineFactory(machine).build();
            }
            case "chicory-interpreter" -> {
                com.dylibso.chicory.wasm.WasmModule m = Parser.parse(binary);
                yield () -> com.dylibso.chicory.runtime.Instance.builder(m).build();
            }
            default -> throw new IllegalArgumentException("no small-instantiate figure for " + engine);
        };
    }

    static String smallModuleText() throws IOException {
        try (InputStream in = SmallInstantiateBenchmark.class.getResourceAsStream("/suite/small.wat")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /suite/small.wat");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public Object instantiate() {
        return instantiate.get();
    }
}
