package dev.ligature.bench.interp;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * Chicory's compiler ({@code com.dylibso.chicory:compiler}): translates the module to JVM bytecode at instantiation
 * (its runtime compilation mode; the same translator serves its build-time mode). Falling back to the interpreter for
 * a function it cannot compile is set to fail, so every figure under this name is compiled code.
 */
public final class ChicoryCompilerRunner implements KernelRunner {
    @Override
    public String engine() { return "chicory-compiler"; }

    @Override
    public KernelCall instantiate(Workload workload, byte[] binary) {
        WasmModule module = Parser.parse(binary);
        return ChicoryInterpreterRunner.call(workload, module,
                MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.FAIL).compile());
    }
}
