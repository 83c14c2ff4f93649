package dev.ligature.jit.compiler;

import dev.ligature.core.ast.Module;
import dev.ligature.core.engine.Engines;
import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.engine.ModuleAccess;
import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.WasmModule;

/** Tests build modules from syntax and look at the compiled code, which the public API does not offer. */
final class Modules {
    private Modules() {}

    static WasmModule of(Module module) {
        return of(module, Engine.interpreter());
    }

    static WasmModule of(Module module, Engine engine) {
        return ModuleAccess.create(module, Engines.resolve(engine));
    }

    static ExecutionEngine.CompiledCode code(WasmModule module) {
        return ModuleAccess.code(module);
    }
}
