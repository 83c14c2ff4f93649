package dev.ligature.bench.interp;

import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.WasmModule;

/** Ligature's interpreter, through the public embedding API an application would use. */
public final class LigatureInterpreterRunner implements KernelRunner {
    @Override
    public String engine() {
        return "ligature-interpreter";
    }

    @Override
    public KernelCall instantiate(Kernel kernel, byte[] binary) {
        WasmFunction run = WasmModule.decode(binary).instantiate().function("run");
        long[] args = new long[1];
        long[] results = new long[1];
        // The slot-form call allocates nothing per call, as an embedder's hot path would.
        return size -> {
            args[0] = size;
            run.call(args, null, results, null);
            return kernel.normalise(results[0]);
        };
    }
}
