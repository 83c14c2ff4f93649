package dev.ligature.core.runtime;

import dev.ligature.core.ast.Module;
import dev.ligature.core.valid.TypeContext;

/**
 * SPI through which an engine (the interpreter, or generated JVM code) runs a module's functions.
 * {@link #compile} runs once per module; the result is shared by every instance, which binds it to
 * its own state with {@link CompiledCode#bind}.
 */
public interface ExecutionEngine {
    /** Prepares the code of a validated module; may defer per-function work to first call. */
    CompiledCode compile(Module module, TypeContext types);

    /** A module's code in the engine's form, shared by all instances of the module. Thread-safe. */
    interface CompiledCode {
        /** The function with index {@code funcIndex} (a defined, non-imported function) bound to {@code instance}. */
        WasmFunction bind(Instance instance, int funcIndex);
    }
}
