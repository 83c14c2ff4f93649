package dev.ligature.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ligature.core.ast.Module;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmThrow;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.VecType;
import java.util.function.Supplier;

/**
 * Runs one module on the interpreter and on the compiler side by side: the same calls must give
 * the same result slots (raw bits, so NaN payloads count) or the same trap.
 */
final class Differential {
    final Instance interpreted;
    final Instance compiled;

    Differential(String wat) {
        this(wat, Imports::empty);
    }

    Differential(String wat, Supplier<Imports> imports) {
        this(wat, imports, new JitEngine());
    }

    private Differential(String wat, Supplier<Imports> imports, JitEngine engine) {
        Module m = WatParser.parseModule(wat);
        interpreted = Modules.of(m).instantiate(imports.get());
        compiled = Modules.of(m, engine).instantiate(imports.get());
    }

    /**
     * The module with every function compiled in split mode with chunk budget {@code budget}
     * (the compiler's {@link JitOptions#forcedSplitBudget()} testing aid), eagerly.
     */
    static Differential splittingEverything(String wat, long budget) {
        return new Differential(wat, Imports::empty, new JitEngine(JitOptions.DEFAULT
                .withCompilation(JitOptions.Compilation.EAGER).withForcedSplitBudget(budget)));
    }

    /**
     * Calls {@code export} on both and asserts the same outcome (results, trap, escaping Wasm
     * exception, or host exception); returns the compiled side's result slots (null otherwise).
     */
    long[] check(String export, long... args) {
        Object a = outcome(interpreted, export, args);
        Object b = outcome(compiled, export, args);
        String call = export + java.util.Arrays.toString(args);
        if (a instanceof long[] x) {
            if (!(b instanceof long[] y)) {
                fail(call + ": interpreter returned " + java.util.Arrays.toString(x) + ", compiler " + b);
                return null;
            }
            // An i32 or f32 lives in a slot's low 32 bits; engines may leave anything in the high half.
            var types = compiled.function(export).type().results();
            for (int t = 0, i = 0; t < types.size(); i += types.get(t) == VecType.V128 ? 2 : 1, t++) {
                // A v128 takes two slots and is compared bit for bit, NaN lanes included.
                if (types.get(t) == NumType.I32 || types.get(t) == NumType.F32) {
                    x[i] = (int) x[i];
                    y[i] = (int) y[i];
                }
                // Arithmetic on a non-canonical NaN may give any arithmetic NaN (Wasm leaves the
                // payload and sign open, and HotSpot may swap commutative operands): NaN matches NaN.
                boolean nans = types.get(t) == NumType.F32 ? Float.isNaN(Float.intBitsToFloat((int) x[i]))
                        && Float.isNaN(Float.intBitsToFloat((int) y[i]))
                        : types.get(t) == NumType.F64 && Double.isNaN(Double.longBitsToDouble(x[i]))
                        && Double.isNaN(Double.longBitsToDouble(y[i]));
                if (nans) {
                    y[i] = x[i];
                }
            }
            assertArrayEquals(x, y, call);
            return y;
        }
        assertEquals(a, b, call);
        return null;
    }

    private static Object outcome(Instance inst, String export, long[] args) {
        try {
            return inst.function(export).call(args);
        } catch (Trap t) {
            return "trap: " + t.getMessage();
        } catch (WasmThrow e) {
            // Tags are per instance: name the tag by its index in the instance that was called.
            int tag = java.util.Arrays.asList(dev.ligature.core.engine.ModuleAccess.state(inst).tags).indexOf(e.tag());
            return "exception: tag " + tag + " payload " + java.util.Arrays.toString(e.payload());
        } catch (IllegalStateException e) {
            return "host exception: " + e.getMessage();
        }
    }
}
