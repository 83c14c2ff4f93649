package dev.ligature.jit;

import dev.ligature.jit.compiler.JitRuntime;
import dev.ligature.jit.compiler.ModuleCompiler;
import dev.ligature.jit.compiler.ModuleShape;
import dev.ligature.core.ast.Module;
import dev.ligature.core.engine.Engines;
import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.runtime.Engine;
import dev.ligature.core.valid.TypeContext;

/**
 * The compiler engine: every Wasm function becomes a static JVM method, generated with ASM into a
 * class of its own, defined by a class loader that belongs to the compiled module and is shared by
 * all its instances. Calls between functions of a module are direct {@code invokestatic}s, which
 * HotSpot inlines. Nothing ever falls back to the interpreter: a function the compiler does not
 * support fails with {@link JitCompileException}.
 *
 * <p>An engine is made from {@link JitOptions}. {@link JitOptions.Compilation#LAZY} (the default)
 * compiles a function when it is first called, so a large program pays only for the code it runs;
 * {@link JitOptions.Compilation#EAGER} compiles every function when the module is compiled, so
 * errors and costs come up front. {@link AotJar} writes a module's classes to a jar that later runs
 * load without compiling.
 */
public final class JitEngine implements Engine {
    static {
        // Load what generated code may need before any deep recursion: a class whose initialisation
        // fails on a StackOverflowError stays unusable.
        JitRuntime.init();
        Engines.register(JitEngine.class, e -> e.execution);
    }

    private final JitOptions options;

    /** An engine with {@link JitOptions#DEFAULT} options: lazy compilation. System properties play no part. */
    public JitEngine() {
        this(JitOptions.DEFAULT);
    }

    /**
     * An engine compiling as {@code options} say.
     *
     * @param options the compilation mode and code-shape settings
     */
    public JitEngine(JitOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** {@return an engine that compiles every function of a module up front (otherwise {@link JitOptions#DEFAULT})} */
    public static JitEngine eager() {
        return new JitEngine(JitOptions.DEFAULT.withCompilation(JitOptions.Compilation.EAGER));
    }

    /** {@return an engine that compiles each function on its first call: the same as {@code new JitEngine()}} */
    public static JitEngine lazy() {
        return new JitEngine(JitOptions.DEFAULT);
    }

    @Override
    public String name() {
        return options.compilation() == JitOptions.Compilation.EAGER ? "compiler (eager)" : "compiler (lazy)";
    }

    /** {@return the options this engine compiles with} */
    public JitOptions options() {
        return options;
    }

    /** {@return when this engine compiles functions: {@code options().compilation()}} */
    public JitOptions.Compilation compilation() {
        return options.compilation();
    }

    /**
     * What the runtime calls: in eager mode {@link JitCompileException} comes from here, if a function
     * uses something this compiler does not support (in lazy mode, the first call of that function throws it).
     */
    private final ExecutionEngine execution = new ExecutionEngine() {
        @Override
        public String name() {
            return JitEngine.this.name();
        }

        @Override
        public CompiledCode compile(Module module, TypeContext types) {
            return ModuleCompiler.compile(new ModuleShape(module, types, options),
                    options.compilation() == JitOptions.Compilation.EAGER);
        }
    };
}
