package dev.ligature.bench.suite;

import dev.ligature.bench.interp.ChicoryCompilerRunner;
import dev.ligature.bench.interp.ChicoryInterpreterRunner;
import dev.ligature.bench.interp.KernelRunner;
import dev.ligature.bench.interp.LigatureRunner;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/** The JVM engines of the suite, by the names reports and {@code results.json} use. */
public final class Engines {
    /** Ligature's compiler: the engine every ratio in the report is relative to. */
    public static final String LIGATURE_COMPILER = "ligature-compiler";
    /** GraalWasm, present only when the benchmarks were built with {@code -Pgraalwasm}. */
    public static final String GRAALWASM = "graalwasm";
    /** Every JVM engine the suite knows, in report order. */
    public static final List<String> ALL = List.of(LIGATURE_COMPILER, "ligature-interpreter", "chicory-compiler",
            "chicory-interpreter", GRAALWASM);

    private static final String GRAALWASM_RUNNER = "dev.ligature.bench.graal.GraalWasmRunner";

    private Engines() {}

    /**
     * The runner of the engine called {@code name}.
     *
     * @throws IllegalArgumentException if no such engine is in this build (GraalWasm without its profile)
     */
    public static KernelRunner byName(String name) {
        return switch (name) {
            case LIGATURE_COMPILER -> LigatureRunner.compiler();
            case "ligature-interpreter" -> LigatureRunner.interpreter();
            case "chicory-compiler" -> new ChicoryCompilerRunner();
            case "chicory-interpreter" -> new ChicoryInterpreterRunner();
            case GRAALWASM -> graalWasm();
            default -> throw new IllegalArgumentException("unknown engine " + name + "; known: " + ALL);
        };
    }

    /** The engines this build contains, in report order. */
    public static List<String> available() {
        List<String> names = new ArrayList<>(ALL);
        if (!graalWasmPresent()) {
            names.remove(GRAALWASM);
        }
        return names;
    }

    /**
     * For {@code run.sh}: prints the available engines, comma-separated, then (if GraalWasm is in this build) the
     * name of the Truffle runtime it runs on ("Interpreted" means no runtime compilation).
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        System.out.println(String.join(",", available()));
        if (graalWasmPresent()) {
            System.out.println(Class.forName(GRAALWASM_RUNNER).getMethod("runtime").invoke(null));
        }
    }

    private static boolean graalWasmPresent() {
        try {
            Class.forName(GRAALWASM_RUNNER);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    // GraalWasm's runner is compiled only in the graalwasm profile (its dependencies are large and optional), so
    // the default build cannot name the class.
    private static KernelRunner graalWasm() {
        try {
            return (KernelRunner) Class.forName(GRAALWASM_RUNNER).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("GraalWasm is not in this build: build the benchmarks with -Pgraalwasm");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("GraalWasm failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
