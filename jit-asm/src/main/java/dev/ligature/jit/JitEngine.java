package dev.ligature.jit;

import dev.ligature.core.ast.Module;
import dev.ligature.core.runtime.ExecutionEngine;
import dev.ligature.core.valid.TypeContext;

/**
 * The compiler engine: every function of a module becomes a static JVM method, generated with ASM
 * into one hidden class that belongs to the compiled module and is shared by all its instances.
 *
 * <p>Compilation is eager per module in this version: {@link #compile} translates every function,
 * so that calls between functions of the module are plain {@code invokestatic}s to methods of the
 * same class (which HotSpot inlines). A function the compiler does not support makes
 * {@link #compile} throw {@link JitCompileException}; nothing falls back to the interpreter.
 */
public final class JitEngine implements ExecutionEngine {
    static {
        // Load what generated code may need before any deep recursion: a class whose initialisation
        // fails on a StackOverflowError stays unusable.
        JitRuntime.init();
    }

    public JitEngine() {}

    /**
     * @throws JitCompileException if a function uses something this compiler does not support yet
     */
    @Override
    public CompiledCode compile(Module module, TypeContext types) {
        return ModuleCompiler.compile(new ModuleShape(module, types));
    }
}
