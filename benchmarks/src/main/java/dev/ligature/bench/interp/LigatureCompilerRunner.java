package dev.ligature.bench.interp;

import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.jit.JitEngine;

/** Ligature's compiler (jit-asm): each Wasm function becomes a JVM method; same call path as the interpreter's runner. */
public final class LigatureCompilerRunner implements KernelRunner {
    @Override
    public String engine() {
        return "ligature-compiler";
    }

    @Override
    public KernelCall instantiate(Kernel kernel, byte[] binary) {
        WasmFunction run = WasmModule.of(ModuleDecoder.decode(binary), new JitEngine()).instantiate().function("run");
        long[] args = new long[1];
        long[] results = new long[1];
        return size -> {
            args[0] = size;
            run.call(args, null, results, null);
            return kernel.normalise(results[0]);
        };
    }
}
