package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.engine.Values;
import dev.ligature.core.runtime.WasmModule;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    static Instance run(String wat) {
        return WasmModule.parseText(wat).instantiate();
    }

    @Test
    void arithmeticAndLocals() {
        Instance i = run("""
                (module
                  (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
                  (func (export "mix") (param i64 f64) (result f64)
                    (local f64)
                    local.get 0 f64.convert_i64_s local.get 1 f64.mul local.tee 2 local.get 2 f64.add))
                """);
        assertEquals(5, i.function("add").callInt(2, 3));
        assertEquals(-1, i.function("add").callInt(Integer.MAX_VALUE, Integer.MIN_VALUE));
        assertEquals(2 * (7 * 1.5), i.function("mix").callDouble(7, 1.5));
    }

    @Test
    void recursionLoopsAndBranches() {
        Instance i = run("""
                (module
                  (func $fac (export "fac") (param i64) (result i64)
                    (if (result i64) (i64.eqz (local.get 0))
                      (then (i64.const 1))
                      (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
                  (func (export "sum") (param i32) (result i32) (local i32)
                    (block $done
                      (loop $next
                        (br_if $done (i32.eqz (local.get 0)))
                        (local.set 1 (i32.add (local.get 1) (local.get 0)))
                        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                        (br $next)))
                    (local.get 1))
                  (func (export "pick") (param i32) (result i32)
                    (block $c (block $b (block $a
                      (br_table $a $b $c (local.get 0)))
                      (return (i32.const 10)))
                      (return (i32.const 20)))
                    (i32.const 30)))
                """);
        assertEquals(3628800L, i.function("fac").callLong(10));
        assertEquals(5050, i.function("sum").callInt(100));
        assertEquals(10, i.function("pick").callInt(0));
        assertEquals(20, i.function("pick").callInt(1));
        assertEquals(30, i.function("pick").callInt(2));
        assertEquals(30, i.function("pick").callInt(-1));
    }

    @Test
    void multiValueBlocksAndCalls() {
        Instance i = run("""
                (module
                  (func $swap (param i32 i64) (result i64 i32) local.get 1 local.get 0)
                  (func (export "f") (param i32 i64) (result i64 i32)
                    local.get 0 local.get 1
                    (block (param i32 i64) (result i64 i32) call $swap))
                  (func (export "g") (result i32)
                    (i32.const 1) (i32.const 2)
                    (block $b (param i32 i32) (result i32 i32) (br $b))
                    i32.sub))
                """);
        assertArrayEquals(new long[] {9, 4}, i.function("f").call(4, 9));
        assertEquals(-1, i.function("g").callInt());
    }

    @Test
    void memoryLoadsStoresAndGrow() {
        Instance i = run("""
                (module
                  (memory (export "mem") 1 3)
                  (data (i32.const 8) "\\01\\02\\03\\04\\ff")
                  (func (export "ld") (param i32) (result i32) (i32.load offset=8 (local.get 0)))
                  (func (export "ld8s") (param i32) (result i32) (i32.load8_s (local.get 0)))
                  (func (export "st") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
                  (func (export "size") (result i32) (memory.size)))
                """);
        assertEquals(0x04030201, i.function("ld").callInt(0));
        assertEquals(-1, i.function("ld8s").callInt(12));
        i.function("st").call(100, 0x1122334455667788L);
        assertEquals(0x55667788, i.memory().loadI32(100));
        assertEquals(1, i.function("grow").callInt(1));
        assertEquals(2, i.function("size").callInt());
        assertEquals(-1, i.function("grow").callInt(5));
        Trap t = assertThrows(Trap.class, () -> i.function("ld").callInt(2 * 65536 - 8 - 3));
        assertEquals(Trap.Kind.OUT_OF_BOUNDS_MEMORY, t.kind());
    }

    @Test
    void trapsOfEachKindWithBacktrace() {
        Instance i = run("""
                (module
                  (table 2 funcref)
                  (elem (i32.const 0) $ok)
                  (func $ok (result i32) i32.const 1)
                  (func $inner (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
                  (func $outer (export "outer") (param i32) (result i32) (call $inner (local.get 0)))
                  (func (export "unreachable") unreachable)
                  (func (export "overflow") (result i32) (i32.div_s (i32.const 0x80000000) (i32.const -1)))
                  (func (export "icall") (param i32) (result i32) (call_indirect (result i32) (local.get 0)))
                  (func (export "icall_bad") (result i64) (call_indirect (result i64) (i32.const 0)))
                  (func (export "conv") (result i32) (i32.trunc_f32_s (f32.const nan))))
                """);
        Trap t = assertThrows(Trap.class, () -> i.function("outer").callInt(0));
        assertEquals(Trap.Kind.INTEGER_DIVIDE_BY_ZERO, t.kind());
        assertEquals("integer divide by zero", t.getMessage());
        // WAT ids do not make a name section: the export names stand in.
        assertEquals("div", t.backtrace().get(0).functionName());
        assertEquals("outer", t.backtrace().get(1).functionName());
        assertEquals(Trap.Kind.UNREACHABLE, assertThrows(Trap.class, () -> i.function("unreachable").call()).kind());
        assertEquals(Trap.Kind.INTEGER_OVERFLOW, assertThrows(Trap.class, () -> i.function("overflow").call()).kind());
        assertEquals(1, i.function("icall").callInt(0));
        Trap uninit = assertThrows(Trap.class, () -> i.function("icall").call(1));
        assertEquals(Trap.Kind.UNINITIALIZED_ELEMENT, uninit.kind());
        assertEquals("uninitialized element 1", uninit.getMessage());
        assertEquals(Trap.Kind.UNDEFINED_ELEMENT, assertThrows(Trap.class, () -> i.function("icall").call(2)).kind());
        assertEquals(Trap.Kind.INDIRECT_CALL_TYPE_MISMATCH, assertThrows(Trap.class, () -> i.function("icall_bad").call()).kind());
        assertEquals(Trap.Kind.INVALID_CONVERSION, assertThrows(Trap.class, () -> i.function("conv").call()).kind());
        // The instance still works after all that.
        assertEquals(1, i.function("outer").callInt(1));
    }
}
