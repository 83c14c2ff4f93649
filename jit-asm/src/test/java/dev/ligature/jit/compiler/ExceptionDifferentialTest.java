package dev.ligature.jit.compiler;

import dev.ligature.jit.JitEngine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Tag;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.runtime.WasmThrow;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Wasm exceptions, both forms, under the compiler against the interpreter. */
class ExceptionDifferentialTest {

    @Test
    void exceptionsCrossCompiledInterpretedAndHostFrames() {
        // A tag and a thrower in an interpreted module, another thrower in a compiled one: both
        // sides of the differential import the same objects, so tags must match by identity.
        Instance lib = WasmModule.parseText("""
                (module (tag $e (export "e") (param i32))
                  (func (export "throwE") (param i32) (throw $e (local.get 0))))
                """).instantiate();
        Tag e = lib.tag("e");
        Instance compiledLib = Modules.of(WatParser.parseModule("""
                (module (import "lib" "e" (tag $e (param i32)))
                  (func (export "throwE") (param i32) (throw $e (i32.add (local.get 0) (i32.const 1)))))
                """), new JitEngine()).instantiate(Imports.empty().tag("lib", "e", e));
        FuncType i2i = new FuncType(List.of(NumType.I32), List.of(NumType.I32));
        FuncType i2v = new FuncType(List.of(NumType.I32), List.of());
        Supplier<Imports> imports = () -> Imports.empty()
                .tag("lib", "e", e)
                .function("lib", "throwE", lib.function("throwE"))
                .function("clib", "throwE", compiledLib.function("throwE"))
                // The host calls back into the calling instance: the exception crosses the host frame.
                .function("host", "callback", i2i, (caller, args) -> new long[] {caller.function("inner").callInt((int) args[0])})
                .function("host", "hostThrow", i2v, (caller, args) -> {
                    throw new WasmThrow(e, new long[] {args[0]}, new Object[1]);
                })
                .function("host", "javaFail", i2v, (caller, args) -> {
                    throw new IllegalStateException("not a Wasm exception");
                });
        Differential d = new Differential("""
                (module
                  (import "lib" "e" (tag $e (param i32)))
                  (import "lib" "throwE" (func $throwE (param i32)))
                  (import "clib" "throwE" (func $cthrowE (param i32)))
                  (import "host" "callback" (func $callback (param i32) (result i32)))
                  (import "host" "hostThrow" (func $hostThrow (param i32)))
                  (import "host" "javaFail" (func $javaFail (param i32)))
                  (tag $local (param i64 f64))
                  (func $inner (export "inner") (param i32) (result i32)
                    (if (i32.eq (local.get 0) (i32.const 3)) (then (throw $e (i32.const 33))))
                    (if (i32.eq (local.get 0) (i32.const 4)) (then (throw $local (i64.const -5) (f64.const 2.5))))
                    (if (i32.eq (local.get 0) (i32.const 5)) (then (unreachable)))
                    (i32.mul (local.get 0) (i32.const 10)))
                  (func (export "run") (param i32) (result i32) (local $f f64)
                    (block $onE (result i32)
                      (block $onLocal (result i64 f64)
                        (try_table (result i32) (catch $e $onE) (catch $local $onLocal)
                          (if (i32.eqz (local.get 0)) (then (call $throwE (i32.const 7))))
                          (if (i32.eq (local.get 0) (i32.const 1)) (then (call $hostThrow (i32.const 8))))
                          (if (i32.eq (local.get 0) (i32.const 2)) (then (call $javaFail (i32.const 0))))
                          (if (i32.eq (local.get 0) (i32.const 7)) (then (call $cthrowE (i32.const 40))))
                          (call $callback (local.get 0)))
                        (return))
                      (local.set $f)
                      (i32.wrap_i64)
                      (i32.add (i32.trunc_f64_s (local.get $f)))
                      (return (i32.add (i32.const 1000))))
                    (i32.add (i32.const 100)))
                  (func (export "escape") (param i32) (result i32)
                    (block $onLocal (result i64 f64)
                      (return (try_table (result i32) (catch $local $onLocal) (call $callback (local.get 0)))))
                    (drop) (i32.wrap_i64)))
                """, imports);
        assertEquals(107, d.check("run", 0)[0]); // thrown by an interpreted import
        assertEquals(108, d.check("run", 1)[0]); // thrown by a host function
        assertNull(d.check("run", 2)); // a Java exception is not a Wasm exception
        assertEquals(133, d.check("run", 3)[0]); // compiled -> host -> compiled throw
        assertEquals(997, d.check("run", 4)[0]); // -5 + 2 + 1000
        assertNull(d.check("run", 5)); // a trap is not caught
        assertEquals(60, d.check("run", 6)[0]);
        assertEquals(141, d.check("run", 7)[0]); // thrown by another compiled module
        assertEquals(-5, d.check("escape", 4)[0]);
        assertNull(d.check("escape", 3)); // escapes: same tag and payload on both
        WasmThrow t = assertThrows(WasmThrow.class, () -> d.compiled.function("escape").call(3));
        assertSame(e, t.tag());
        assertArrayEquals(new long[] {33}, t.payload());
        assertThrows(IllegalStateException.class, () -> d.compiled.function("run").call(2));
        assertEquals(Trap.Kind.UNREACHABLE, assertThrows(Trap.class, () -> d.compiled.function("run").call(5)).kind());
    }

    @Test
    void catchingThrowsFromInterpretedCodeDoesNotLeakCallDepth() {
        // Each throw unwinds an interpreted frame without its normal return: more catches than the
        // interpreter's depth limit must not end in "call stack exhausted".
        Instance lib = WasmModule.parseText("""
                (module (tag $e (export "e")) (func (export "boom") (throw $e)))
                """).instantiate();
        Differential d = new Differential("""
                (module
                  (import "lib" "e" (tag $e))
                  (import "lib" "boom" (func $boom))
                  (func (export "many") (param i32) (result i32) (local $caught i32)
                    (loop $l
                      (block $h (try_table (catch $e $h) (call $boom)))
                      (local.set $caught (i32.add (local.get $caught) (i32.const 1)))
                      (br_if $l (i32.lt_u (local.get $caught) (local.get 0))))
                    (local.get $caught)))
                """, () -> Imports.empty().register("lib", lib));
        assertEquals(150_000, d.check("many", 150_000)[0]);
    }

    @Test
    void legacyTryWithDelegateAndRethrowMatchesTheInterpreter() {
        Differential d = new Differential("""
                (module
                  (tag $a (param i32))
                  (tag $b)
                  (func $throwA (param i32) (throw $a (local.get 0)))
                  (func (export "deleg1") (param i32) (result i32)
                    (try (result i32)
                      (do
                        (try (result i32)
                          (do
                            (try (result i32)
                              (do
                                (if (i32.eqz (local.get 0)) (then (call $throwA (i32.const 1))))
                                (if (i32.eq (local.get 0) (i32.const 1)) (then (throw $b)))
                                (i32.const 5))
                              (delegate 1)))
                          (catch $a (i32.add (i32.const 200)))
                          (catch_all (i32.const 300))))
                      (catch $a (i32.add (i32.const 400)))
                      (catch $b (i32.const 500))))
                  (func (export "deleg0") (param i32) (result i32)
                    (try (result i32)
                      (do
                        (try (result i32)
                          (do
                            (try (result i32)
                              (do
                                (if (i32.eqz (local.get 0)) (then (call $throwA (i32.const 1))))
                                (if (i32.eq (local.get 0) (i32.const 1)) (then (throw $b)))
                                (i32.const 5))
                              (delegate 0)))
                          (catch $a (i32.add (i32.const 200)))
                          (catch_all (i32.const 300))))
                      (catch $a (i32.add (i32.const 400)))
                      (catch $b (i32.const 500))))
                  (func (export "rethrow") (param i32) (result i32)
                    (try (result i32)
                      (do
                        (try (result i32)
                          (do (call $throwA (local.get 0)) (i32.const 0))
                          (catch $a
                            (drop)
                            (try (result i32)
                              (do (throw $b))
                              (catch $b (rethrow 1))))))
                      (catch $a (i32.add (i32.const 1000)))))
                  (func $delegOut (param i32) (try (do (call $throwA (local.get 0))) (delegate 0)))
                  (func (export "delegOut") (param i32) (result i32)
                    (try (result i32) (do (call $delegOut (local.get 0)) (i32.const 0)) (catch $a)))
                  (func (export "delegToBlock") (param i32) (result i32)
                    (try (result i32)
                      (do (block (try (do (call $throwA (local.get 0))) (delegate 0))) (i32.const 0))
                      (catch $a)))
                  (func (export "delegBypass") (param i32) (result i32)
                    (try (result i32)
                      (do (try (do (call $throwA (local.get 0))) (delegate 1)) (i32.const 0))
                      (catch_all (i32.const 77))))
                  (func (export "catchInCatch") (param i32) (result i32) (local $x i32)
                    (try (result i32)
                      (do (call $throwA (local.get 0)) (i32.const 0))
                      (catch $a
                        (local.set $x)
                        (try (result i32)
                          (do (throw $a (i32.add (local.get $x) (i32.const 1))))
                          (catch $a (i32.mul (i32.const 3)))))
                      (catch_all (i32.const -1)))))
                """);
        assertEquals(401, d.check("deleg1", 0)[0]); // delegate 1 skips the middle try
        assertEquals(500, d.check("deleg1", 1)[0]);
        assertEquals(5, d.check("deleg1", 2)[0]);
        assertEquals(201, d.check("deleg0", 0)[0]);
        assertEquals(300, d.check("deleg0", 1)[0]);
        assertEquals(1007, d.check("rethrow", 7)[0]); // the outer catch sees the first exception again
        assertEquals(9, d.check("delegOut", 9)[0]);
        assertEquals(3, d.check("delegToBlock", 3)[0]);
        assertNull(d.check("delegBypass", 4)); // delegated past the enclosing try, out of the function
        assertEquals(21, d.check("catchInCatch", 6)[0]); // (6 + 1) * 3
    }

    @Test
    void exnrefsRoundTripThroughWasmAndTheHost() {
        String wat = """
                (module
                  (tag $t (export "t") (param i64))
                  (global $saved (mut exnref) (ref.null exn))
                  (func $catchIt (export "catchIt") (param i64) (result exnref)
                    (block $h (result exnref)
                      (try_table (catch_all_ref $h) (throw $t (local.get 0)))
                      (unreachable)))
                  (func $rethrowIt (export "rethrowIt") (param exnref) (throw_ref (local.get 0)))
                  (func (export "roundTrip") (param i64) (result i64)
                    (block $h (result i64 exnref)
                      (try_table (catch_ref $t $h) (call $rethrowIt (call $catchIt (local.get 0))))
                      (unreachable))
                    (global.set $saved)
                    (i64.add (i64.const 1)))
                  (func (export "again") (result i64)
                    (block $h (result i64)
                      (try_table (catch $t $h) (throw_ref (global.get $saved)))
                      (unreachable)))
                  (func (export "throwNull") (throw_ref (ref.null exn))))
                """;
        Differential d = new Differential(wat);
        assertEquals(42, d.check("roundTrip", 41)[0]);
        assertEquals(41, d.check("again")[0]); // the saved exnref still carries its payload
        assertNull(d.check("throwNull"));
        Trap trap = assertThrows(Trap.class, () -> d.compiled.function("throwNull").call());
        assertEquals(Trap.Kind.NULL_REFERENCE, trap.kind());
        // An exnref handed to the host and back is the same exception object.
        Object[] ref = new Object[1];
        d.compiled.function("catchIt").call(new long[] {5}, null, new long[0], ref);
        WasmThrow exn = assertInstanceOf(WasmThrow.class, ref[0]);
        assertSame(d.compiled.tag("t"), exn.tag());
        WasmThrow again = assertThrows(WasmThrow.class,
                () -> d.compiled.function("rethrowIt").call(new long[1], new Object[] {exn}, null, null));
        assertSame(exn, again);
    }

    @Test
    void trapsAndStackOverflowInsideTryAreNotCaught() {
        Differential d = new Differential("""
                (module
                  (func $deep (param i32) (result i32) (i32.add (call $deep (local.get 0)) (i32.const 1)))
                  (func (export "divInTry") (param i32) (result i32)
                    (block $h
                      (try_table (catch_all $h) (drop (i32.div_s (i32.const 1) (local.get 0))))
                      (return (i32.const 1)))
                    (i32.const 2))
                  (func (export "overflowInTry") (result i32)
                    (block $h
                      (try_table (catch_all $h) (drop (call $deep (i32.const 0))))
                      (return (i32.const 1)))
                    (i32.const 2))
                  (func (export "unreachableInLegacy") (result i32)
                    (try (result i32) (do (unreachable)) (catch_all (i32.const 5)))))
                """);
        assertEquals(1, d.check("divInTry", 1)[0]);
        assertNull(d.check("divInTry", 0));
        assertNull(d.check("overflowInTry"));
        assertNull(d.check("unreachableInLegacy"));
        assertEquals(Trap.Kind.INTEGER_DIVIDE_BY_ZERO,
                assertThrows(Trap.class, () -> d.compiled.function("divInTry").call(0)).kind());
        assertEquals(Trap.Kind.CALL_STACK_EXHAUSTED,
                assertThrows(Trap.class, () -> d.compiled.function("overflowInTry").call()).kind());
    }
}
