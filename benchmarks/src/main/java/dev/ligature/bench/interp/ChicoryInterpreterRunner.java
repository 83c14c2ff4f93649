package dev.ligature.bench.interp;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExportSection;
import java.util.function.Function;

/** Chicory's interpreter ({@code com.dylibso.chicory:runtime}), the reference point. */
public final class ChicoryInterpreterRunner implements KernelRunner {
    @Override
    public String engine() { return "chicory-interpreter"; }

    @Override
    public KernelCall instantiate(Workload workload, byte[] binary) {
        // The default machine of Instance.builder is Chicory's interpreter (its compiler is a separate artifact).
        return call(workload, Parser.parse(binary), null);
    }

    /** Instantiates {@code module} on {@code machine} (null: Chicory's interpreter) and returns its {@code run}. */
    static KernelCall call(Workload workload, WasmModule module, Function<Instance, Machine> machine) {
        Instance.Builder builder = Instance.builder(module);
        if (machine != null) {
            builder.withMachineFactory(machine);
        }
        Instance instance = builder.build();
        if (exports(module, INITIALIZE)) {
            instance.export(INITIALIZE).apply();
        }
        ExportFunction run = instance.export("run");
        return size -> workload.normalise(run.apply(size)[0]);
    }

    private static boolean exports(WasmModule module, String name) {
        ExportSection exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
