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
 * <p>{@link Compilation#LAZY} (the default) compiles a function when it is first called, so a large
 * program pays only for the code it runs; {@link Compilation#EAGER} compiles every function when the
 * module is compiled, so errors and costs come up front. {@link AotJar} writes a module's classes to
 * a jar that later runs load without compiling.
 */
public final class JitEngine implements Engine {
    static {
        // Load what generated code may need before any deep recursion: a class whose initialisation
        // fails on a StackOverflowError stays unusable.
        JitRuntime.init();
        Engines.register(JitEngine.class, e -> e.execution);
    }

    /** When functions are compiled. */
    public enum Compilation {
        /** Each function on its first call. */
        LAZY,
        /** All functions when the module is compiled. */
        EAGER
    }

    private final Compilation compilation;

    /** System property that sets the default mode: {@code lazy} (the default) or {@code eager}. */
    public static final String COMPILATION_PROPERTY = "ligature.jit.compilation";

    /** An engine that compiles lazily, or as {@value #COMPILATION_PROPERTY} says. */
    public JitEngine() {
        this(defaultCompilation());
    }

    private static Compilation defaultCompilation() {
        String v = System.getProperty(COMPILATION_PROPERTY, "lazy");
        return switch (v) {
            case "lazy" -> Compilation.LAZY;
            case "eager" -> Compilation.EAGER;
            default -> throw new IllegalArgumentException("-D" + COMPILATION_PROPERTY + "=" + v
                    + ": expected lazy or eager");
        };
    }

    public JitEngine(Compilation compilation) {
        this.compilation = java.util.Objects.requireNonNull(compilation, "compilation");
    }

    /** An engine that compiles every function of a module up front. */
    public static JitEngine eager() {
        return new JitEngine(Compilation.EAGER);
    }

    @Override
    public String name() {
        return compilation == Compilation.EAGER ? "compiler (eager)" : "compiler (lazy)";
    }

    public Compilation compilation() {
        return compilation;
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
            return ModuleCompiler.compile(new ModuleShape(module, types), compilation == Compilation.EAGER);
        }
    };
}
