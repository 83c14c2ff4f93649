package dev.ligature.jit.compiler;

import dev.ligature.jit.JitCompileException;
import dev.ligature.jit.JitEngine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.engine.Values;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitDifferentialTest {
    private static final long[] INTS = {0, 1, -1, 2, 7, -7, 31, 32, 33, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x12345678};
    private static final long[] LONGS = {0, 1, -1, 63, 64, 65, Long.MAX_VALUE, Long.MIN_VALUE, 0x123456789ABCDEFL,
        Integer.MIN_VALUE, 0xFFFFFFFFL};

    @Test
    void integerArithmeticAndTrapsMatchTheInterpreter() {
        String[] bin32 = {"add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s",
            "shr_u", "rotl", "rotr", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"};
        String[] un32 = {"clz", "ctz", "popcnt", "eqz", "extend8_s", "extend16_s"};
        StringBuilder wat = new StringBuilder("(module\n");
        for (String t : new String[] {"i32", "i64"}) {
            for (String op : bin32) {
                String res = op.length() <= 4 && !op.equals("div_s") && !op.equals("div_u") && (op.startsWith("e")
                        || op.startsWith("n") || op.startsWith("l") || op.startsWith("g")) ? "i32" : t;
                wat.append("(func (export \"").append(t).append('.').append(op).append("\") (param ").append(t)
                        .append(' ').append(t).append(") (result ").append(res).append(") local.get 0 local.get 1 ")
                        .append(t).append('.').append(op).append(")\n");
            }
            for (String op : un32) {
                String res = op.equals("eqz") ? "i32" : t;
                wat.append("(func (export \"").append(t).append('.').append(op).append("\") (param ").append(t)
                        .append(") (result ").append(res).append(") local.get 0 ").append(t).append('.').append(op).append(")\n");
            }
        }
        wat.append(")");
        Differential d = new Differential(wat.toString());
        for (String t : new String[] {"i32", "i64"}) {
            long[] vals = t.equals("i32") ? INTS : LONGS;
            for (String op : bin32) {
                for (long a : vals) {
                    for (long b : vals) {
                        d.check(t + "." + op, a, b);
                    }
                }
            }
            for (String op : un32) {
                for (long a : vals) {
                    d.check(t + "." + op, a);
                }
            }
        }
        // Known answers, independent of both engines.
        assertEquals(5, d.check("i32.add", 2, 3)[0]);
        assertEquals(1, d.check("i32.lt_u", 1, -1)[0]);
        assertNull(d.check("i32.div_s", Integer.MIN_VALUE, -1)); // integer overflow trap on both
    }

    @Test
    void floatArithmeticAndConversionsMatchTheInterpreter() {
        String wat = """
                (module
                  (func (export "f32.ops") (param f32 f32) (result f32 f32 f32 f32 f32 f32 f32)
                    (f32.add (local.get 0) (local.get 1)) (f32.div (local.get 0) (local.get 1))
                    (f32.min (local.get 0) (local.get 1)) (f32.max (local.get 0) (local.get 1))
                    (f32.copysign (local.get 0) (local.get 1)) (f32.nearest (local.get 0)) (f32.neg (local.get 1)))
                  (func (export "f64.ops") (param f64 f64) (result f64 f64 f64 f64 f64 i32 i32)
                    (f64.sub (local.get 0) (local.get 1)) (f64.mul (local.get 0) (local.get 1))
                    (f64.sqrt (local.get 0)) (f64.floor (local.get 0)) (f64.trunc (local.get 1))
                    (f64.lt (local.get 0) (local.get 1)) (f64.ne (local.get 0) (local.get 1)))
                  (func (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
                  (func (export "trunc_u64") (param f32) (result i64) (i64.trunc_f32_u (local.get 0)))
                  (func (export "sat") (param f64) (result i64) (i64.trunc_sat_f64_s (local.get 0)))
                  (func (export "conv") (param i64) (result f32 f64 f32)
                    (f32.convert_i64_u (local.get 0)) (f64.convert_i64_s (local.get 0))
                    (f32.demote_f64 (f64.reinterpret_i64 (local.get 0))))
                  (func (export "nan") (result f32 i32) (f32.const nan:0x200000) (i32.reinterpret_f32 (f32.const -nan:0x7))))
                """;
        Differential d = new Differential(wat);
        double[] ds = {0.0, -0.0, 1.5, -2.5, 3.7, 1e300, -1e-300, Double.NaN, Double.POSITIVE_INFINITY, 2147483647.9,
            -2147483648.9, 9.3e18};
        for (double a : ds) {
            for (double b : ds) {
                d.check("f32.ops", Values.f32((float) a), Values.f32((float) b));
                d.check("f64.ops", Values.f64(a), Values.f64(b));
            }
            d.check("trunc", Values.f64(a));
            d.check("trunc_u64", Values.f32((float) a));
            d.check("sat", Values.f64(a));
        }
        for (long v : LONGS) {
            d.check("conv", v);
        }
        long[] nan = d.check("nan");
        assertEquals(0x7FA00000L, nan[0]);
        assertEquals(0xFF800007L, nan[1] & 0xFFFFFFFFL);
        assertEquals(3, (int) d.check("trunc", Values.f64(3.9))[0]);
    }

    @Test
    void controlFlowMatchesTheInterpreter() {
        String wat = """
                (module
                  (func $fac (export "fac") (param i64) (result i64)
                    (if (result i64) (i64.le_u (local.get 0) (i64.const 1))
                      (then (i64.const 1))
                      (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
                  (func (export "sum") (param i32) (result i32) (local i32)
                    (block $done
                      (loop $l
                        (br_if $done (i32.eqz (local.get 0)))
                        (local.set 1 (i32.add (local.get 1) (local.get 0)))
                        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                        (br $l)))
                    (local.get 1))
                  (func (export "switch") (param i32) (result i32)
                    (block $d (block $c (block $b (block $a
                      (br_table $a $b $c $d (local.get 0)))
                      (return (i32.const 10)))
                      (return (i32.const 11)))
                      (return (i32.const 12)))
                    (i32.const 13))
                  (func (export "br_value") (param i32) (result i32)
                    (block (result i32) (br_if 0 (i32.const 7) (local.get 0)) (drop) (i32.const 9)))
                  (func (export "select") (param i32 i64 i64) (result i64) (select (local.get 1) (local.get 2) (local.get 0)))
                  (func $swap (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
                  (func (export "multi") (param i32 i32) (result i32 i32 i32)
                    (call $swap (local.get 0) (local.get 1))
                    (block (param i32 i32) (result i32 i32 i32) (i32.const 3)))
                  (func (export "if_params") (param i32) (result i32)
                    (i32.const 40) (i32.const 2)
                    (if (param i32 i32) (result i32) (local.get 0)
                      (then (i32.add)) (else (i32.sub))))
                  (func (export "loop_params") (param i32) (result i32)
                    i32.const 0
                    local.get 0
                    loop (param i32 i32) (result i32)
                      local.set 0
                      local.get 0
                      i32.add
                      local.get 0
                      i32.const 1
                      i32.sub
                      local.tee 0
                      local.get 0
                      i32.const 0
                      i32.ge_s
                      br_if 0
                      drop
                    end)
                  (func (export "dead") (param i32) (result i32)
                    (block (result i32) (br 0 (i32.const 1)) (i32.add) (unreachable)))
                  (func (export "unreachable") unreachable)
                  (func $deep (export "deep") (param i32) (result i32) (i32.add (i32.const 1) (call $deep (local.get 0)))))
                """;
        Differential d = new Differential(wat);
        assertEquals(3628800, d.check("fac", 10)[0]);
        assertEquals(5050, d.check("sum", 100)[0]);
        for (long i : new long[] {0, 1, 2, 3, 4, 100, -1}) {
            d.check("switch", i);
            d.check("br_value", i);
            d.check("select", i, 11, 22);
            d.check("if_params", i);
            d.check("loop_params", i + 2);
        }
        assertEquals(12, d.check("switch", 2)[0]);
        assertEquals(13, d.check("switch", -1)[0]);
        assertArrayEquals(new long[] {8, 7, 3}, d.check("multi", 7, 8));
        assertEquals(38, d.check("if_params", 0)[0]);
        assertEquals(4 + 3 + 2 + 1, d.check("loop_params", 4)[0]);
        d.check("dead", 0);
        d.check("unreachable");
        Trap t = assertThrows(Trap.class, () -> d.compiled.function("deep").call(1));
        assertEquals(Trap.Kind.CALL_STACK_EXHAUSTED, t.kind());
        assertEquals(120, d.check("fac", 5)[0]); // still usable after the stack overflow
    }

    @Test
    void memoryAndGlobalsMatchTheInterpreter() {
        String wat = """
                (module
                  (memory 1 3)
                  (global $g (mut i64) (i64.const 7))
                  (global $f (mut f32) (f32.const 1.5))
                  (data (i32.const 8) "\\01\\82\\03\\f4\\05\\06\\07\\88")
                  (func (export "loads") (param i32) (result i32 i32 i32 i32 i64 i64 i64 i64)
                    (i32.load8_s offset=8 (local.get 0)) (i32.load8_u offset=8 (local.get 0))
                    (i32.load16_s offset=8 (local.get 0)) (i32.load16_u offset=8 (local.get 0))
                    (i64.load32_s offset=8 (local.get 0)) (i64.load32_u offset=8 (local.get 0))
                    (i64.load8_u offset=8 (local.get 0)) (i64.load offset=8 (local.get 0)))
                  (func (export "store") (param i32 i64)
                    (i64.store (local.get 0) (local.get 1))
                    (i32.store8 offset=9 (local.get 0) (i32.const 0xABCD))
                    (i64.store16 offset=12 (local.get 0) (local.get 1)))
                  (func (export "fstore") (param i32 f64) (result f64 f32)
                    (f64.store (local.get 0) (local.get 1)) (f32.store offset=8 (local.get 0) (f32.const -0.25))
                    (f64.load (local.get 0)) (f32.load offset=8 (local.get 0)))
                  (func (export "grow") (param i32) (result i32 i32) (memory.grow (local.get 0)) (memory.size))
                  (func (export "globals") (param i64) (result i64 f32)
                    (global.set $g (i64.add (global.get $g) (local.get 0)))
                    (global.set $f (f32.mul (global.get $f) (f32.const 2)))
                    (global.get $g) (global.get $f)))
                """;
        Differential d = new Differential(wat);
        long[] l = d.check("loads", 0); // the data segment's bytes 01 82 03 f4 05 06 07 88, little-endian
        assertEquals(-32255, (int) l[2]);
        assertEquals(0x8201, (int) l[3]);
        assertEquals(0xFFFFFFFFF4038201L, l[4]);
        assertEquals(0xF4038201L, l[5]);
        assertEquals(0x88070605F4038201L, l[7]);
        for (long a : new long[] {0, 1, 4, 65527, 65528, 65535, -1, -8}) {
            d.check("loads", a);
            d.check("store", a, 0x1122334455667788L);
            d.check("loads", a);
            d.check("fstore", a, Values.f64(-3.25));
        }
        d.check("grow", 1);
        d.check("grow", 5);
        d.check("loads", 65536 + 100);
        assertArrayEquals(new long[] {2, 2}, d.check("grow", 0));
        for (int i = 0; i < 3; i++) {
            d.check("globals", 5);
        }
        long[] fourth = d.check("globals", 0);
        assertEquals(7 + 3 * 5, fourth[0]);
        assertEquals(1.5f * 16, Values.asF32(fourth[1]));
    }

    @Test
    void bulkMemoryAndMemory64MatchTheInterpreter() {
        String wat = """
                (module
                  (memory $m32 1)
                  (memory $m64 i64 1 2)
                  (data $d "abcdefgh")
                  (func (export "fill") (param i32 i32 i32) (memory.fill $m32 (local.get 0) (local.get 1) (local.get 2)))
                  (func (export "copy") (param i32 i32 i32) (memory.copy $m32 $m32 (local.get 0) (local.get 1) (local.get 2)))
                  (func (export "init") (param i32 i32 i32) (memory.init $m32 $d (local.get 0) (local.get 1) (local.get 2)))
                  (func (export "drop") (data.drop $d))
                  (func (export "cross") (param i64 i32 i32) (memory.copy $m64 $m32 (local.get 0) (local.get 1) (local.get 2)))
                  (func (export "peek") (param i32) (result i64) (i64.load $m32 (local.get 0)))
                  (func (export "peek64") (param i64) (result i64) (i64.load $m64 offset=3 (local.get 0)))
                  (func (export "grow64") (param i64) (result i64 i64) (memory.grow $m64 (local.get 0)) (memory.size $m64)))
                """;
        Differential d = new Differential(wat);
        d.check("init", 10, 1, 5);
        assertEquals(0x6665646362L, d.check("peek", 10)[0]); // "bcdef" little-endian
        d.check("init", 65534, 0, 5);
        d.check("init", 0, 6, 3);
        d.check("fill", 20, 0x1FF, 4);
        d.check("fill", 65535, 1, 2);
        d.check("copy", 12, 10, 6);
        d.check("copy", 65530, 0, 7);
        d.check("cross", 100, 8, 16);
        d.check("cross", 65530, 0, 7);
        d.check("drop");
        d.check("init", 0, 0, 1);
        d.check("init", 0, 0, 0);
        for (long a : new long[] {0, 8, 12, 20, 65528}) {
            d.check("peek", a);
        }
        for (long a : new long[] {97, 100, 65525, 65530, -1, -3, Long.MIN_VALUE}) {
            d.check("peek64", a);
        }
        d.check("grow64", 1);
        d.check("grow64", 1);
        d.check("grow64", -1);
        d.check("peek64", 65536 + 100);
    }

    @Test
    void referencesAndTablesMatchTheInterpreter() {
        String wat = """
                (module
                  (type $v2i (func (result i32)))
                  (table $t 2 10 funcref)
                  (table $e 3 externref)
                  (global $g (mut externref) (ref.null extern))
                  (elem $seg func $one $two)
                  (func $one (result i32) (i32.const 1))
                  (func $two (result i32) (i32.const 2))
                  (func (export "setup") (param i32) (result i32)
                    (table.init $t $seg (i32.const 0) (i32.const 0) (i32.const 2))
                    (table.grow $t (ref.func $two) (local.get 0)))
                  (func (export "call") (param i32) (result i32) (call_indirect $t (type $v2i) (local.get 0)))
                  (func (export "size") (result i32) (table.size $t))
                  (func (export "swap") (table.set $t (i32.const 0) (table.get $t (i32.const 1))))
                  (func (export "fill") (param i32 i32) (table.fill $t (local.get 0) (ref.null func) (local.get 1)))
                  (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
                  (func (export "drop") (elem.drop $seg))
                  (func (export "keep") (param externref i32) (result externref i32)
                    (global.set $g (local.get 0))
                    (table.set $e (local.get 1) (local.get 0))
                    (global.get $g) (ref.is_null (table.get $e (local.get 1))))
                  (func (export "pick") (param externref externref i32) (result externref)
                    (select (result externref) (local.get 0) (local.get 1) (local.get 2))))
                """;
        Differential d = new Differential(wat);
        assertEquals(2, d.check("setup", 3)[0]);
        assertEquals(5, d.check("size")[0]);
        for (long i = -1; i < 7; i++) {
            d.check("call", i);
        }
        d.check("swap");
        d.check("call", 0);
        d.check("fill", 1, 2);
        d.check("fill", 4, 2);
        d.check("call", 1);
        d.check("copy", 1, 0, 3);
        d.check("copy", 3, 0, 3);
        d.check("call", 3);
        d.check("drop");
        d.check("setup", 0);
        // References travel through the boundary as objects.
        Object token = new Object();
        Object[] refs = new Object[2];
        long[] out = new long[2];
        d.compiled.function("keep").call(new long[] {0, 2}, new Object[] {token, null}, out, refs);
        assertSame(token, refs[0]);
        assertEquals(0, out[1]);
        assertThrows(Trap.class, () -> d.compiled.function("keep").call(new long[] {0, 3}, new Object[] {token, null}, out, refs));
        Object other = "other";
        d.compiled.function("pick").call(new long[] {0, 0, 0}, new Object[] {token, other, null}, out, refs);
        assertSame(other, refs[0]);
    }

    @Test
    void typedFunctionReferencesMatchTheInterpreter() {
        String wat = """
                (module
                  (type $i2i (func (param i32) (result i32)))
                  (table 2 funcref)
                  (elem declare func $dbl)
                  (func $dbl (type $i2i) (i32.mul (local.get 0) (i32.const 2)))
                  (func (export "via_ref") (param i32 i32) (result i32)
                    (call_ref $i2i (local.get 0)
                      (if (result (ref null $i2i)) (local.get 1) (then (ref.func $dbl)) (else (ref.null $i2i)))))
                  (func (export "on_null") (param i32) (result i32)
                    (block $null
                      (br_on_null $null (table.get (local.get 0)))
                      (drop)
                      (return (i32.const 1)))
                    (i32.const 0))
                  (func (export "non_null") (param i32) (result i32)
                    (block $f (result funcref)
                      (br_on_non_null $f (table.get (local.get 0)))
                      (return (i32.const 5)))
                    (ref.is_null))
                  (func (export "as_non_null") (param i32) (result i32)
                    (ref.is_null (ref.as_non_null (table.get (local.get 0)))))
                  (func (export "init") (table.set (i32.const 1) (ref.func $dbl))))
                """;
        Differential d = new Differential(wat);
        assertEquals(14, d.check("via_ref", 7, 1)[0]);
        d.check("via_ref", 7, 0);
        d.check("init");
        for (long i = 0; i < 3; i++) {
            d.check("on_null", i);
            d.check("non_null", i);
            d.check("as_non_null", i);
        }
        assertEquals(1, d.check("on_null", 1)[0]);
        assertEquals(5, d.check("non_null", 0)[0]);
    }

    @Test
    void callsAcrossTheBoundaryMatchTheInterpreter() {
        FuncType hostType = new FuncType(List.of(NumType.I32, NumType.F64), List.of(NumType.I64, NumType.I32));
        String helperWat = """
                (module (func (export "twice") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))
                """;
        Instance helper = WasmModule.parseText(helperWat).instantiate(); // interpreted, a foreign module
        java.util.function.Supplier<Imports> imports = () -> Imports.empty()
                .function("host", "mix", hostType, (caller, args) -> new long[] {args[0] * 1000 + (long) Values.asF64(args[1]), 9})
                .function("other", "twice", helper.function("twice"));
        String wat = """
                (module
                  (import "host" "mix" (func $mix (param i32 f64) (result i64 i32)))
                  (import "other" "twice" (func $twice (param i32) (result i32)))
                  (type $i2i (func (param i32) (result i32)))
                  (type $v2i (func (result i32)))
                  (table 6 funcref)
                  (elem (i32.const 0) $twice $inc $seven $mixer)
                  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
                  (func $seven (result i32) (i32.const 7))
                  (func $mixer (param i32) (result i32) (call $mix (local.get 0) (f64.const 2.5)) (drop) (i32.wrap_i64))
                  (func (export "mix") (param i32) (result i64 i32) (call $mix (local.get 0) (f64.const 42.9)))
                  (func (export "twice") (param i32) (result i32) (call $twice (local.get 0)))
                  (func (export "ind") (param i32 i32) (result i32) (call_indirect (type $i2i) (local.get 0) (local.get 1)))
                  (func (export "ind0") (param i32) (result i32) (call_indirect (type $v2i) (local.get 0))))
                """;
        Differential d = new Differential(wat, imports);
        assertArrayEquals(new long[] {3042, 9}, d.check("mix", 3));
        assertEquals(42, d.check("twice", 21)[0]);
        for (long i = -1; i < 8; i++) {
            d.check("ind", 10, i);
            d.check("ind0", i);
        }
        assertEquals(20, d.check("ind", 10, 0)[0]);
        assertEquals(11, d.check("ind", 10, 1)[0]);
        assertEquals(10 * 1000 + 2, d.check("ind", 10, 3)[0]); // $mixer: the host adds 2.5 truncated
        Trap t = assertThrows(Trap.class, () -> d.compiled.function("ind").call(1, 2));
        assertEquals(Trap.Kind.INDIRECT_CALL_TYPE_MISMATCH, t.kind());
        t = assertThrows(Trap.class, () -> d.compiled.function("ind").call(1, 5));
        assertEquals(Trap.Kind.UNINITIALIZED_ELEMENT, t.kind());
    }

    @Test
    void aLoopStopsAtItsNextIterationWhenInterrupted() {
        // The host import interrupts its caller from inside the loop: deterministic, no threads.
        Imports imports = Imports.empty().function("host", "tick", new FuncType(List.of(NumType.I32), List.of()),
                (caller, args) -> {
                    if (args[0] == 3) {
                        caller.interrupt();
                    }
                    return new long[0];
                });
        Instance inst = Modules.of(dev.ligature.core.text.WatParser.parseModule("""
                (module (import "host" "tick" (func $tick (param i32)))
                  (global $n (export "n") (mut i32) (i32.const 0))
                  (func (export "spin")
                    (loop $l
                      (global.set $n (i32.add (global.get $n) (i32.const 1)))
                      (call $tick (global.get $n))
                      (br $l))))
                """), new JitEngine()).instantiate(imports);
        Trap t = assertThrows(Trap.class, () -> inst.function("spin").call());
        assertEquals(Trap.Kind.INTERRUPTED, t.kind());
        assertEquals(3, inst.global("n").getInt());
    }

    @Test
    void generatedClassesAreSharedByAllInstancesOfAModule() {
        WasmModule m = Modules.of(dev.ligature.core.text.WatParser.parseModule("""
                (module (memory 1) (global $g (mut i32) (i32.const 0))
                  (func (export "bump") (result i32)
                    (global.set $g (i32.add (global.get $g) (i32.const 1)))
                    (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 10)))
                    (i32.add (global.get $g) (i32.load (i32.const 0)))))
                """), new JitEngine());
        Instance a = m.instantiate();
        Instance b = m.instantiate();
        ModuleCompiler compiled = (ModuleCompiler) Modules.code(m);
        Class<?> code = compiled.classOf(0);
        assertEquals(11, a.function("bump").callInt());
        assertEquals(22, a.function("bump").callInt());
        assertEquals(11, b.function("bump").callInt()); // state is per instance, code is shared
        assertSame(code, compiled.classOf(0));
        assertNotSame(JitEngine.class.getClassLoader(), code.getClassLoader(), "the module's own loader");
        for (var meth : code.getDeclaredMethods()) {
            assertTrue(java.lang.reflect.Modifier.isStatic(meth.getModifiers()));
        }
        assertEquals(0, code.getDeclaredFields().length, "no static state in generated code");
    }

    @Test
    void lazyCompilationCompilesAFunctionOnItsFirstCall() {
        var module = dev.ligature.core.text.WatParser.parseModule("""
                (module
                  (func $leaf (result i32) (i32.const 41))
                  (func (export "outer") (param i32) (result i32)
                    (if (result i32) (local.get 0) (then (i32.add (call $leaf) (i32.const 1))) (else (i32.const 0))))
                  (func (export "unused") (result i32) (i32.const 7))
                  (func (export "gc") (result i32) (i31.get_s (ref.i31 (i32.const 7)))))
                """);
        WasmModule m = Modules.of(module, new JitEngine());
        ModuleCompiler code = (ModuleCompiler) Modules.code(m);
        Instance inst = m.instantiate();
        for (int f = 0; f < 4; f++) {
            assertFalse(code.isCompiled(f), "nothing compiled before the first call: " + f);
        }
        assertEquals(0, inst.function("outer").callInt(0));
        assertTrue(code.isCompiled(1));
        assertFalse(code.isCompiled(0), "a call not yet executed does not compile its callee");
        assertEquals(42, inst.function("outer").callInt(1));
        assertTrue(code.isCompiled(0));
        assertFalse(code.isCompiled(2));
        // A function the compiler rejects fails when it is first called, with the typed exception.
        JitCompileException e = assertThrows(JitCompileException.class, () -> inst.function("gc").callInt());
        assertEquals(3, e.functionIndex());
        assertEquals(42, inst.function("outer").callInt(1), "the instance stays usable");
        assertThrows(JitCompileException.class, () -> Modules.of(module, JitEngine.eager()));
    }

    @Test
    void aCalleeThatCannotCompileFailsTheCallWithTheTypedException() {
        var module = dev.ligature.core.text.WatParser.parseModule("""
                (module
                  (func $gc (result i32) (i31.get_s (ref.i31 (i32.const 7))))
                  (func (export "caller") (param i32) (result i32)
                    (if (result i32) (local.get 0) (then (call $gc)) (else (i32.const 5)))))
                """);
        Instance inst = Modules.of(module, new JitEngine()).instantiate();
        assertEquals(5, inst.function("caller").callInt(0));
        JitCompileException e = assertThrows(JitCompileException.class, () -> inst.function("caller").callInt(1));
        assertEquals(0, e.functionIndex());
        assertThrows(JitCompileException.class, () -> inst.function("caller").callInt(1), "and again");
        assertEquals(5, inst.function("caller").callInt(0));
    }

    @Test
    void unsupportedInstructionsFailCompilationLoudly() {
        var module = dev.ligature.core.text.WatParser.parseModule("""
                (module (func $gc (export "f") (result i32) (i31.get_s (ref.i31 (i32.const 1)))))
                """);
        JitCompileException e = assertThrows(JitCompileException.class, () -> Modules.of(module, JitEngine.eager()));
        assertTrue(e.getMessage().contains("ref.i31"), e.getMessage());
        assertTrue(e.getMessage().contains("(f)"), e.getMessage()); // named by its export (the text parser keeps no name section)
        assertEquals(0, e.functionIndex());
        assertNotNull(Modules.of(module)); // the interpreter runs it
    }

    @Test
    void longBrTablesStayCompact() {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            labels.append(i % 3 == 0 ? "$a " : i % 3 == 1 ? "$b " : "$c ");
        }
        Differential d = new Differential("(module (func (export \"f\") (param i32) (result i32)\n"
                + "(block $c (block $b (block $a (br_table " + labels + "$c (local.get 0)))"
                + " (return (i32.const 10))) (return (i32.const 11))) (i32.const 12)))");
        for (long i : new long[] {0, 1, 2, 3, 4999, 4998, 5000, -1, 77}) {
            d.check("f", i);
        }
        assertEquals(11, d.check("f", 4)[0]);
        assertEquals(12, d.check("f", 5000)[0]);
        assertEquals(12, d.check("f", -1)[0]);
    }
}
