package dev.ligature.core.engine;

import dev.ligature.core.ast.Module;
import dev.ligature.core.runtime.Global;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.WasmModule;

/**
 * What Ligature's own modules (the compiler, the spec-test runner) need of the runtime beyond its
 * API: making a {@link WasmModule} from a module's syntax and reading that syntax, and the engine
 * state behind an {@link Instance} or a {@link Global}.
 * {@link WasmModule} installs the bridge when it is initialised. Not API.
 */
public final class ModuleAccess {
    private ModuleAccess() {}

    /** Implemented by {@link WasmModule}. */
    public interface Bridge {
        WasmModule create(Module module, ExecutionEngine engine);

        Module ast(WasmModule module);

        ExecutionEngine.CompiledCode code(WasmModule module);

        InstanceState state(Instance instance);

        GlobalCell cell(Global global);
    }

    private static volatile Bridge bridge;

    /** Called once, by {@link WasmModule}'s initialiser. */
    public static synchronized void install(Bridge b) {
        if (bridge != null) {
            throw new IllegalStateException("module bridge already installed");
        }
        bridge = b;
    }

    private static Bridge bridge() {
        Bridge b = bridge;
        if (b == null) {
            try {
                Class.forName(WasmModule.class.getName(), true, WasmModule.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            b = bridge;
        }
        return b;
    }

    /** Validates {@code module} and prepares it for {@code engine}. */
    public static WasmModule create(Module module, ExecutionEngine engine) {
        return bridge().create(module, engine);
    }

    /** The engines' state of an instance. */
    public static InstanceState state(Instance instance) {
        return bridge().state(instance);
    }

    /** The storage of a global. */
    public static GlobalCell cell(Global global) {
        return bridge().cell(global);
    }

    /** A module's code in its engine's form. */
    public static ExecutionEngine.CompiledCode code(WasmModule module) {
        return bridge().code(module);
    }

    /** The syntax a module was made from. */
    public static Module ast(WasmModule module) {
        return bridge().ast(module);
    }
}
