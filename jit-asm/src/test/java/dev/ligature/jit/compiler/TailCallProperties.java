package dev.ligature.jit.compiler;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random groups of functions calling each other through {@code return_call},
 * {@code return_call_indirect}, {@code return_call_ref} (to themselves, to functions that tail
 * call on, to ones that do not), plain calls, inside and outside try bodies, with throws along
 * the way: the interpreter and the compiler give the same results and exceptions.
 */
class TailCallProperties {
    @Property(tries = 60)
    void tailCallChainsBehaveAsInTheInterpreter(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int n) {
        Random rnd = new Random(seed);
        StringBuilder wat = new StringBuilder("""
                (module
                  (type $t (func (param i32 i64) (result i64)))
                  (tag $e (param i64))
                """);
        wat.append("(table $tab ").append(n).append(" funcref)\n(elem (table $tab) (i32.const 0) func");
        for (int i = 0; i < n; i++) {
            wat.append(" $f").append(i);
        }
        wat.append(")\n");
        for (int i = 0; i < n; i++) {
            wat.append("(func $f").append(i).append(" (export \"f").append(i).append("\") (type $t)\n");
            // Every chain ends: the counter in the first parameter goes down by one per call.
            wat.append("(if (i32.le_s (local.get 0) (i32.const 0)) (then (return (i64.add (local.get 1) (i64.const ")
                    .append(i).append(")))))\n");
            if (rnd.nextInt(4) == 0) {
                wat.append("(if (i64.eq (i64.and (local.get 1) (i64.const 15)) (i64.const ").append(rnd.nextInt(16))
                        .append(")) (then (throw $e (local.get 1))))\n");
            }
            String next = "(i32.sub (local.get 0) (i32.const 1)) (i64.add (i64.mul (local.get 1) (i64.const 31)) (i64.const "
                    + rnd.nextInt(100) + "))";
            int j = rnd.nextInt(n);
            String call = switch (rnd.nextInt(5)) {
                case 0 -> "(return_call $f" + j + " " + next + ")";
                case 1 -> "(return_call_indirect $tab (type $t) " + next
                        + " (i32.rem_u (i32.wrap_i64 (local.get 1)) (i32.const " + n + ")))";
                case 2 -> "(return_call_ref $t " + next + " (ref.func $f" + j + "))";
                case 3 -> "(return_call $f" + i + " " + next + ")"; // itself
                default -> "(i64.xor (call $f" + j + " " + next + ") (i64.const 5))"; // not a tail call
            };
            if (rnd.nextInt(3) == 0) {
                // Inside a try: a tail call leaves the handler behind, a plain call does not.
                wat.append("(block $h (result i64) (try_table (result i64) (catch $e $h) ").append(call).append("))\n");
                wat.append("(i64.add (i64.const 1000))\n");
            } else {
                wat.append(call).append('\n');
            }
            wat.append(")\n");
        }
        wat.append("(elem declare func");
        for (int i = 0; i < n; i++) {
            wat.append(" $f").append(i);
        }
        wat.append("))\n");
        try {
            Differential d = new Differential(wat.toString());
            for (int k = 0; k < 6; k++) {
                int f = rnd.nextInt(n);
                long[] r = d.check("f" + f, rnd.nextInt(k < 3 ? 50 : 3000), rnd.nextLong());
                Statistics.label("outcome").collect(r == null ? "trap or escaping exception" : "returned");
            }
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + " in\n" + wat, e);
        }
    }
}
