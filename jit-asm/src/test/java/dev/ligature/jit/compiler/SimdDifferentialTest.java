package dev.ligature.jit.compiler;

import dev.ligature.jit.JitEngine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ligature.core.runtime.Global;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.engine.Values;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.VecType;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** v128 values through every part of the compiled calling and control model, against the interpreter. */
class SimdDifferentialTest {
    private static final long LO = 0x0706_0504_0302_0100L;
    private static final long HI = 0x0F0E_0D0C_0B0A_0908L;

    @Test
    void v128ValuesCrossCallsBlocksAndTheBoundary() {
        FuncType hostType = new FuncType(List.of(NumType.I32, VecType.V128, NumType.F64),
                List.of(VecType.V128, NumType.I64, VecType.V128));
        // The host swaps the halves of its v128 and adds the i32 to both: slot form, two slots per v128.
        Supplier<Imports> imports = () -> Imports.empty()
                .function("host", "swap", hostType, (caller, a) -> new long[] {a[2] + a[0], a[1] + a[0], (long) Values.asF64(a[3]), 5, 6});
        String wat = """
                (module
                  (import "host" "swap" (func $swap (param i32 v128 f64) (result v128 i64 v128)))
                  (type $vv (func (param v128) (result v128)))
                  (table 2 funcref)
                  (elem (i32.const 0) $inc $swap128)
                  (func $inc (param v128) (result v128) (i32x4.add (local.get 0) (v128.const i32x4 1 1 1 1)))
                  (func $swap128 (param v128) (result v128) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get 0) (local.get 0)))
                  (func $multi (param v128 i32) (result i32 v128 f32 v128)
                    (local.get 1) (local.get 0) (f32.const 1.5) (i64x2.splat (i64.extend_i32_u (local.get 1))))
                  (func $mixed (param v128) (result externref v128 i32 funcref v128)
                    (ref.null extern) (local.get 0) (i32.const 3) (ref.func $inc) (v128.not (local.get 0)))
                  (func (export "mixed") (param v128) (result v128 i32 v128 i32)
                    (local $f funcref) (local $w v128) (local $a v128) (local $n i32)
                    (call $mixed (local.get 0))
                    (local.set $w)
                    (local.set $f)
                    (local.set $n)
                    (local.set $a)
                    (ref.is_null)
                    (local.set $n (i32.add (local.get $n)))
                    (call_indirect (type $vv) (local.get $a) (i32.const 0))
                    (local.get $n)
                    (local.get $w)
                    (ref.is_null (local.get $f)))
                  (func (export "host") (param i32 v128) (result v128 i64 v128) (call $swap (local.get 0) (local.get 1) (f64.const 3.5)))
                  (func (export "ind") (param v128 i32) (result v128) (call_indirect (type $vv) (local.get 0) (local.get 1)))
                  (func (export "multi") (param v128 i32) (result i32 v128 f32 v128) (call $multi (local.get 0) (local.get 1)))
                  (func (export "flow") (param v128 v128 i32) (result v128)
                    (local $t v128)
                    (local.set $t (local.get 1))
                    (local.get 0)
                    (block $out (param v128) (result v128)
                      (loop $l (param v128) (result v128)
                        (i8x16.add (local.get $t))
                        (br_if $out (i32.eqz (local.get 2)))
                        (local.set 2 (i32.sub (local.get 2) (i32.const 1)))
                        (br $l)))
                    (if (param v128) (result v128) (i32.and (local.get 2) (i32.const 1))
                      (then (v128.not))
                      (else (select (local.get 1) (local.get 0) (i32.const 0)) (v128.xor))))
                  (func (export "table") (param v128 i32) (result v128)
                    (block $a (result v128)
                      (block $b (result v128)
                        (br_table $a $b $a (local.get 0) (local.get 1)))
                      (i64x2.add (v128.const i64x2 100 200))))
                  (func (export "ret") (param v128 i32) (result v128)
                    (if (local.get 1) (then (return (i32x4.mul (local.get 0) (local.get 0)))))
                    (local.get 0)))
                """;
        Differential d = new Differential(wat, imports);
        assertArrayEquals(new long[] {HI + 3, LO + 3, 3, 5, 6}, d.check("host", 3, LO, HI));
        assertArrayEquals(new long[] {HI, LO}, d.check("ind", LO, HI, 1));
        d.check("ind", LO, HI, 0);
        assertEquals(Trap.Kind.UNDEFINED_ELEMENT, assertThrows(Trap.class, () -> d.compiled.function("ind").call(LO, HI, 7)).kind());
        d.check("ind", LO, HI, 7);
        // $inc adds 1 to each i32 lane; 3 + (ref.is_null null) = 4; v128.not; the funcref is not null.
        assertArrayEquals(new long[] {LO + 0x0000_0001_0000_0001L, HI + 0x0000_0001_0000_0001L, 4, ~LO, ~HI, 0},
                d.check("mixed", LO, HI));
        long[] multi = d.check("multi", LO, HI, 42);
        assertEquals(42, (int) multi[0]);
        assertArrayEquals(new long[] {LO, HI}, new long[] {multi[1], multi[2]});
        assertEquals(Float.floatToIntBits(1.5f), (int) multi[3]);
        assertArrayEquals(new long[] {42, 42}, new long[] {multi[4], multi[5]});
        for (long n = 0; n < 4; n++) {
            d.check("flow", LO, HI, -1L, 0x0101_0101_0101_0101L, n);
            d.check("table", LO, HI, n - 1);
            d.check("ret", LO, HI, n);
        }
        assertArrayEquals(new long[] {LO + 100, HI + 200}, d.check("table", LO, HI, 1));
        assertArrayEquals(new long[] {LO, HI}, d.check("table", LO, HI, 0));
    }

    @Test
    void v128GlobalsMatchTheInterpreter() {
        Supplier<Imports> imports = () -> {
            Global g = Global.of(new GlobalType(VecType.V128, true));
            g.setV128(LO, HI);
            return Imports.empty().global("env", "g", g);
        };
        String wat = """
                (module
                  (import "env" "g" (global $g (mut v128)))
                  (global $h (mut v128) (v128.const i32x4 1 2 3 4))
                  (func (export "swap") (result v128)
                    (global.get $g)
                    (global.set $g (global.get $h))
                    (global.set $h)
                    (global.get $g)))
                """;
        Differential d = new Differential(wat, imports);
        assertArrayEquals(new long[] {1 | 2L << 32, 3 | 4L << 32}, d.check("swap"));
        assertArrayEquals(new long[] {LO, HI}, d.check("swap"));
    }

    @Test
    void vectorMemoryAccessTrapsAndWritesNothingAtTheBoundsOnEveryMemory() {
        String wat = """
                (module
                  (memory $m32 1)
                  (memory $m64 i64 1)
                  (func (export "store32") (param i32 v128) (v128.store $m32 offset=3 (local.get 0) (local.get 1)))
                  (func (export "store64") (param i64 v128) (v128.store $m64 offset=3 (local.get 0) (local.get 1)))
                  (func (export "load32") (param i32) (result v128) (v128.load $m32 offset=3 (local.get 0)))
                  (func (export "load64") (param i64) (result v128) (v128.load $m64 offset=3 (local.get 0)))
                  (func (export "lane64") (param i64 v128) (result v128)
                    (v128.store16_lane $m64 offset=1 5 (local.get 0) (local.get 1))
                    (v128.load32_lane $m64 offset=2 3 (local.get 0) (local.get 1)))
                  (func (export "ext32") (param i32) (result v128) (v128.load16x4_s $m32 (local.get 0)))
                  (func (export "splat64") (param i64) (result v128) (v128.load8_splat $m64 offset=65535 (local.get 0)))
                  (func (export "zero32") (param i32) (result v128) (v128.load32_zero $m32 (local.get 0))))
                """;
        Differential d = new Differential(wat);
        long[] addrs = {0, 1, 65516, 65517, 65518, 65519, 65520, 65533, 65535, 65536, -1, -4, Long.MIN_VALUE};
        for (long a : addrs) {
            d.check("store32", a, LO, HI);
            d.check("store64", a, LO, HI);
            for (long b : addrs) {
                d.check("load32", b);
                d.check("load64", b);
            }
            d.check("lane64", a, LO, HI);
            d.check("ext32", a);
            d.check("splat64", a);
            d.check("zero32", a);
        }
        // A store that passes the end by one byte writes nothing (offset=3: address 65517 is the last 16 bytes).
        d.check("store32", 65520 - 3, -1L, -1L);
        assertEquals(Trap.Kind.OUT_OF_BOUNDS_MEMORY, assertThrows(Trap.class,
                () -> d.compiled.function("store32").call(65521 - 3, 0, 0)).kind());
        d.check("store32", 65521 - 3, 0, 0);
        assertArrayEquals(new long[] {-1L, -1L}, d.check("load32", 65520 - 3));
        assertEquals(Trap.Kind.OUT_OF_BOUNDS_MEMORY, assertThrows(Trap.class,
                () -> d.compiled.function("load64").call(-1L)).kind());
    }

    @Test
    void signaturesPastTheJvmsParameterLimitTakeTheirArgumentsInScratch() {
        // 70 v128 parameters are 280 words, 130 i64 ones 260: more than a JVM method may take (255).
        String v = " v128".repeat(70);
        String wat = "(module"
                + " (func $wide (export \"wide\") (param" + v + " i32) (result v128)"
                + "   (i32x4.add (local.get 0) (i32x4.add (local.get 69) (i32x4.splat (local.get 70)))))"
                + " (func $longs (export \"longs\") (param" + " i64".repeat(130) + " f32) (result i64)"
                + "   (i64.add (local.get 0) (i64.add (local.get 129) (i64.trunc_f32_s (local.get 130)))))"
                + " (func (export \"call\") (param v128 i32) (result v128 i64)"
                + "   (call $wide" + " (local.get 0)".repeat(70) + " (local.get 1))"
                + "   (call $longs" + " (i64.const 5)".repeat(130) + " (f32.const 2.5))))";
        Differential d = new Differential(wat);
        long[] args = new long[141];
        for (int i = 0; i < 140; i++) {
            args[i] = i;
        }
        args[140] = 1000;
        // lanes: lo = (0, 0) + (138, 0) + 1000, hi = (1, 0) + (139, 0) + 1000, as i32x4
        assertArrayEquals(new long[] {1138 | 1000L << 32, 1140 | 1000L << 32}, d.check("wide", args));
        assertArrayEquals(new long[] {LO * 2 + 0x0000_0007_0000_0007L, HI * 2 + 0x0000_0007_0000_0007L, 12},
                d.check("call", LO, HI, 7));
    }

    @Test
    void aVectorFunctionCompilesAndComputesItsLanes() {
        // i16x8.neg: lanes 4, 3, 2, 1 and 0xFFFF x 4 (lane 0 in the low bits) become -4, -3, -2, -1 and 1 x 4.
        var module = dev.ligature.core.text.WatParser.parseModule(
                "(module (func (export \"f\") (param v128) (result v128) (i16x8.neg (local.get 0))))");
        var wm = Modules.of(module, new JitEngine());
        long[] r = wm.instantiate().function("f").call(0x0001_0002_0003_0004L, -1L);
        assertArrayEquals(new long[] {0xFFFF_FFFE_FFFD_FFFCL, 0x0001_0001_0001_0001L}, r);
    }
}
