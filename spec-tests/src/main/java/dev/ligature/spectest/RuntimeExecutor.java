package dev.ligature.spectest;

import dev.ligature.core.ast.Module;
import dev.ligature.core.engine.EngineFunction;
import dev.ligature.core.engine.Engines;
import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.engine.GlobalCell;
import dev.ligature.core.engine.ModuleAccess;
import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.Global;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.InstanceOptions;
import dev.ligature.core.runtime.LinkException;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.WasmThrow;
import dev.ligature.core.types.VecType;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * {@link Executor} over wasm-core's runtime and an execution engine (the interpreter unless told
 * otherwise). The {@code spectest} module's print functions write to a sink: scripts call them for
 * their side effect only.
 */
public final class RuntimeExecutor implements Executor {
    private static final PrintStream SINK = new PrintStream(OutputStream.nullOutputStream());

    private final ExecutionEngine engine;
    private final InstanceOptions options;

    /** Runs modules on the interpreter. */
    public RuntimeExecutor() {
        this(Engine.interpreter());
    }

    /** Runs modules on the interpreter, instantiating them with {@code options}. */
    public RuntimeExecutor(InstanceOptions options) {
        this(Engine.interpreter(), options);
    }

    /** Runs modules on {@code engine} (for example jit-asm's {@code JitEngine}). */
    public RuntimeExecutor(Engine engine) {
        this(engine, InstanceOptions.DEFAULT);
    }

    /** Runs modules on {@code engine}, instantiating them with {@code options}. */
    public RuntimeExecutor(Engine engine, InstanceOptions options) {
        this.engine = Engines.resolve(engine);
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    public Store newStore() {
        Imports imports = Imports.empty().module("spectest", SpecTestHost.create(SINK));
        return new Store() {
            @Override
            public Object instantiate(Module module) {
                Instance instance = ModuleAccess.create(module, engine).instantiate(imports, options);
                if (engine != Engines.resolve(Engine.interpreter())) {
                    // A conformance run of another engine must not pass on the interpreter's merits.
                    EngineFunction[] fs = ModuleAccess.state(instance).functions;
                    for (int i = 0; i < fs.length; i++) {
                        if (fs[i].isInterpreted()) {
                            throw new IllegalStateException("function " + i + " runs interpreted"
                                    + " under engine " + engine.name());
                        }
                    }
                }
                return instance;
            }

            @Override
            public void register(String name, Object instance) {
                imports.register(name, (Instance) instance);
            }

            @Override
            public Results invoke(Object instance, String export, long[] argSlots, Object[] argRefs) {
                WasmFunction f = ((Instance) instance).function(export);
                long[] results = new long[f.type().resultSlots()];
                Object[] refs = new Object[results.length];
                f.call(argSlots, argRefs, results, refs);
                return new Results(f.type().results(), results, refs);
            }

            @Override
            public Results get(Object instance, String export) {
                GlobalCell g = ModuleAccess.cell(((Instance) instance).global(export));
                boolean v128 = g.type.type() == VecType.V128;
                long[] slots = v128 ? new long[] {g.value, g.high} : new long[] {g.value};
                Object[] refs = new Object[slots.length];
                refs[0] = g.ref;
                return new Results(List.of(g.type.type()), slots, refs);
            }

            @Override
            public Outcome classify(Throwable t) {
                return switch (t) {
                    case Trap trap when trap.kind() == Trap.Kind.CALL_STACK_EXHAUSTED -> Outcome.EXHAUSTION;
                    case Trap trap -> Outcome.TRAP;
                    case WasmThrow thrown -> Outcome.EXCEPTION;
                    case LinkException link -> Outcome.LINK;
                    default -> Outcome.OTHER;
                };
            }

            @Override
            public boolean isRefKind(String kind, Object ref) {
                return switch (kind) {
                    case "func" -> ref instanceof WasmFunction;
                    case "extern" -> !(ref instanceof WasmFunction) && !(ref instanceof WasmThrow);
                    case "exn" -> ref instanceof WasmThrow;
                    default -> false; // GC references (struct, array, i31, eq, any) do not exist yet
                };
            }
        };
    }
}
