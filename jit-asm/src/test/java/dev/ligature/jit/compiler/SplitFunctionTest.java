package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.ast.Module;
import dev.ligature.core.engine.Types;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.valid.Validator;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions far past the JVM's 64 KiB method limit compile by splitting: the results equal the
 * interpreter's, and every method of the generated classes stays under HotSpot's 8,000-byte limit.
 */
class SplitFunctionTest {
    /** HotSpot's HugeMethodLimit, restated here so the test does not trust the compiler's constant. */
    private static final int LIMIT = 8000;

    /** Method names and bytecode sizes of the module's generated class. */
    private static List<String> methodSizes(String wat, List<Integer> sizes) {
        Module m = WatParser.parseModule(wat);
        ModuleShape shape = new ModuleShape(m, Validator.validate(m, Types.registry()));
        List<String> names = new ArrayList<>();
        for (int f = shape.importedFuncs; f < shape.importedFuncs + m.functions().size(); f++) {
            ClassModel cm = ClassFile.of().parse(ModuleCompiler.compileFunction(shape, f));
            for (MethodModel mm : cm.methods()) {
                mm.findAttribute(Attributes.code()).ifPresent(code -> {
                    names.add(mm.methodName().stringValue());
                    sizes.add(code.codeLength());
                });
            }
        }
        return names;
    }

    /** Asserts every method is under the limit and that the function {@code f} was split into chunks. */
    private static void assertSplitAndSmall(String wat, int... splitFunctions) {
        List<Integer> sizes = new ArrayList<>();
        List<String> names = methodSizes(wat, sizes);
        for (int i = 0; i < names.size(); i++) {
            assertTrue(sizes.get(i) < LIMIT, names.get(i) + " has " + sizes.get(i) + " bytes of bytecode");
        }
        for (int f : splitFunctions) {
            long chunks = names.stream().filter(n -> n.startsWith("c" + f + "_")).count();
            assertTrue(chunks >= 2, "function " + f + " is split, methods: " + names);
        }
    }

    @Test
    void straightLineFunctionPast64KiB() {
        StringBuilder body = new StringBuilder();
        long expected = 0;
        for (int i = 0; i < 9000; i++) {
            // i32, i64 and f64 locals all cross chunk boundaries.
            body.append("(local.set 0 (i32.add (local.get 0) (i32.const ").append(i).append(")))\n");
            body.append("(local.set 1 (i64.xor (local.get 1) (i64.extend_i32_u (local.get 0))))\n");
            if (i % 10 == 0) {
                body.append("(local.set 2 (f64.add (local.get 2) (f64.const 0.5)))\n");
            }
            expected += i;
        }
        String wat = "(module (func (export \"f\") (param i32) (result i32 i64 f64) (local i64 f64)\n" + body
                + "(local.get 0) (local.get 1) (local.get 2)))";
        assertSplitAndSmall(wat, 0);
        Differential d = new Differential(wat);
        for (long x : new long[] {0, 1, -1, 12345, Integer.MIN_VALUE}) {
            d.check("f", x);
        }
        // Independent of both engines: the sum of 0..8999 plus the argument, and 900 halves.
        long[] r = d.check("f", 7);
        assertEquals((int) (expected + 7), (int) r[0]);
        assertEquals(450.0, Double.longBitsToDouble(r[2]));
    }

    /**
     * 300 nested blocks, with a br_table out of all levels at the innermost, br_ifs out of many
     * levels at every level, a value of the enclosing expression waiting on the operand stack
     * under every block, and filler making the whole function span many chunks.
     */
    @Test
    void deepNestingWithBranchesOutOfManyLevels() {
        int n = 300;
        StringBuilder w = new StringBuilder("(module (func (export \"f\") (param i32) (result i32) (local i32)\n");
        w.append("(i32.add (i32.const 1000000)\n");
        for (int k = 0; k < n; k++) {
            // Each level a block producing an i32; every other level a value waits under the block (i32.add k ...).
            w.append(k % 2 == 0 ? "(i32.add (i32.const " + k + ") " : "(i32.add ").append("(block $b").append(k)
                    .append(" (result i32)\n");
        }
        w.append("(br_table");
        for (int k = n - 1; k >= 0; k -= 7) {
            w.append(" $b").append(k);
        }
        w.append(" $b0 (i32.mul (local.get 0) (i32.const 3)) (i32.and (local.get 0) (i32.const 63)))\n");
        for (int k = n - 1; k >= 0; k--) {
            w.append(")"); // close block k: its value falls out as the block result
            w.append(k % 2 == 0 ? ")\n" : " (i32.const " + k + "))\n"); // close (i32.add k ...)
            if (k > 0) {
                // Inside block k-1: filler on local 1, then maybe leave many levels at once.
                w.append("(local.set 1 (i32.add (i32.mul (local.get 1) (i32.const 31)) (i32.const ").append(k).append(")))\n");
                w.append("(local.set 1 (i32.xor (local.get 1) (i32.shr_u (local.get 1) (i32.const 7))))\n");
                w.append("(br_if $b").append(k / 3).append(" (i32.add (local.get 1) (i32.const ").append(k)
                        .append(")) (i32.eq (i32.and (local.get 1) (i32.const 255)) (local.get 0)))\n");
                w.append("(drop)\n");
            }
        }
        w.append(")\n(local.get 1) (i32.add)))");
        String wat = w.toString();
        assertSplitAndSmall(wat, 0);
        Differential d = new Differential(wat);
        for (long x = -2; x < 260; x++) {
            d.check("f", x);
        }
    }

    /**
     * A loop whose body spans chunks, dispatching through a br_table of 5,000 entries to eight
     * case bodies (as an interpreter's eval loop does), with a multi-value block whose values
     * cross chunk boundaries and a back edge from another chunk.
     */
    @Test
    void loopWithBigBrTableSpanningChunks() {
        int cases = 8;
        StringBuilder w = new StringBuilder("(module (func (export \"f\") (param i32) (result i64 i32)\n"
                + "(local $i i32) (local $acc i64) (local $x i32)\n"
                + "(loop $l\n(block $next\n");
        for (int c = cases - 1; c >= 0; c--) {
            w.append("(block $d").append(c).append('\n');
        }
        w.append("(br_table");
        for (int e = 0; e < 5000; e++) {
            w.append(" $d").append((e * 7 + e / 13) % cases);
        }
        w.append(" $d0 (i32.rem_u (i32.mul (local.get $i) (i32.const 2654435761)) (i32.const 5003))))\n");
        for (int c = 0; c < cases; c++) {
            // Case c (after the end of block $d c): filler, a multi-value block, then on to $next.
            for (int j = 0; j < 60; j++) {
                w.append("(local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 6364136223846793005)) (i64.const ")
                        .append(c * 100 + j).append(")))\n");
            }
            w.append("(i64.const ").append(c).append(") (local.get $i)\n");
            w.append("(block (param i64 i32) (result i32 i64)\n");
            for (int j = 0; j < 40; j++) {
                w.append("(local.set $x (i32.add (local.get $x) (i32.const ").append(j).append(")))\n");
            }
            // Block: [c, i] -> x = i, acc += c; results (x, acc), added into acc and x after it.
            w.append("(local.set $x) (i64.add (local.get $acc)) (local.set $acc) (local.get $x) (local.get $acc))\n");
            w.append("(local.set $acc (i64.add (local.get $acc)))\n");
            w.append("(local.set $x (i32.add (local.get $x)))\n");
            w.append("(br $next))\n");
        }
        w.append("(br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get 0))))\n"
                + "(local.get $acc) (local.get $x)))");
        String wat = w.toString();
        assertSplitAndSmall(wat, 0);
        Differential d = new Differential(wat);
        for (long x : new long[] {0, 1, 2, 9, 100, 5003, 12000}) {
            d.check("f", x);
        }
    }

    /** Reference-typed locals and operand-stack values across chunk boundaries, and traps from deep inside. */
    @Test
    void referencesAndTrapsAcrossChunks() {
        StringBuilder filler = new StringBuilder();
        for (int j = 0; j < 1200; j++) {
            filler.append("(local.set $n (i32.add (local.get $n) (i32.const ").append(j).append(")))\n");
        }
        String wat = "(module (type $v2i (func (result i32))) (table $t 2 funcref)\n"
                + "(func $one (result i32) (i32.const 1)) (func $two (result i32) (i32.const 2))\n"
                + "(elem declare func $one $two)\n"
                + "(func (export \"f\") (param i32) (result i32) (local $r funcref) (local $n i32)\n"
                + "(local.set $r (select (result funcref) (ref.func $one) (ref.func $two) (local.get 0)))\n"
                + filler
                + "(table.set $t (i32.const 0) (block (result funcref) " + filler + " (local.get $r)))\n"
                + filler
                + "(if (i32.eq (local.get 0) (i32.const 7)) (then (local.set $r (ref.null func))))\n"
                + "(ref.is_null (local.get $r))\n"
                + filler
                + "(if (i32.eq (local.get 0) (i32.const 9)) (then unreachable))\n"
                + "(i32.add (call_indirect $t (type $v2i) (i32.const 0)))\n"
                + "(i32.add (i32.mul (i32.const 10) (call_indirect $t (type $v2i) (local.get 0))))\n"
                + "(i32.add (local.get $n))))";
        assertSplitAndSmall(wat, 2);
        Differential d = new Differential(wat);
        for (long x : new long[] {0, 1, 2, 7, 9, -1}) {
            d.check("f", x);
        }
        // Independent: x=0 picks $two (select's false arm) in slot 0, and table slot 0 is called with index 0.
        // A trap deep inside a chunk is the same trap, with the function in its backtrace.
        dev.ligature.core.runtime.Trap t = org.junit.jupiter.api.Assertions.assertThrows(
                dev.ligature.core.runtime.Trap.class, () -> d.compiled.function("f").call(9));
        assertEquals(dev.ligature.core.runtime.Trap.Kind.UNREACHABLE, t.kind());
        assertEquals(2, t.backtrace().get(0).functionIndex());
        long n = 4 * (1199L * 1200 / 2);
        assertEquals((int) (2 + 10 * 2 + n), (int) d.check("f", 0)[0]);
    }

    /** A split function recursing: results as the interpreter's, and unbounded recursion is "call stack exhausted". */
    @Test
    void recursionThroughSplitFunctionsAndExhaustion() {
        StringBuilder filler = new StringBuilder();
        for (int j = 0; j < 1500; j++) {
            filler.append("(local.set ").append(1 + j % 20).append(" (i64.add (local.get ").append(1 + (j + 1) % 20)
                    .append(") (i64.const ").append(j).append(")))\n");
        }
        String wat = "(module (func $r (export \"r\") (param i32) (result i32)"
                + " (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i32)\n"
                // Recursing first keeps unbounded recursion quick on the interpreter.
                + "(local.set 21 (if (result i32) (local.get 0)"
                + " (then (call $r (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 0))))\n"
                + filler
                + "(i32.add (local.get 21) (i32.wrap_i64 (local.get 5)))))";
        assertSplitAndSmall(wat, 0);
        Differential d = new Differential(wat);
        for (long x : new long[] {0, 1, 2, 50, 300}) {
            d.check("r", x);
        }
        assertEquals("trap: call stack exhausted", String.valueOf(outcomeOfUnboundedRecursion(d)));
    }


    /**
     * A relocation-style function of about 500 KB of Wasm (as Pyodide 0.29's
     * __wasm_apply_data_relocs): 40,000 straight-line stores, hundreds of chunks (so the
     * dispatcher goes through group methods), then memory read back on both engines.
     */
    @Test
    void relocationStyleFunctionOfHalfAMegabyte() {
        StringBuilder w = new StringBuilder("(module (memory 4) (global $base (mut i32) (i32.const 4096))\n"
                + "(func (export \"relocate\")\n");
        for (int i = 0; i < 40_000; i++) {
            w.append("(i32.store offset=").append(4 * i).append(" (i32.const 0) (i32.add (global.get $base) (i32.const ")
                    .append(i * 977 % 65_521).append(")))\n");
        }
        w.append(")\n(func (export \"sum\") (param i32) (result i64) (local $s i64)\n"
                + "(loop $l (local.set $s (i64.add (i64.mul (local.get $s) (i64.const 31))"
                + " (i64.load32_u (i32.shl (local.get 0) (i32.const 2)))))"
                + " (br_if $l (i32.lt_u (local.tee 0 (i32.add (local.get 0) (i32.const 1))) (i32.const 40000))))"
                + " (local.get $s)))");
        String wat = w.toString();
        assertTrue(WatParser.parseModule(wat).functions().get(0).body().length() > 450_000, "about 500 KB of Wasm");
        List<Integer> sizes = new ArrayList<>();
        List<String> names = methodSizes(wat, sizes);
        for (int i = 0; i < names.size(); i++) {
            assertTrue(sizes.get(i) < LIMIT, names.get(i) + " has " + sizes.get(i) + " bytes of bytecode");
        }
        assertTrue(names.stream().filter(n -> n.startsWith("c0_")).count() > 256, "more chunks than one dispatch table");
        assertTrue(names.contains("d0_1"), "the dispatcher goes through groups");
        Differential d = new Differential(wat);
        d.check("relocate");
        d.check("sum", 0);
        // Independent: word 39,999 holds 4096 + 39,999 * 977 mod 65,521.
        assertEquals(4096 + 39_999L * 977 % 65_521, d.check("sum", 39_999)[0]);
    }


    /** More locals than JVM locals can hold (65,535 slots, two per i64): split mode keeps them in the frame. */
    @Test
    void fortyThousandLocals() {
        String wat = "(module (func (export \"f\") (param i64) (result i64) (local " + "i64 f64 ".repeat(20_000) + "funcref)\n"
                + "(local.set 39999 (local.get 0))\n"
                + "(local.set 40000 (f64.convert_i64_s (local.get 39999)))\n"
                + "(i64.add (local.get 1) (i64.add (local.get 39999) (i64.trunc_f64_s (local.get 40000))))"
                + " (i64.add (i64.extend_i32_u (ref.is_null (local.get 40001))))))";
        // A small body: one chunk, but in split mode (frame-resident locals).
        assertTrue(methodSizes(wat, new ArrayList<>()).contains("c0_0"), "split mode");
        Differential d = new Differential(wat);
        for (long x : new long[] {0, 5, -5, 1L << 40}) {
            d.check("f", x);
        }
        assertEquals(5 + 5 + 1, d.check("f", 5)[0]); // local 1 is a zeroed i64, not the parameter
    }


    /**
     * 3,000 values wait on the operand stack while code spanning many chunks runs above them:
     * chunks leave untouched values in the frame instead of spilling and reloading them all at
     * every chunk boundary (3,000 values would take 24 KB of bytecode each time).
     */
    @Test
    void deepOperandStackUnderManyChunks() {
        StringBuilder w = new StringBuilder("(module (func (export \"f\") (param i32) (result i32) (local i32)\n");
        for (int k = 0; k < 3000; k++) {
            w.append("(i32.xor (local.get 0) (i32.const ").append(k * 7919).append("))\n");
        }
        for (int j = 0; j < 4000; j++) {
            w.append("(local.set 1 (i32.add (i32.rotl (local.get 1) (i32.const 5)) (i32.const ").append(j).append(")))\n");
            if (j % 500 == 0) {
                w.append("(if (i32.eq (local.get 0) (i32.const ").append(j).append(")) (then (local.set 1 (i32.const 0))))\n");
            }
        }
        w.append("(local.get 1)\n");
        w.append("(i32.add)\n".repeat(3000));
        w.append("))");
        String wat = w.toString();
        assertSplitAndSmall(wat, 0);
        Differential d = new Differential(wat);
        for (long x : new long[] {0, 1, 500, 3500, -1}) {
            d.check("f", x);
        }
    }

    private static Object outcomeOfUnboundedRecursion(Differential d) {
        try {
            d.check("r", -1); // asserts both engines give the same trap
            return d.compiled.function("r").call(-1);
        } catch (dev.ligature.core.runtime.Trap t) {
            return "trap: " + t.getMessage();
        }
    }
}
