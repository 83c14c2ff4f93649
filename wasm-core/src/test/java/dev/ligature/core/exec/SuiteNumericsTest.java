package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.WasmException;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.ModuleDecoder;
import dev.ligature.core.fixtures.SuiteModules;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.script.Action;
import dev.ligature.core.script.Command;
import dev.ligature.core.script.Expected;
import dev.ligature.core.script.ModuleSource;
import dev.ligature.core.script.ResultMatcher;
import dev.ligature.core.script.Script;
import dev.ligature.core.script.ScriptValues;
import dev.ligature.core.script.WastParser;
import dev.ligature.core.script.WastValue;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.ValType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks {@link Numerics} and {@link Simd} against the official test suite: every
 * {@code assert_return} and {@code assert_trap} of the numeric and SIMD scripts whose function is
 * straight-line code (see {@link StraightLineRunner}) is evaluated with the kernels and compared
 * with the script's expected values, NaN patterns included. Functions with control flow, calls or
 * memory are left to the interpreter's own spec run; each file must still yield a real number of checks.
 */
class SuiteNumericsTest {
    /** Straight-line functions return numbers and vectors only, never references. */
    private static final ResultMatcher MATCHER = new ResultMatcher((kind, ref) -> false);

    /** Scripts and the least number of checks each must yield (guards against a harness that checks nothing). */
    private static final Map<String, Integer> FILES = new java.util.LinkedHashMap<>();

    static {
        for (String f : List.of("i32", "i64", "f32", "f64", "f32_bitwise", "f64_bitwise", "f32_cmp", "f64_cmp",
                "float_exprs", "float_misc", "conversions", "int_exprs", "float_literals")) {
            FILES.put(f, 10);
        }
        for (String f : List.of("simd_bit_shift", "simd_bitwise", "simd_boolean", "simd_const", "simd_conversions",
                "simd_f32x4", "simd_f32x4_arith", "simd_f32x4_cmp", "simd_f32x4_pmin_pmax", "simd_f32x4_rounding",
                "simd_f64x2", "simd_f64x2_arith", "simd_f64x2_cmp", "simd_f64x2_pmin_pmax", "simd_f64x2_rounding",
                "simd_i16x8_arith", "simd_i16x8_arith2", "simd_i16x8_cmp", "simd_i16x8_extadd_pairwise_i8x16",
                "simd_i16x8_extmul_i8x16", "simd_i16x8_q15mulr_sat_s", "simd_i16x8_sat_arith", "simd_i32x4_arith",
                "simd_i32x4_arith2", "simd_i32x4_cmp", "simd_i32x4_dot_i16x8", "simd_i32x4_extadd_pairwise_i16x8",
                "simd_i32x4_extmul_i16x8", "simd_i32x4_trunc_sat_f32x4", "simd_i32x4_trunc_sat_f64x2",
                "simd_i64x2_arith", "simd_i64x2_arith2", "simd_i64x2_cmp", "simd_i64x2_extmul_i32x4",
                "simd_i8x16_arith", "simd_i8x16_arith2", "simd_i8x16_cmp", "simd_i8x16_sat_arith",
                "simd_int_to_int_extend", "simd_lane", "simd_splat", "relaxed_dot_product",
                "relaxed_laneselect", "relaxed_madd_nmadd", "relaxed_min_max")) {
            FILES.put(f, 10);
        }
        // small scripts: every one of their assertions must run
        FILES.put("i16x8_relaxed_q15mulr_s", 2);
        FILES.put("i8x16_relaxed_swizzle", 5);
    }

    /** Counts of one script. */
    record Tally(String file, int passed, int skipped, List<String> failures) {}

    @TestFactory
    Stream<DynamicTest> suiteScripts() {
        Path root = SuiteModules.suiteRoot();
        return FILES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Tally t = runFile(root.resolve(e.getKey() + ".wast"));
            System.out.printf("%-40s passed %5d  skipped %4d  failed %d%n", t.file(), t.passed(), t.skipped(),
                    t.failures().size());
            assertTrue(t.failures().isEmpty(), () -> t.file() + ":\n" + String.join("\n",
                    t.failures().subList(0, Math.min(40, t.failures().size()))));
            assertTrue(t.passed() >= e.getValue(), () -> t.file() + ": only " + t.passed() + " checks ran");
        }));
    }

    /** Lists the kernel instructions no evaluated assertion executed (informational; unit tests cover them). */
    @org.junit.jupiter.api.AfterAll
    static void reportUnexercised() {
        List<String> missing = new ArrayList<>();
        for (dev.ligature.core.instr.Opcode op : dev.ligature.core.instr.Opcode.values()) {
            String sig = op.sig();
            if (sig != null && sig.indexOf('a') < 0 && (op.imm() == dev.ligature.core.instr.Imm.NONE
                    || op.imm() == dev.ligature.core.instr.Imm.LANE || op.imm() == dev.ligature.core.instr.Imm.SHUFFLE)
                    && !StraightLineRunner.EXECUTED.contains(op)) {
                missing.add(op.mnemonic());
            }
        }
        System.out.println("kernel instructions the suite's straight-line assertions did not reach: " + missing);
    }

    static Tally runFile(Path file) throws IOException {
        Script script = WastParser.parse(Files.readAllBytes(file));
        Map<String, StraightLineRunner> named = new HashMap<>();
        StraightLineRunner current = null;
        int passed = 0, skipped = 0;
        List<String> failures = new ArrayList<>();
        for (Command c : script.commands()) {
            switch (c) {
                case Command.ModuleCommand mc -> {
                    current = load(mc.source());
                    if (mc.id() != null && current != null) {
                        named.put(mc.id(), current);
                    }
                }
                case Command.AssertReturn ar -> {
                    String verdict = check(runnerFor(ar.action(), current, named), ar.action(), ar.results(), null);
                    if (verdict == null) {
                        passed++;
                    } else if (verdict.isEmpty()) {
                        skipped++;
                    } else {
                        failures.add("line " + ar.line() + ": " + verdict);
                    }
                }
                case Command.AssertTrap at -> {
                    String verdict = check(runnerFor(at.action(), current, named), at.action(), null, at.message());
                    if (verdict == null) {
                        passed++;
                    } else if (verdict.isEmpty()) {
                        skipped++;
                    } else {
                        failures.add("line " + at.line() + ": " + verdict);
                    }
                }
                default -> { }
            }
        }
        return new Tally(file.getFileName().toString(), passed, skipped, failures);
    }

    private static StraightLineRunner runnerFor(Action a, StraightLineRunner current,
            Map<String, StraightLineRunner> named) {
        return a.moduleId() == null ? current : named.get(a.moduleId());
    }

    private static StraightLineRunner load(ModuleSource src) {
        try {
            Module m = switch (src) {
                case ModuleSource.Text t -> WatParser.parseModule(t.source(), t.line(), t.column());
                case ModuleSource.Binary b -> ModuleDecoder.decode(b.bytes());
                case ModuleSource.Quote q -> WatParser.parseModule(q.source(), q.line(), 1);
            };
            return new StraightLineRunner(m);
        } catch (WasmException e) {
            return null;
        }
    }

    /**
     * Evaluates one assertion: null when it holds, "" when the function is out of the runner's
     * reach, otherwise a description of the mismatch.
     */
    private static String check(StraightLineRunner runner, Action action, List<Expected> expected, String trap) {
        if (runner == null || !(action instanceof Action.Invoke inv)) {
            return "";
        }
        StraightLineRunner.Fn fn = runner.function(inv.name());
        if (fn == null) {
            return "";
        }
        long[] args = new long[inv.args().size() * 2];
        int n = 0;
        for (WastValue v : inv.args()) {
            switch (v) {
                case WastValue.I32 i -> args[n++] = i.value();
                case WastValue.I64 i -> args[n++] = i.value();
                case WastValue.F32 f -> args[n++] = f.bits();
                case WastValue.F64 f -> args[n++] = f.bits();
                case WastValue.V128 x -> {
                    args[n++] = ScriptValues.littleEndian(x.bytes(), 0);
                    args[n++] = ScriptValues.littleEndian(x.bytes(), 8);
                }
                default -> { return ""; }
            }
        }
        long[] out;
        try {
            out = StraightLineRunner.run(fn, args);
        } catch (StraightLineRunner.Unsupported u) {
            return "";
        } catch (Trap t) {
            if (trap != null && t.getMessage().startsWith(trap)) {
                return null;
            }
            return inv.name() + " " + inv.args() + ": unexpected trap " + t.getMessage();
        }
        if (trap != null) {
            return inv.name() + " " + inv.args() + ": expected trap \"" + trap + "\", returned";
        }
        String mismatch = MATCHER.match(expected, fn.results(), out, new Object[out.length]);
        return mismatch == null ? null : inv.name() + " " + describe(inv.args()) + ": " + mismatch;
    }

    private static String describe(List<WastValue> args) {
        List<String> parts = new ArrayList<>();
        for (WastValue v : args) {
            parts.add(switch (v) {
                case WastValue.F32 f -> "f32:" + Integer.toHexString(f.bits());
                case WastValue.F64 f -> "f64:" + Long.toHexString(f.bits());
                case WastValue.V128 x -> "v128:" + Long.toHexString(ScriptValues.littleEndian(x.bytes(), 0)) + " "
                        + Long.toHexString(ScriptValues.littleEndian(x.bytes(), 8));
                default -> v.toString();
            });
        }
        return parts.toString();
    }
}
