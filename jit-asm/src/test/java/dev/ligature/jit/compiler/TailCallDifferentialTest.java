package dev.ligature.jit.compiler;

import dev.ligature.jit.JitEngine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.runtime.WasmThrow;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tail calls under the compiler against the interpreter: results, and constant JVM stack. */
class TailCallDifferentialTest {
    /** Deep enough that one JVM frame per call would overflow any default thread stack. */
    private static final long DEPTH = 1_000_000;

    private static final String MUTUAL = """
            (module
              (type $i2i (func (param i32) (result i32)))
              (type $mv (func (param i32 i64) (result i64 i32)))
              (table $t 4 funcref)
              (elem (table $t) (i32.const 0) func $evenI $oddI)
              (elem declare func $evenR $oddR)
              (func $even (export "even") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
                  (else (return_call $odd (i32.sub (local.get 0) (i32.const 1))))))
              (func $odd (export "odd") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (return_call $even (i32.sub (local.get 0) (i32.const 1))))))
              (func $evenI (export "evenI") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
                  (else (return_call_indirect $t (type $i2i) (i32.sub (local.get 0) (i32.const 1)) (i32.const 1)))))
              (func $oddI (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (return_call_indirect $t (type $i2i) (i32.sub (local.get 0) (i32.const 1)) (i32.const 0)))))
              (func $evenR (export "evenR") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
                  (else (return_call_ref $i2i (i32.sub (local.get 0) (i32.const 1)) (ref.func $oddR)))))
              (func $oddR (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (return_call_ref $i2i (i32.sub (local.get 0) (i32.const 1)) (ref.func $evenR)))))
              ;; Several results and an accumulator, through the trampoline.
              (func $pingMv (export "pingMv") (param i32 i64) (result i64 i32)
                (if (result i64 i32) (i32.eqz (local.get 0)) (then (local.get 1) (i32.const 7))
                  (else (return_call $pongMv (i32.sub (local.get 0) (i32.const 1)) (i64.add (local.get 1) (i64.const 3))))))
              (func $pongMv (param i32 i64) (result i64 i32)
                (local $scratch i64)
                (local.set $scratch (i64.mul (local.get 1) (i64.const 1)))
                (return_call $pingMv (local.get 0) (local.get $scratch)))
              ;; Self tail calls: locals are fresh on every call.
              (func $sum (export "sum") (param i32 i64) (result i64) (local $fresh i64)
                (if (i64.ne (local.get $fresh) (i64.const 0)) (then (unreachable)))
                (local.set $fresh (i64.const 1))
                (if (result i64) (i32.eqz (local.get 0)) (then (local.get 1))
                  (else (return_call $sum (i32.sub (local.get 0) (i32.const 1))
                    (i64.add (local.get 1) (i64.extend_i32_u (local.get 0)))))))
              ;; A trap at the end of a long chain.
              (func (export "trapAtEnd") (param i32) (result i32)
                (return_call_indirect $t (type $i2i) (local.get 0) (i32.const 3))))
            """;

    @Test
    void millionDeepMutualTailRecursionMatchesTheInterpreter() {
        Differential d = new Differential(MUTUAL);
        for (String f : new String[] {"even", "evenI", "evenR"}) {
            assertEquals(1, d.check(f, DEPTH)[0], f);
            assertEquals(0, d.check(f, DEPTH + 1)[0], f);
            assertEquals(1, d.check(f, 0)[0], f);
        }
        assertEquals(0, d.check("odd", DEPTH)[0]);
        assertArrayEquals(new long[] {3 * DEPTH + 5, 7}, d.check("pingMv", DEPTH, 5));
        assertEquals(DEPTH * (DEPTH + 1) / 2, d.check("sum", DEPTH, 0)[0]);
        assertNull(d.check("trapAtEnd", 1)); // an uninitialized element: the same trap on both
    }

    @Test
    void tailCallsAcrossCompiledModulesStayFlat() {
        // Module A's $oddX tail calls through a table entry that module B fills with its $evenB,
        // which tail calls A's exported $oddX: the chain alternates between two generated classes.
        String a = """
                (module
                  (type $i2i (func (param i32) (result i32)))
                  (table $t (export "t") 1 funcref)
                  (func $oddX (export "oddX") (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                      (else (return_call_indirect $t (type $i2i) (i32.sub (local.get 0) (i32.const 1)) (i32.const 0))))))
                """;
        String b = """
                (module
                  (type $i2i (func (param i32) (result i32)))
                  (import "a" "oddX" (func $oddX (param i32) (result i32)))
                  (import "a" "t" (table $t 1 funcref))
                  (elem (table $t) (i32.const 0) func $evenB)
                  (func $evenB (export "evenB") (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
                      (else (return_call $oddX (i32.sub (local.get 0) (i32.const 1)))))))
                """;
        long[] results = new long[2];
        int k = 0;
        for (dev.ligature.core.runtime.Engine engine : new dev.ligature.core.runtime.Engine[] {null, new JitEngine()}) {
            WasmModule ma = engine == null ? Modules.of(WatParser.parseModule(a)) : Modules.of(WatParser.parseModule(a), engine);
            WasmModule mb = engine == null ? Modules.of(WatParser.parseModule(b)) : Modules.of(WatParser.parseModule(b), engine);
            Instance ia = ma.instantiate();
            Instance ib = mb.instantiate(Imports.empty().register("a", ia));
            results[k++] = ib.function("evenB").callInt((int) DEPTH);
            assertEquals(0, ia.function("oddX").callInt((int) DEPTH));
        }
        assertArrayEquals(new long[] {1, 1}, results);
    }

    @Test
    void aTailCallLeavesTheCallersTryAndReachesForeignFunctions() {
        FuncType i2i = new FuncType(List.of(NumType.I32), List.of(NumType.I32));
        Differential d = new Differential("""
                (module
                  (import "host" "triple" (func $triple (param i32) (result i32)))
                  (tag $e (param i32))
                  (func $thrower (param i32) (result i32) (throw $e (local.get 0)))
                  (func (export "tailInTry") (param i32) (result i32)
                    (block $h
                      (try_table (catch_all $h) (return_call $thrower (local.get 0))))
                    (i32.const -1))
                  (func (export "catchesCallee") (param i32) (result i32)
                    (block $h (result i32)
                      (try_table (result i32) (catch $e $h) (call $thrower (local.get 0)))))
                  (func (export "tailHost") (param i32) (result i32)
                    (return_call $triple (i32.add (local.get 0) (i32.const 1))))
                  (func (export "legacyTailInTry") (param i32) (result i32)
                    (try (result i32) (do (return_call $thrower (local.get 0))) (catch_all (i32.const -1)))))
                """, () -> Imports.empty().function("host", "triple", i2i, (caller, args) -> new long[] {args[0] * 3}));
        assertNull(d.check("tailInTry", 5)); // the handler belongs to a frame that is gone
        assertEquals(6, d.check("catchesCallee", 6)[0]);
        assertEquals(12, d.check("tailHost", 3)[0]);
        assertNull(d.check("legacyTailInTry", 5));
        assertThrows(WasmThrow.class, () -> d.compiled.function("tailInTry").call(5));
    }

    @Test
    void anInterruptStopsASelfTailCallLoop() {
        Imports imports = Imports.empty().function("host", "tick", new FuncType(List.of(NumType.I32), List.of()),
                (caller, args) -> {
                    if (args[0] == 3) {
                        caller.interrupt();
                    }
                    return new long[0];
                });
        Instance inst = Modules.of(WatParser.parseModule("""
                (module (import "host" "tick" (func $tick (param i32)))
                  (func $spin (export "spin") (param i32)
                    (call $tick (local.get 0))
                    (return_call $spin (i32.add (local.get 0) (i32.const 1)))))
                """), new JitEngine()).instantiate(imports);
        assertEquals(Trap.Kind.INTERRUPTED, assertThrows(Trap.class, () -> inst.function("spin").call(0)).kind());
    }
}
