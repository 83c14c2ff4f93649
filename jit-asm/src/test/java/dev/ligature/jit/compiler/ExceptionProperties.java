package dev.ligature.jit.compiler;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Random nests of {@code try_table} and legacy {@code try} (catch, catch_all, their _ref forms,
 * delegate, rethrow, throw_ref), with throws and traps guarded by bits of the argument, run on the
 * interpreter and the compiler: the same path (recorded in an accumulator), result, trap or
 * escaping exception for every argument.
 */
class ExceptionProperties {
    /** Tags: $a carries an i32, $b nothing, $c an i64. */
    private static final String[] TAGS = {"$a", "$b", "$c"};

    @Property(tries = 150)
    void nestedHandlersBehaveAsInTheInterpreter(@ForAll long seed) {
        check(seed, 0);
    }

    /**
     * The same programs with every function split into chunks of a tiny budget: cuts fall almost
     * between every two instructions, try bodies included, so exceptions cross chunks everywhere.
     */
    @Property(tries = 100)
    void nestedHandlersCutIntoChunksBehaveAsInTheInterpreter(@ForAll long seed) {
        check(seed, 1 + Math.floorMod(seed, 3) * 40);
    }

    /** One random program, compiled as usual ({@code splitBudget} 0) or split with that chunk budget. */
    private static void check(long seed, long splitBudget) {
        Random rnd = new Random(seed);
        StringBuilder body = new StringBuilder();
        new Gen(rnd).statements(body, 0, 3);
        String wat = """
                (module
                  (tag $a (param i32))
                  (tag $b)
                  (tag $c (param i64))
                  (global $saved (mut exnref) (ref.null exn))
                  (func $thrower (param i32 i32)
                    (if (i32.and (local.get 1) (i32.const 0x100)) (then (throw $a (local.get 0))))
                    (if (i32.and (local.get 1) (i32.const 0x200)) (then (throw $c (i64.extend_i32_s (local.get 0))))))
                  (func (export "run") (param $p i32) (result i32) (local $acc i32)
                """ + body + """
                    (local.get $acc))
                  (func (export "replay") (result i32)
                    (block $h (result i32)
                      (try_table (catch $a $h) (throw_ref (global.get $saved)))
                      (i32.const -1))))
                """;
        try {
            Differential d = splitBudget > 0 ? Differential.splittingEverything(wat, splitBudget) : new Differential(wat);
            for (int i = 0; i < 12; i++) {
                long p = i < 4 ? i * 0x155 : rnd.nextInt(1 << 12);
                Statistics.label("run").collect(d.check("run", p) == null ? "trap or escaping exception" : "returned");
                d.check("replay");
            }
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + " in\n" + wat, e);
        }
    }

    /** Writes random statements; {@code depth} counts the labels around them (the function's not included). */
    private static final class Gen {
        private final Random rnd;
        /** Makes label names unique: nested blocks never shadow each other. */
        private int labels;

        Gen(Random rnd) {
            this.rnd = rnd;
        }

        void statements(StringBuilder out, int depth, int budget) {
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                statement(out, depth, budget);
            }
        }

        private String bit() {
            return "(i32.and (local.get $p) (i32.const " + (1 << rnd.nextInt(12)) + "))";
        }

        private void mark(StringBuilder out) {
            out.append("(local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 3)) (i32.const ")
                    .append(1 + rnd.nextInt(9)).append(")))\n");
        }

        private void statement(StringBuilder out, int depth, int budget) {
            int kind = rnd.nextInt(budget > 0 ? 9 : 4);
            switch (kind) {
                case 0 -> mark(out);
                case 1 -> {
                    String tag = TAGS[rnd.nextInt(3)];
                    String payload = switch (tag) {
                        case "$a" -> "(local.get $acc)";
                        case "$c" -> "(i64.add (i64.extend_i32_u (local.get $acc)) (i64.const 0x100000000))";
                        default -> "";
                    };
                    out.append("(if ").append(bit()).append(" (then (throw ").append(tag).append(' ').append(payload).append(")))\n");
                }
                case 2 -> out.append("(call $thrower (local.get $acc) (local.get $p))\n");
                case 3 -> {
                    if (rnd.nextInt(4) == 0) {
                        out.append("(if ").append(bit()).append(" (then (unreachable)))\n");
                    } else {
                        mark(out);
                    }
                }
                case 4, 5 -> tryTable(out, depth, budget);
                case 6, 7 -> legacyTry(out, depth, budget);
                default -> {
                    // A try that delegates to any label around it, the function included.
                    out.append("(try (do\n");
                    statements(out, depth + 1, budget - 1);
                    out.append(") (delegate ").append(rnd.nextInt(depth + 1)).append("))\n");
                }
            }
        }

        /** Each clause lands in its own block around the try_table, consumes what it receives, and exits. */
        private void tryTable(StringBuilder out, int depth, int budget) {
            int n = rnd.nextInt(4);
            int[] kinds = new int[n];
            String[] tags = new String[n];
            int id = labels++;
            String exit = "$exit" + id;
            out.append("(block ").append(exit).append('\n');
            for (int i = n - 1; i >= 0; i--) {
                kinds[i] = rnd.nextInt(4);
                tags[i] = TAGS[rnd.nextInt(3)];
                String rs = received(kinds[i], tags[i]);
                out.append("(block $h").append(id).append('_').append(i).append(rs.isEmpty() ? "" : " (result " + rs + ")").append('\n');
            }
            out.append("(try_table");
            for (int i = 0; i < n; i++) {
                String k = switch (kinds[i]) { case 0 -> "catch " + tags[i]; case 1 -> "catch_ref " + tags[i];
                    case 2 -> "catch_all"; default -> "catch_all_ref"; };
                out.append(" (").append(k).append(" $h").append(id).append('_').append(i).append(')');
            }
            out.append('\n');
            statements(out, depth + n + 2, budget - 1);
            out.append(")\n(br ").append(exit).append("))\n");
            for (int i = 0; i < n; i++) {
                if (kinds[i] == 1 || kinds[i] == 3) {
                    // The exnref: keep it for "replay", or throw it again right here.
                    out.append(rnd.nextBoolean() ? "(global.set $saved)\n" : "(throw_ref)\n");
                }
                if (kinds[i] <= 1) {
                    consume(out, tags[i]);
                }
                mark(out);
                out.append("(br ").append(exit).append("))\n");
            }
        }

        private static String received(int kind, String tag) {
            String payload = kind <= 1 ? switch (tag) { case "$a" -> "i32"; case "$c" -> "i64"; default -> ""; } : "";
            return kind == 1 || kind == 3 ? (payload + " exnref").trim() : payload;
        }

        /** Folds a caught payload of {@code tag} (on the stack) into the accumulator. */
        private static void consume(StringBuilder out, String tag) {
            switch (tag) {
                case "$a" -> out.append("local.get $acc i32.xor local.set $acc\n");
                case "$c" -> out.append("i64.const 7 i64.shr_u i32.wrap_i64 local.get $acc i32.xor local.set $acc\n");
                default -> { }
            }
        }

        private void legacyTry(StringBuilder out, int depth, int budget) {
            out.append("(try (do\n");
            statements(out, depth + 1, budget - 1);
            out.append(")\n");
            int n = rnd.nextInt(3);
            boolean all = rnd.nextBoolean();
            for (int i = 0; i < n + (all ? 1 : 0); i++) {
                boolean catchAll = i == n;
                String tag = TAGS[rnd.nextInt(3)];
                out.append(catchAll ? "(catch_all\n" : "(catch " + tag + "\n");
                if (!catchAll) {
                    consume(out, tag);
                }
                mark(out);
                if (rnd.nextInt(3) == 0) {
                    out.append("(if ").append(bit()).append(" (then (rethrow 1)))\n");
                }
                if (budget > 1 && rnd.nextInt(3) == 0) {
                    statements(out, depth + 1, budget - 2);
                }
                out.append(")\n");
            }
            out.append(")\n");
        }
    }
}
