package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** v128 values through the paths that exceptions and tail calls add: tag payloads and tail-call arguments. */
class V128ControlTest {
    @Test
    void v128PayloadsSurviveThrowAndCatch() {
        Differential d = new Differential("""
                (module
                  (tag $t (param i32 v128 i64))
                  (func $thrower (param i32)
                    (throw $t (local.get 0) (v128.const i32x4 1 2 3 4) (i64.const 99)))
                  (func (export "payload") (param i32) (result i32)
                    (local $v v128) (local $x i64)
                    (block $h (result i32 v128 i64)
                      (try_table (catch $t $h) (call $thrower (local.get 0)))
                      (return (i32.const -1)))
                    (local.set $x)
                    (local.set $v)
                    (i32.add (i32.add (i32x4.extract_lane 3 (local.get $v)) (i32.wrap_i64 (local.get $x))))
                    )
                  (func (export "legacy") (param i32) (result i32)
                    (local $v v128) (local $x i64)
                    (try (result i32)
                      (do (call $thrower (local.get 0)) (i32.const -1))
                      (catch $t
                        (local.set $x) (local.set $v)
                        (i32.add (i32.add (i32x4.extract_lane 1 (local.get $v)) (i32.wrap_i64 (local.get $x)))))))
                  )
                """);
        assertEquals(106, d.check("payload", 3)[0]);
        assertEquals(104, d.check("legacy", 3)[0]);
    }

    @Test
    void v128ArgumentsAndResultsPassThroughTailCalls() {
        Differential d = new Differential("""
                (module
                  (type $t (func (param v128 i32) (result v128)))
                  (table funcref (elem $down))
                  (func $down (param v128 i32) (result v128)
                    (if (result v128) (i32.eqz (local.get 1))
                      (then (local.get 0))
                      (else (return_call_indirect (type $t) (i32x4.add (local.get 0) (v128.const i32x4 1 2 3 4))
                              (i32.sub (local.get 1) (i32.const 1)) (i32.const 0)))))
                  (func $ping (param v128 i32) (result v128)
                    (if (result v128) (i32.eqz (local.get 1)) (then (local.get 0))
                      (else (return_call $pong (i64x2.add (local.get 0) (v128.const i64x2 1 1)) (i32.sub (local.get 1) (i32.const 1))))))
                  (func $pong (param v128 i32) (result v128)
                    (return_call $ping (local.get 0) (local.get 1)))
                  (func (export "indirect") (param i32) (result i32)
                    (i32x4.extract_lane 3 (call $down (v128.const i32x4 0 0 0 0) (local.get 0))))
                  (func (export "mutual") (param i32) (result i64)
                    (i64x2.extract_lane 1 (call $ping (v128.const i64x2 5 7) (local.get 0)))))
                """);
        assertEquals(4 * 1000, d.check("indirect", 1000)[0]);
        assertEquals(7 + 100_000, d.check("mutual", 100_000)[0]);
    }
}
