package dev.ligature.bench.interp;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;

/** Chicory's interpreter ({@code com.dylibso.chicory:runtime}), the reference point. */
public final class ChicoryInterpreterRunner implements KernelRunner {
    @Override
    public String engine() { return "chicory-interpreter"; }

    @Override
    public KernelCall instantiate(Kernel kernel, byte[] binary) {
        // The default machine of Instance.builder is Chicory's interpreter (its compiler is a separate artifact).
        Instance instance = Instance.builder(Parser.parse(binary)).build();
        ExportFunction run = instance.export("run");
        return size -> kernel.normalise(run.apply(size)[0]);
    }
}
