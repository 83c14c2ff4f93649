package dev.ligature.core.engine;

import dev.ligature.core.ast.Module;
import dev.ligature.core.runtime.Engine;
import dev.ligature.core.valid.TypeContext;

/**
 * What an {@link Engine} is to the runtime: the SPI through which the interpreter or generated JVM
 * code runs a module's functions. {@link #compile} runs once per module; the result is shared by
 * every instance, which binds it to its own state with {@link CompiledCode#bind}. Not API.
 */
public interface ExecutionEngine extends Engine {
    /** Prepares the code of a validated module; may defer per-function work to first call. */
    CompiledCode compile(Module module, TypeContext types);

    /** A module's code in the engine's form, shared by all instances of the module. Thread-safe. */
    interface CompiledCode {
        /** The function with index {@code funcIndex} (a defined, non-imported function) bound to {@code instance}. */
        EngineFunction bind(InstanceState instance, int funcIndex);
    }
}
