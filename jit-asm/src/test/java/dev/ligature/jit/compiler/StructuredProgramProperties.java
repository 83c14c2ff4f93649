package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.Instance;
import dev.ligature.core.engine.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Generated modules with structured control flow (blocks, bounded loops, if/else, br, br_if,
 * br_table, early returns), locals, globals, calls between functions, memory loads and stores
 * (some out of bounds), memory.grow, fill and copy: after every call, the interpreter and the
 * compiler must agree on the result or trap, on every byte of memory, and on every global.
 */
class StructuredProgramProperties {
    private static final String[] TYPES = {"i32", "i64", "f32", "f64"};
    private static final int FUNCS = 4;

    /** Generates one module; function {@code k} may call functions below {@code k} only, so every run ends. */
    static final class Gen {
        private final SplittableRandom r;
        private final StringBuilder out = new StringBuilder();
        private int func;
        /** Enclosing labels a branch may target: true for a block-like label (carries nothing). */
        private final List<String> labels = new ArrayList<>();
        private int loopDepth;
        private int nextLabel;

        Gen(long seed) {
            this.r = new SplittableRandom(seed);
        }

        String module() {
            out.append("(module\n  (memory (export \"mem\") 1 3)\n");
            out.append("  (global $g0 (export \"g0\") (mut i32) (i32.const 7))\n");
            out.append("  (global $g1 (export \"g1\") (mut i64) (i64.const -3))\n");
            for (func = 0; func < FUNCS; func++) {
                out.append("  (func $f").append(func).append(" (export \"f").append(func)
                        .append("\") (param i32 i64 f32 f64) (result i32) (local i32 i64 f32 f64) (local $c0 i32) (local $c1 i32)\n");
                labels.clear();
                loopDepth = 0;
                block(3);
                out.append("    ").append(i32(3)).append(")\n");
            }
            return out.append(")").toString();
        }

        private void block(int depth) {
            int n = 1 + r.nextInt(depth == 0 ? 2 : 4);
            for (int i = 0; i < n; i++) {
                statement(depth);
            }
        }

        private void statement(int depth) {
            int k = r.nextInt(depth == 0 ? 6 : 12);
            switch (k) {
                case 0, 1 -> {
                    int l = r.nextInt(8);
                    out.append("(local.set ").append(l).append(' ').append(expr(TYPES[l % 4], 2)).append(")\n");
                }
                case 2 -> out.append(r.nextBoolean() ? "(global.set $g0 " + i32(2) + ")\n" : "(global.set $g1 " + expr("i64", 2) + ")\n");
                case 3 -> store();
                case 4 -> {
                    if (func > 0) {
                        out.append("(drop (call $f").append(r.nextInt(func)).append(' ').append(args()).append("))\n");
                    } else {
                        out.append("(nop)\n");
                    }
                }
                case 5 -> branch();
                case 6, 7 -> {
                    String l = "$b" + nextLabel++;
                    out.append("(block ").append(l).append('\n');
                    labels.add(l);
                    block(depth - 1);
                    labels.remove(labels.size() - 1);
                    out.append(")\n");
                }
                case 8 -> {
                    out.append("(if ").append(i32(2)).append(" (then\n");
                    block(depth - 1);
                    out.append(") (else\n");
                    block(depth - 1);
                    out.append("))\n");
                }
                case 9 -> {
                    if (loopDepth < 2) {
                        String c = "$c" + loopDepth;
                        String exit = "$x" + nextLabel;
                        String top = "$l" + nextLabel++;
                        out.append("(local.set ").append(c).append(" (i32.const ").append(r.nextInt(6)).append("))\n");
                        out.append("(block ").append(exit).append(" (loop ").append(top).append('\n');
                        out.append("(br_if ").append(exit).append(" (i32.eqz (local.get ").append(c).append(")))\n");
                        out.append("(local.set ").append(c).append(" (i32.sub (local.get ").append(c).append(") (i32.const 1)))\n");
                        labels.add(exit);
                        loopDepth++;
                        block(depth - 1);
                        loopDepth--;
                        labels.remove(labels.size() - 1);
                        out.append("(br ").append(top).append(")))\n");
                    } else {
                        store();
                    }
                }
                case 10 -> {
                    switch (r.nextInt(3)) {
                        case 0 -> out.append("(drop (memory.grow (i32.and ").append(i32(1)).append(" (i32.const 1))))\n");
                        case 1 -> out.append("(memory.fill ").append(addr()).append(' ').append(i32(1)).append(" (i32.and ")
                                .append(i32(1)).append(" (i32.const 63)))\n");
                        default -> out.append("(memory.copy ").append(addr()).append(' ').append(addr()).append(" (i32.and ")
                                .append(i32(1)).append(" (i32.const 127)))\n");
                    }
                }
                default -> {
                    if (r.nextInt(3) == 0) {
                        out.append("(return ").append(i32(2)).append(")\n");
                    } else {
                        branch();
                    }
                }
            }
        }

        /** br, br_if or br_table to enclosing block labels (loops are only entered by their own counters). */
        private void branch() {
            if (labels.isEmpty()) {
                out.append("(nop)\n");
                return;
            }
            String target = labels.get(r.nextInt(labels.size()));
            switch (r.nextInt(3)) {
                case 0 -> out.append("(br_if ").append(target).append(' ').append(i32(2)).append(")\n");
                case 1 -> {
                    out.append("(br_table");
                    int n = r.nextInt(6);
                    for (int i = 0; i <= n; i++) {
                        out.append(' ').append(labels.get(r.nextInt(labels.size())));
                    }
                    out.append(' ').append(i32(1)).append(")\n");
                }
                default -> out.append("(if ").append(i32(1)).append(" (then (br ").append(target).append(")))\n");
            }
        }

        private void store() {
            String[] forms = {"i32.store", "i64.store", "f32.store", "f64.store", "i32.store8", "i32.store16", "i64.store32"};
            String f = forms[r.nextInt(forms.length)];
            String t = f.substring(0, 3);
            String value = expr(t, 2);
            if (t.charAt(0) == 'f') {
                // Arithmetic NaNs have nondeterministic payloads (Wasm allows any; HotSpot may swap the
                // operands of a commutative operation): store 0 instead of a NaN, as memory shows bits.
                int scratch = t.equals("f32") ? 6 : 7;
                value = "(select (local.tee " + scratch + " " + value + ") (" + t + ".const 0) (" + t + ".eq (local.get "
                        + scratch + ") (local.get " + scratch + ")))";
            }
            out.append('(').append(f).append(" offset=").append(r.nextInt(12) == 0 ? 65530 : r.nextInt(64)).append(' ')
                    .append(addr()).append(' ').append(value).append(")\n");
        }

        /** An address: usually in the first page, sometimes anywhere (so out-of-bounds traps happen). */
        private String addr() {
            return r.nextInt(8) == 0 ? i32(1) : "(i32.and " + i32(1) + " (i32.const 1023))";
        }

        private String args() {
            return expr("i32", 1) + " " + expr("i64", 1) + " " + expr("f32", 1) + " " + expr("f64", 1);
        }

        private String i32(int depth) {
            return expr("i32", depth);
        }

        private String expr(String t, int depth) {
            if (depth > 0) {
                int k = r.nextInt(8);
                if (k == 0) {
                    String[] loads = switch (t) {
                        case "i32" -> new String[] {"i32.load", "i32.load8_s", "i32.load8_u", "i32.load16_s", "i32.load16_u"};
                        case "i64" -> new String[] {"i64.load", "i64.load8_u", "i64.load16_s", "i64.load32_u", "i64.load32_s"};
                        default -> new String[] {t + ".load"};
                    };
                    return "(" + loads[r.nextInt(loads.length)] + " offset=" + r.nextInt(32) + " " + addr() + ")";
                }
                if (k == 1 && t.equals("i32")) {
                    return r.nextBoolean() ? "(global.get $g0)" : "(memory.size)";
                }
                if (k == 1 && t.equals("i64")) {
                    return "(global.get $g1)";
                }
                if (k == 2 && t.equals("i32") && func > 0) {
                    return "(call $f" + r.nextInt(func) + " " + args() + ")";
                }
                if (k == 3) {
                    int l = 4 + "i32i64f32f64".indexOf(t) / 3;
                    return "(local.tee " + l + " " + expr(t, depth - 1) + ")";
                }
            }
            return StraightLineArithmeticProperties.expr(r, t, depth);
        }
    }

    @Property(tries = 150)
    void compiledProgramsMatchTheInterpreterInResultsMemoryAndGlobals(@ForAll long seed, @ForAll int a, @ForAll long b) {
        String wat = new Gen(seed).module();
        Differential diff;
        try {
            diff = new Differential(wat);
        } catch (dev.ligature.core.InvalidModuleException e) {
            throw new AssertionError("generator made an invalid module: " + e.getMessage() + "\n" + wat, e);
        }
        long[] args = {a, b, Values.f32(a * 0.5f), Values.f64(b / 3.0)};
        for (int round = 0; round < 2; round++) {
            for (int f = 0; f < FUNCS; f++) {
                diff.check("f" + f, args);
                assertSameState(diff.interpreted, diff.compiled, wat);
            }
        }
    }

    private static void assertSameState(Instance a, Instance b, String wat) {
        assertEquals(a.memory("mem").pages(), b.memory("mem").pages(), "memory size\n" + wat);
        int n = (int) a.memory("mem").byteSize();
        assertArrayEquals(a.memory("mem").read(0, n), b.memory("mem").read(0, n), "memory contents\n" + wat);
        assertEquals(dev.ligature.core.engine.ModuleAccess.cell(a.global("g0")).value, dev.ligature.core.engine.ModuleAccess.cell(b.global("g0")).value, "g0\n" + wat);
        assertEquals(dev.ligature.core.engine.ModuleAccess.cell(a.global("g1")).value, dev.ligature.core.engine.ModuleAccess.cell(b.global("g1")).value, "g1\n" + wat);
    }

    @Example
    void theGeneratorReachesEveryConstruct() {
        StringBuilder all = new StringBuilder();
        for (long s = 0; s < 40; s++) {
            all.append(new Gen(s).module());
        }
        String text = all.toString();
        for (String needle : new String[] {"(loop", "(br_table", "(br_if", "(return", "(call $f", "memory.grow", "memory.copy",
                "memory.fill", "i64.store32", "i32.load16_s", "offset=65530", "(global.set", "(local.tee", "(else"}) {
            assertTrue(text.contains(needle), needle);
        }
    }
}
