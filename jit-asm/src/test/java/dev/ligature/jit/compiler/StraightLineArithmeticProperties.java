package dev.ligature.jit.compiler;

import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Generated straight-line functions over i32, i64, f32 and f64 (every numeric instruction family,
 * traps included) give the same results and traps on the interpreter and the compiler.
 */
class StraightLineArithmeticProperties {
    private static final String[] I_BIN = {"add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor",
        "shl", "shr_s", "shr_u", "rotl", "rotr"};
    private static final String[] I_UN = {"clz", "ctz", "popcnt", "extend8_s", "extend16_s"};
    private static final String[] I_CMP = {"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"};
    // No copysign and no float-to-int reinterpret: they expose the sign and payload of NaNs that
    // arithmetic produces, which Wasm leaves nondeterministic (the fixed examples cover them).
    private static final String[] F_BIN = {"add", "sub", "mul", "div", "min", "max"};
    private static final String[] F_UN = {"abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest"};
    private static final String[] F_CMP = {"eq", "ne", "lt", "gt", "le", "ge"};

    /** A random expression of type {@code t} ("i32", "i64", "f32", "f64") over the parameters. */
    static String expr(SplittableRandom r, String t, int depth) {
        boolean isInt = t.charAt(0) == 'i';
        String w = t.substring(1);
        if (depth == 0 || r.nextInt(5) == 0) {
            return switch (r.nextInt(3)) {
                case 0 -> "(local.get " + "i32i64f32f64".indexOf(t) / 3 + ")";
                case 1 -> isInt ? "(" + t + ".const " + (t.equals("i32") ? r.nextInt() : r.nextLong()) + ")"
                        : "(" + t + ".const " + (r.nextInt(8) == 0 ? "nan" : Double.toString((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12)))) + ")";
                default -> "(" + t + ".const " + r.nextInt(-3, 70) + ")";
            };
        }
        int d = depth - 1;
        String other = w.equals("32") ? "64" : "32";
        if (isInt) {
            return switch (r.nextInt(8)) {
                case 0, 1, 2 -> "(" + t + "." + pick(r, I_BIN) + " " + expr(r, t, d) + " " + expr(r, t, d) + ")";
                case 3 -> "(" + t + "." + pick(r, I_UN) + " " + expr(r, t, d) + ")";
                case 4 -> t.equals("i32") ? cmp(r, d)
                        : "(i64.extend_i32_" + (r.nextBoolean() ? "s " : "u ") + expr(r, "i32", d) + ")";
                case 5 -> t.equals("i32") ? "(i32.wrap_i64 " + expr(r, "i64", d) + ")"
                        : "(i64.trunc_sat_f64_u " + expr(r, "f64", d) + ")";
                case 6 -> {
                    String src = r.nextBoolean() ? "f32" : "f64";
                    yield "(" + t + ".trunc_" + (r.nextBoolean() ? "sat_" : "") + src + (r.nextBoolean() ? "_s " : "_u ")
                            + expr(r, src, d) + ")";
                }
                default -> "(select " + expr(r, t, d) + " " + expr(r, t, d) + " " + expr(r, "i32", d) + ")";
            };
        }
        return switch (r.nextInt(6)) {
            case 0, 1 -> "(" + t + "." + pick(r, F_BIN) + " " + expr(r, t, d) + " " + expr(r, t, d) + ")";
            case 2 -> "(" + t + "." + pick(r, F_UN) + " " + expr(r, t, d) + ")";
            case 3 -> {
                String src = r.nextBoolean() ? "i32" : "i64";
                yield "(" + t + ".convert_" + src + (r.nextBoolean() ? "_s " : "_u ") + expr(r, src, d) + ")";
            }
            case 4 -> t.equals("f32") ? "(f32.demote_f64 " + expr(r, "f64", d) + ")" : "(f64.promote_f32 " + expr(r, "f32", d) + ")";
            default -> "(" + t + ".reinterpret_i" + w + " " + expr(r, "i" + w, d) + ")";
        };
    }

    private static String pick(SplittableRandom r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    /** An i32 comparison (integer or float operands). */
    private static String cmp(SplittableRandom r, int d) {
        String ot = pick(r, new String[] {"i32", "i64", "f32", "f64"});
        String op = ot.charAt(0) == 'i' ? pick(r, I_CMP) : pick(r, F_CMP);
        if (ot.charAt(0) == 'i' && r.nextInt(4) == 0) {
            return "(" + ot + ".eqz " + expr(r, ot, d) + ")";
        }
        return "(" + ot + "." + op + " " + expr(r, ot, d) + " " + expr(r, ot, d) + ")";
    }

    static String module(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder m = new StringBuilder("(module\n");
        for (String t : new String[] {"i32", "i64", "f32", "f64"}) {
            String body = expr(r, t, 4);
            m.append("(func (export \"").append(t).append("\") (param i32 i64 f32 f64) (result ").append(t).append(") ")
                    .append(body).append(")\n");
        }
        return m.append(")").toString();
    }

    @Property(tries = 300)
    void compiledStraightLineCodeMatchesTheInterpreter(@ForAll long seed, @ForAll int a, @ForAll long b,
            @ForAll float c, @ForAll double d) {
        String wat = module(seed);
        Differential diff;
        try {
            diff = new Differential(wat);
        } catch (dev.ligature.core.InvalidModuleException e) {
            throw new AssertionError("generator made an invalid module: " + e.getMessage() + "\n" + wat, e);
        }
        long[] args = {a, b, dev.ligature.core.engine.Values.f32(c), dev.ligature.core.engine.Values.f64(d)};
        for (String t : new String[] {"i32", "i64", "f32", "f64"}) {
            diff.check(t, args);
        }
    }

    @Example
    void theGeneratorCoversTrapsAndConversions() {
        StringBuilder all = new StringBuilder();
        for (long s = 0; s < 50; s++) {
            all.append(module(s));
        }
        String text = all.toString();
        for (String needle : new String[] {"div_s", "trunc_f", "convert_i", "select", "nearest", "rotl", "wrap_i64"}) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(needle), needle);
        }
    }
}
