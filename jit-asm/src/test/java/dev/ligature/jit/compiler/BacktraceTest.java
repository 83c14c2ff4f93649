package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Trap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traps in compiled code carry every Wasm frame they unwind, as the interpreter's do. */
class BacktraceTest {
    private static List<Integer> frames(Instance inst, String export, long... args) {
        Trap t = assertThrows(Trap.class, () -> inst.function(export).call(args));
        return t.backtrace().stream().map(Trap.Frame::functionIndex).toList();
    }

    @Test
    void directIndirectAndSplitCallsAllAppear() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            big.append("(local.set 1 (i32.add (local.get 1) (i32.const ").append(i).append(")))\n");
        }
        Differential d = new Differential("""
                (module
                  (type $t (func (param i32) (result i32)))
                  (table funcref (elem $leaf $viaTable))
                  (func $leaf (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
                  (func $viaTable (param i32) (result i32) (call_indirect (type $t) (local.get 0) (i32.const 0)))
                  (func $big (param i32) (result i32) (local i32)
                """ + big + """
                    (drop (local.get 1))
                    (call_indirect (type $t) (local.get 0) (i32.const 1)))
                  (func (export "direct") (param i32) (result i32) (call $leaf (local.get 0)))
                  (func (export "deep") (param i32) (result i32) (i32.add (call $big (local.get 0)) (i32.const 1))))
                """);
        var shape = ((ModuleCompiler) Modules.code(d.compiled.module()));
        assertTrue(java.util.Arrays.stream(shape.classOf(2).getDeclaredMethods()).anyMatch(m -> m.getName().startsWith("c2_")),
                "$big is split into chunks");
        assertEquals(List.of(0, 3), frames(d.compiled, "direct", 0));
        assertEquals(frames(d.interpreted, "direct", 0), frames(d.compiled, "direct", 0));
        // deep -> big (split into chunks) -> viaTable (call_indirect) -> leaf (call_indirect) traps.
        assertEquals(List.of(0, 1, 2, 4), frames(d.compiled, "deep", 0));
        assertEquals(frames(d.interpreted, "deep", 0), frames(d.compiled, "deep", 0));
        assertEquals(List.of(0, 1, 2, 4), frames(d.compiled, "deep", 0), "and again, once HotSpot has the code hot");
    }

    @Test
    void aSmallRecursionCompiledAsTwinsGivesTheInterpretersResultsAndFrames() {
        // $down recurses n times and traps at the bottom when asked to: its self calls alternate between the
        // function's method and its twin (MethodSizing), which must be invisible.
        Differential d = new Differential("""
                (module
                  (func $down (param i32 i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0))
                      (then (i32.div_u (i32.const 7) (local.get 1)))
                      (else (i32.add (local.get 0) (call $down (i32.sub (local.get 0) (i32.const 1)) (local.get 1))))))
                  (func $fib (param i32) (result i32)
                    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
                      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
                  (func (export "down") (param i32 i32) (result i32) (call $down (local.get 0) (local.get 1)))
                  (func (export "fib") (param i32) (result i32) (call $fib (local.get 0))))
                """);
        var twins = java.util.Arrays.stream(((ModuleCompiler) Modules.code(d.compiled.module())).classOf(0).getDeclaredMethods())
                .map(java.lang.reflect.Method::getName).toList();
        assertTrue(twins.contains("g0"), "the recursion has a twin: " + twins);
        for (int i = 0; i < 2_000; i++) {
            d.check("down", 40, 1);
            d.check("fib", 20);
        }
        List<Integer> expected = new java.util.ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            expected.add(0);
        }
        expected.add(2);
        assertEquals(expected, frames(d.compiled, "down", 5, 0), "six frames of $down, then the export");
        assertEquals(frames(d.interpreted, "down", 5, 0), frames(d.compiled, "down", 5, 0));
    }
}
