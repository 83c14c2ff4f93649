package dev.ligature.jit.compiler;

import dev.ligature.jit.JitEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.text.WatParser;
import org.junit.jupiter.api.Test;

/**
 * call_indirect sites keep an inline cache of the functions they call ({@link IndirectCalls}): a site that sees one
 * function, a few, and more than the cache holds must call the right function every time, in every instance.
 */
class IndirectCallCacheTest {
    /** Six functions of one type behind one call_indirect site, plus one of another type (a signature trap). */
    private static final String WAT = """
            (module
              (type $op (func (param i32) (result i32)))
              (table 8 funcref)
              (elem (i32.const 0) $f0 $f1 $f2 $f3 $f4 $f5 $other)
              (func $f0 (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
              (func $f1 (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
              (func $f2 (param i32) (result i32) (i32.xor (local.get 0) (i32.const 0x55)))
              (func $f3 (param i32) (result i32) (i32.sub (i32.const 1000) (local.get 0)))
              (func $f4 (param i32) (result i32) (i32.shl (local.get 0) (i32.const 2)))
              (func $f5 (param i32) (result i32) (i32.rotl (local.get 0) (i32.const 7)))
              (func $other (param i64) (result i64) (local.get 0))
              ;; acc = table[(i * stride) % kinds](acc + i) for i < n: a site that sees `kinds` functions.
              (func (export "run") (param $n i32) (param $kinds i32) (param $stride i32) (result i32)
                (local $i i32) (local $acc i32)
                (block $done (loop $l
                  (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                  (local.set $acc (call_indirect (type $op) (i32.add (local.get $acc) (local.get $i))
                    (i32.rem_u (i32.mul (local.get $i) (local.get $stride)) (local.get $kinds))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l)))
                (local.get $acc))
              (func (export "callAt") (param i32 i32) (result i32)
                (call_indirect (type $op) (local.get 1) (local.get 0))))
            """;

    @Test
    void aSiteCallsTheRightFunctionFromOneToMoreThanItCaches() {
        Differential d = new Differential(WAT);
        // One function (kinds 1), two, the cache's size, and past it: each must match the interpreter.
        for (int kinds : new int[] {1, 2, IndirectCalls.MAX_TARGETS, 5, 6}) {
            for (int round = 0; round < 3; round++) {
                d.check("run", 20_000, kinds, 1 + round);
            }
        }
        // The same sites, now with the callee out of the cache's way: a type mismatch and a null entry trap.
        d.check("callAt", 6, 1);
        d.check("callAt", 7, 1);
        d.check("callAt", 8, 1);
        d.check("callAt", 3, 10);
    }

    @Test
    void instancesSharingTheSiteEachCallTheirOwnFunctions() {
        WasmModule m = Modules.of(WatParser.parseModule("""
                (module
                  (type $get (func (result i32)))
                  (global $g (mut i32) (i32.const 0))
                  (table 2 funcref)
                  (elem (i32.const 0) $read $readPlusOne)
                  (func $read (result i32) (global.get $g))
                  (func $readPlusOne (result i32) (i32.add (global.get $g) (i32.const 1)))
                  (func (export "set") (param i32) (global.set $g (local.get 0)))
                  (func (export "call") (param i32) (result i32) (call_indirect (type $get) (local.get 0))))
                """), new JitEngine());
        Instance a = m.instantiate(Imports.empty());
        Instance b = m.instantiate(Imports.empty());
        a.function("set").call(10);
        b.function("set").call(20);
        for (int i = 0; i < 10_000; i++) {
            int k = i & 1;
            assertEquals(10 + k, (int) a.function("call").call(k)[0], "a's own global");
            assertEquals(20 + k, (int) b.function("call").call(k)[0], "b's own global through the same site");
        }
    }
}
