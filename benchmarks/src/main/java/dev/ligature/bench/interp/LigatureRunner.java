package dev.ligature.bench.interp;

import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.jit.JitEngine;
import java.util.function.Supplier;

/**
 * Ligature on one of its engines, through the public embedding API an application would use: the
 * slot-form call allocates nothing per call, as an embedder's hot path would.
 */
public final class LigatureRunner implements KernelRunner {
    private final String engine;
    private final Supplier<Engine> engines;

    private LigatureRunner(String engine, Supplier<Engine> engines) {
        this.engine = engine;
        this.engines = engines;
    }

    /** Ligature's interpreter (wasm-core). */
    public static LigatureRunner interpreter() {
        return new LigatureRunner("ligature-interpreter", null);
    }

    /**
     * Ligature's compiler (jit-asm): each Wasm function becomes a JVM method. Its options are the defaults with
     * the -D overrides applied (measuring aids such as {@code -jvmArgsAppend -Dligature.jit.splitHubs=false}).
     */
    public static LigatureRunner compiler() {
        return new LigatureRunner("ligature-compiler",
                () -> new JitEngine(dev.ligature.jit.JitOptions.fromSystemProperties(dev.ligature.jit.JitOptions.DEFAULT)));
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public KernelCall instantiate(Workload workload, byte[] binary) {
        WasmModule module = engines == null
                ? WasmModule.decode(binary)
                : WasmModule.decode(binary, engines.get());
        Instance instance = module.instantiate();
        if (instance.export(INITIALIZE).orElse(null) instanceof WasmFunction initialize) {
            initialize.call();
        }
        WasmFunction run = instance.function("run");
        long[] args = new long[1];
        long[] results = new long[1];
        return size -> {
            args[0] = size;
            run.call(args, null, results, null);
            return workload.normalise(results[0]);
        };
    }
}
