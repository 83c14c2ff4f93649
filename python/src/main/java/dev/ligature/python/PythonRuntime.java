package dev.ligature.python;

import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.dylink.SideModuleCache;
import dev.ligature.emscripten.EmscriptenProgram;
import dev.ligature.jit.JitEngine;
import java.util.Objects;

/**
 * Pyodide's CPython, decoded, validated and compiled once: every {@link PythonInterpreter} made from
 * a runtime shares its compiled code (and the side modules its interpreters load, through one
 * {@link SideModuleCache}), while each has its own memory, file system and streams. Thread-safe;
 * one per JVM is the usual arrangement.
 */
public final class PythonRuntime {
    private final PyodideDistribution distribution;
    private final Engine engine;
    private final EmscriptenProgram program;
    private final SideModuleCache cache = new SideModuleCache();

    private PythonRuntime(PyodideDistribution distribution, Engine engine, WasmModule module) {
        this.distribution = distribution;
        this.engine = engine;
        this.program = EmscriptenProgram.of(module);
    }

    private PythonRuntime(PyodideDistribution distribution, Engine engine) {
        this(distribution, engine, WasmModule.decode(distribution.wasm(), engine));
    }

    private static PythonRuntime shared;

    /**
     * The JVM's shared runtime of the bundled Pyodide on Ligature's compiler (made on first use): the
     * usual choice, so that every interpreter in the JVM shares one set of compiled classes.
     *
     * @return the runtime
     * @throws IllegalStateException if this jar was built without a bundled Pyodide
     */
    public static synchronized PythonRuntime shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    /**
     * A new runtime of the bundled Pyodide on Ligature's compiler: the classes the build compiled
     * ahead of time when this jar has them (and this engine build wrote them), else compiling
     * functions as they are first called.
     *
     * @return the runtime
     * @throws IllegalStateException if this jar was built without a bundled Pyodide
     */
    public static PythonRuntime create() {
        PyodideDistribution d = bundledOrThrow();
        java.util.Optional<java.nio.file.Path> aot = d.aotJar();
        if (aot.isPresent()) {
            try {
                // The classes the build compiled: nothing of CPython is compiled at run time.
                return new PythonRuntime(d, JitEngine.lazy(), dev.ligature.jit.AotJar.load(aot.get(), d.wasm()));
            } catch (java.io.IOException e) {
                // An engine build other than the one that wrote the jar (AotJarException), or an unreadable
                // jar: compile as we go instead.
            }
        }
        return create(JitEngine.lazy());
    }

    private static PyodideDistribution bundledOrThrow() {
        return PyodideDistribution.bundled().orElseThrow(() -> new IllegalStateException(
                "this build of ligature-python bundles no Pyodide (npm was unavailable when it was built); "
                        + "give a distribution with PythonRuntime.create(PyodideDistribution.of(dir, version), engine)"));
    }

    /**
     * The runtime of the bundled Pyodide on {@code engine}.
     *
     * @param engine the engine, e.g. {@link JitEngine#lazy()} or {@link Engine#interpreter()}
     * @return the runtime
     * @throws IllegalStateException if this jar was built without a bundled Pyodide
     */
    public static PythonRuntime create(Engine engine) {
        return create(bundledOrThrow(), engine);
    }

    /**
     * The runtime of {@code distribution} on {@code engine}.
     *
     * @param distribution the Pyodide release
     * @param engine the engine
     * @return the runtime
     * @throws dev.ligature.core.WasmException if the release's module is malformed or invalid
     */
    public static PythonRuntime create(PyodideDistribution distribution, Engine engine) {
        return new PythonRuntime(Objects.requireNonNull(distribution, "distribution"), Objects.requireNonNull(engine, "engine"));
    }

    /** {@return a new interpreter with the default options} */
    public PythonInterpreter newInterpreter() {
        return newInterpreter(InterpreterOptions.builder().build());
    }

    /**
     * A new interpreter: boots CPython in a new process of this runtime.
     *
     * @param options its streams, mounts, environment and limits
     * @return the interpreter
     * @throws PythonException if Python's initialisation raised
     */
    public PythonInterpreter newInterpreter(InterpreterOptions options) {
        return PythonInterpreter.boot(this, options);
    }

    /** {@return the Pyodide release} */
    public PyodideDistribution distribution() {
        return distribution;
    }

    /** {@return the engine that runs it} */
    public Engine engine() {
        return engine;
    }

    EmscriptenProgram program() {
        return program;
    }

    SideModuleCache cache() {
        return cache;
    }
}
