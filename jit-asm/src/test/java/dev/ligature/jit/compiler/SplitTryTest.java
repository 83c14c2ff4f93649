package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.ast.Module;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Tag;
import dev.ligature.core.engine.Types;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.runtime.WasmThrow;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.valid.Validator;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Split functions whose try bodies span several chunks: exceptions thrown in any chunk of a body
 * (by the function itself, compiled and interpreted callees, host functions) reach the right
 * clause with the operand stack below the try intact, exactly as on the interpreter; traps pass
 * through; every method stays under HotSpot's 8,000-byte limit.
 */
class SplitTryTest {
    private static final int LIMIT = 8000;
    /** Chunks holding code of a try body get exception ranges: this many (of function {@code f}) must have some. */
    private static final int CHUNKS_WITH_RANGES = 4;

    /**
     * Asserts every method of the module's classes is under the limit, that function {@code f} is
     * split, and that at least {@code withRanges} of its chunks have exception ranges (a try
     * whose body were kept in one chunk would give one).
     */
    private static void assertTryBodiesSplit(String wat, int f, int withRanges) {
        Module m = WatParser.parseModule(wat);
        ModuleShape shape = new ModuleShape(m, Validator.validate(m, Types.registry()));
        int chunks = 0;
        int ranged = 0;
        for (int g = shape.importedFuncs; g < shape.importedFuncs + m.functions().size(); g++) {
            ClassModel cm = ClassFile.of().parse(ModuleCompiler.compileFunction(shape, g));
            for (MethodModel mm : cm.methods()) {
                var code = mm.findAttribute(Attributes.code());
                if (code.isEmpty()) {
                    continue;
                }
                String name = mm.methodName().stringValue();
                assertTrue(code.get().codeLength() < LIMIT, name + " has " + code.get().codeLength() + " bytes");
                if (name.startsWith("c" + f + "_")) {
                    chunks++;
                    ranged += code.get().exceptionHandlers().isEmpty() ? 0 : 1;
                }
            }
        }
        assertTrue(chunks >= 2, "function " + f + " is split");
        assertTrue(ranged >= withRanges, ranged + " of " + chunks + " chunks have exception ranges");
    }

    /** Filler that takes space in a chunk: rewrites local $k (i64) {@code lines} times. */
    private static String filler(int lines, int seed) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < lines; j++) {
            b.append("(local.set $k (i64.add (i64.mul (local.get $k) (i64.const 6364136223846793005)) (i64.const ")
                    .append(seed * 1000 + j).append(")))\n");
        }
        return b.toString();
    }

    /**
     * Segment {@code s} of a try body: counts itself in $n, then throws if $x selects one of its
     * throw points (7 per segment, at $x = 10s+1 .. 10s+7).
     */
    private static String segment(int s) {
        int x = 10 * s;
        return "(local.set $n (i32.add (local.get $n) (i32.const 1)))\n" + filler(260, s)
                + "(if (i32.eq (local.get $x) (i32.const " + (x + 1) + ")) (then (call $throwE (i32.add (local.get $n) (i32.const 10)))))\n"
                + "(if (i32.eq (local.get $x) (i32.const " + (x + 2) + ")) (then (call $hostThrow (i32.add (local.get $n) (i32.const 20)))))\n"
                + "(if (i32.eq (local.get $x) (i32.const " + (x + 3) + ")) (then (drop (call $inner (i32.const 1)))))\n"
                + "(if (i32.eq (local.get $x) (i32.const " + (x + 4) + ")) (then (drop (call $inner (i32.const 2)))))\n"
                + "(if (i32.eq (local.get $x) (i32.const " + (x + 5) + ")) (then (drop (call $inner (i32.const 3)))))\n"
                + "(if (i32.eq (local.get $x) (i32.const " + (x + 6) + ")) (then (throw $e (i32.add (local.get $n) (i32.const 60)))))\n"
                + "(if (i32.eq (local.get $x) (i32.const " + (x + 7) + ")) (then (throw $g)))\n"
                + filler(120, s + 50);
    }

    private static final String HEADER = """
            (module
              (import "lib" "e" (tag $e (param i32)))
              (import "lib" "throwE" (func $throwE (param i32)))
              (import "host" "hostThrow" (func $hostThrow (param i32)))
              (tag $f (param i64 f64))
              (tag $g)
              (func $inner (param i32) (result i32)
                (if (i32.eq (local.get 0) (i32.const 1)) (then (throw $e (i32.const 33))))
                (if (i32.eq (local.get 0) (i32.const 2)) (then (throw $f (i64.const -3) (f64.const 1.5))))
                (if (i32.eq (local.get 0) (i32.const 3)) (then (unreachable)))
                (local.get 0))
              (func $keep (param funcref i32) (result i32) (i32.add (ref.is_null (local.get 0)) (local.get 1)))
              (elem declare func $inner)
            """;

    private static Supplier<Imports> imports() {
        Instance lib = WasmModule.parseText("""
                (module (tag $e (export "e") (param i32))
                  (func (export "throwE") (param i32) (throw $e (local.get 0))))
                """).instantiate();
        Tag e = lib.tag("e");
        FuncType i2v = new FuncType(List.of(NumType.I32), List.of());
        return () -> Imports.empty()
                .tag("lib", "e", e)
                .function("lib", "throwE", lib.function("throwE"))
                .function("host", "hostThrow", i2v, (caller, args) -> {
                    throw new WasmThrow(e, new long[] {args[0]}, new Object[1]);
                });
    }

    /**
     * try_table: an outer try whose body spans six segments (many chunks) with an inner try_table
     * over segments 1-3 catching $f only; catch, catch_ref (the exnref thrown again later with
     * throw_ref) and catch_all clauses branch to blocks whose ends are chunks away; an i64, an
     * f64, a funcref and a v128 wait on the operand stack below the try throughout.
     */
    @Test
    void tryTableBodySpanningChunks() {
        StringBuilder w = new StringBuilder(HEADER);
        w.append("(func (export \"f\") (param $x i32) (result i32) (local $n i32) (local $k i64) (local $r exnref)\n");
        // Below the try: an i64, an f64, a funcref, a v128 (each combined with the try's result at the end).
        w.append("(i32.wrap_i64 (i64.add (i64.const 4000000000)\n");
        w.append("(i64.extend_i32_s (i32.trunc_f64_s (f64.add (f64.const 0.25) (f64.convert_i32_s\n");
        w.append("(call $keep (ref.func $inner)\n");
        w.append("(i32x4.extract_lane 0 (i32x4.add (v128.const i32x4 1000 2 3 4) (i32x4.splat\n");
        w.append("(block $onE (result i32)\n(block $onF (result i64 f64)\n(block $onG\n(block $onFRef (result i64 f64 exnref)\n");
        w.append("(try_table (result i32) (catch $e $onE) (catch_ref $f $onFRef) (catch_all $onG)\n");
        w.append(segment(0));
        w.append("(block $afterInner\n(block $innerF (result i64 f64)\n(try_table (catch $f $innerF)\n");
        w.append(segment(1)).append(segment(2)).append(segment(3));
        w.append(")\n(br $afterInner))\n");
        // Caught $f in the inner try: note it, and for $x 34 (segment 3's $f) throw $e from here, inside the outer try.
        w.append("(drop) (local.set $k) (local.set $n (i32.add (local.get $n) (i32.const 7000)))\n");
        w.append("(if (i32.eq (local.get $x) (i32.const 34)) (then (throw $e (local.get $n)))))\n");
        w.append(segment(4)).append(segment(5));
        w.append("(local.get $n))\n"); // end of the outer try_table: its result
        w.append("(br $onE))\n"); // block $onFRef's fall-through is never reached
        // Caught $f with its exnref: keep it and throw it again below, outside every try.
        w.append("(local.set $r) (drop) (i32.wrap_i64) (br_if $onE (i32.ne (local.get $x) (i32.const 4))) (throw_ref (local.get $r)))\n");
        w.append("(i32.const 500000) (br $onE))\n"); // catch_all ($g)
        w.append("(drop) (i32.wrap_i64) (i32.add (i32.const 300000)))\n"); // $f's i64 at $onF: never reached, $f goes to catch_ref
        w.append("))))\n"); // splat, add, extract, ... $keep
        w.append("))))))\n))"); // f64, trunc, extend, add, wrap; end of function and module
        String wat = w.toString();
        assertTryBodiesSplit(wat, 4, CHUNKS_WITH_RANGES);
        Differential d = new Differential(wat, imports());
        for (int s = 0; s < 6; s++) {
            for (int k = 0; k <= 7; k++) {
                d.check("f", 10L * s + k);
            }
        }
        d.check("f", 34);
        d.check("f", -1);
        // Independent of both engines: what reaches the stack below is 4,000,000,000 + trunc(0.25 + (0 +
        // (1000 + v))) wrapped to 32 bits, v the try's value; 4e9 wraps to -294,967,296.
        int base = (int) 4_000_000_000L + 1000;
        assertEquals(base + 6, (int) d.check("f", -1)[0]); // no throw: $n counted six segments
        assertEquals(base + 3 + 60, (int) d.check("f", 26)[0]); // thrown in segment 2, caught by the outer $e clause
        assertEquals(base + 2 + 20, (int) d.check("f", 12)[0]); // from a host function in segment 1
        assertEquals(base + 500000, (int) d.check("f", 57)[0]); // $g in segment 5: catch_all
        assertEquals(base + 7005, (int) d.check("f", 24)[0]); // $f in segment 2: the inner try, then on
        assertEquals(base + 7004, (int) d.check("f", 34)[0]); // $f in segment 3, then $e thrown at the inner catch
        assertEquals(base - 3, (int) d.check("f", 44)[0]); // $f in segment 4: catch_ref, its i64 payload
        assertNull(d.check("f", 4)); // $f in segment 0: thrown again with throw_ref, escapes
        assertNull(d.check("f", 35)); // a trap passes through every handler
    }

    /**
     * Legacy exceptions: an outer try spanning many chunks holds a middle try, which holds an
     * inner try ending in {@code delegate} to the outer one (whose handler is chunks away); the
     * middle try's clauses rethrow to the outer one.
     */
    @Test
    void legacyTryBodySpanningChunksWithDelegateAndRethrow() {
        StringBuilder w = new StringBuilder(HEADER);
        w.append("(func (export \"g\") (param $x i32) (result i32) (local $n i32) (local $k i64)\n");
        w.append("(f64.const 0.5) (i64.const 7)\n"); // values below the outer try
        w.append("(try $outer (result i32)\n(do\n").append(segment(0));
        w.append("(try $mid (result i32)\n(do\n").append(segment(1));
        w.append("(try $inner\n(do\n").append(segment(2)).append(segment(3)).append(")\n(delegate $outer))\n");
        w.append(segment(4)).append("(local.get $n))\n");
        w.append("(catch $f (drop) (drop) (i32.const 555))\n");
        w.append("(catch $e (local.set $n (i32.add (local.get $n))) ");
        w.append("(if (i32.eq (local.get $x) (i32.const 46)) (then (rethrow $mid))) (local.get $n)))\n");
        w.append(segment(5)).append("(i32.add (i32.const 40000)))\n");
        w.append("(catch $e (i32.add (i32.const 20000)))\n");
        w.append("(catch_all (i32.const 30000)))\n");
        // 7 + trunc(0.5) + result
        w.append("(i64.extend_i32_s) (i64.add) (f64.convert_i64_s) (f64.add) (i32.trunc_f64_s)))");
        String wat = w.toString();
        assertTryBodiesSplit(wat, 4, CHUNKS_WITH_RANGES);
        Differential d = new Differential(wat, imports());
        for (int s = 0; s < 6; s++) {
            for (int k = 0; k <= 7; k++) {
                d.check("g", 10L * s + k);
            }
        }
        // Independent of both engines: the result is 7 + trunc(0.5 + r), r the outer try's value.
        assertEquals(7 + 40000 + 5, d.check("g", -1)[0]); // no throw: the middle try's $n is 5
        assertEquals(7 + 20000 + 4 + 10, d.check("g", 31)[0]); // delegated past the middle try to the outer $e clause
        assertEquals(7 + 30000, d.check("g", 24)[0]); // $f delegated past the middle try's $f clause: catch_all
        assertEquals(7 + 40000 + 555, d.check("g", 44)[0]); // $f in the middle try's own body
        assertEquals(7 + 20000 + 65, d.check("g", 46)[0]); // $e caught by the middle try, rethrown to the outer
        assertEquals(7 + 40000 + 2 + 62, d.check("g", 16)[0]); // $e caught by the middle try, kept
        assertEquals(7 + 30000, d.check("g", 7)[0]); // $g in the outer body's first chunk: catch_all
        assertNull(d.check("g", 5)); // a trap passes through
    }
}
