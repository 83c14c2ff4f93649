package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.instr.Imm;
import dev.ligature.core.instr.Opcode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated v128 programs give bit-identical results and the same traps on the interpreter and the
 * compiler. The instructions come from the opcode table, so every v128 instruction (relaxed SIMD
 * included) is drawn; operands are full of NaNs with payloads, infinities, signed zeros and
 * extreme integers, and the values flow through locals, blocks, if, select, calls, call_indirect,
 * br_if, br_table, globals and two memories (32- and 64-bit, accesses near the end traps included).
 */
class SimdProgramProperties {
    /** v128 instructions without immediates, by signature. */
    private static final List<Opcode> UNARY = bySig("v>v");
    private static final List<Opcode> BINARY = bySig("vv>v");
    private static final List<Opcode> TERNARY = bySig("vvv>v");
    private static final List<Opcode> SHIFTS = bySig("vi>v");
    private static final List<Opcode> TESTS = bySig("v>i");
    private static final List<Opcode> SPLATS = new ArrayList<>();
    private static final List<Opcode> LANES = new ArrayList<>();
    private static final List<Opcode> LOADS = new ArrayList<>();
    private static final List<Opcode> STORES = new ArrayList<>();

    static {
        for (Opcode op : Opcode.values()) {
            String sig = op.sig();
            if (sig == null || sig.indexOf('v') < 0) {
                continue;
            }
            if (op.imm() == Imm.NONE && sig.length() == 3 && sig.endsWith(">v") && sig.charAt(0) != 'v') {
                SPLATS.add(op);
            } else if (op.imm() == Imm.LANE) {
                LANES.add(op);
            } else if (op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE) {
                (sig.endsWith(">") ? STORES : LOADS).add(op);
            }
        }
    }

    private static List<Opcode> bySig(String sig) {
        List<Opcode> l = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            if (op.imm() == Imm.NONE && sig.equals(op.sig())) {
                l.add(op);
            }
        }
        return l;
    }

    /** Lane values (as i32 bits) that make float and integer kernels take their edge cases. */
    private static final int[] LANE_BITS = {0, 1, -1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 0x7FC00000, 0xFFC00000, 0x7FA00001, 0xFF812345, 0x7F800000, 0xFF800000, 0x80000000,
        0x3F800000, 0xBF800000, 0x4F000000, 0xCF000000, 0x4F800000, 0x3EFFFFFF, 0x00000001, 0x7F7FFFFF};
    /** f64 bit patterns placed over two i32 lanes. */
    private static final long[] F64_BITS = {0x7FF8000000000000L, 0xFFF8000000000000L, 0x7FF4000000000001L,
        0xFFF0000000000000L, 0x7FF0000000000000L, 0x8000000000000000L, 0x3FF0000000000000L, 0x41E0000000000000L,
        0xC1E0000000000000L, 0x41F0000000000000L, 0x3FE0000000000000L, 0x0000000000000001L};

    static int laneBits(SplittableRandom r) {
        return r.nextInt(3) == 0 ? r.nextInt() : LANE_BITS[r.nextInt(LANE_BITS.length)];
    }

    static long half(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> F64_BITS[r.nextInt(F64_BITS.length)];
            case 1 -> r.nextLong();
            default -> (laneBits(r) & 0xFFFF_FFFFL) | ((long) laneBits(r) << 32);
        };
    }

    private static String constant(SplittableRandom r) {
        long lo = half(r);
        long hi = half(r);
        return "(v128.const i64x2 " + lo + " " + hi + ")";
    }

    private static String scalar(SplittableRandom r, char t) {
        return switch (t) {
            case 'i' -> r.nextBoolean() ? "(local.get 2)" : "(i32.const " + (r.nextBoolean() ? laneBits(r) : r.nextInt(-3, 140)) + ")";
            case 'I' -> r.nextBoolean() ? "(local.get 3)" : "(i64.const " + half(r) + ")";
            case 'f' -> r.nextBoolean() ? "(local.get 4)" : "(f32.reinterpret_i32 (i32.const " + laneBits(r) + "))";
            default -> r.nextBoolean() ? "(local.get 5)" : "(f64.reinterpret_i64 (i64.const " + half(r) + "))";
        };
    }

    /** The splat that turns a scalar of type {@code t} back into a v128. */
    private static String splatOf(char t) {
        return switch (t) {
            case 'i' -> "i32x4.splat";
            case 'I' -> "i64x2.splat";
            case 'f' -> "f32x4.splat";
            default -> "f64x2.splat";
        };
    }

    private static <T> T pick(SplittableRandom r, List<T> l) {
        return l.get(r.nextInt(l.size()));
    }

    /** A random v128 expression over the parameters of {@code $v}. */
    static String expr(SplittableRandom r, int depth) {
        if (depth == 0 || r.nextInt(6) == 0) {
            return switch (r.nextInt(4)) {
                case 0 -> "(local.get 0)";
                case 1 -> "(local.get 1)";
                case 2 -> {
                    Opcode s = pick(r, SPLATS);
                    yield "(" + s.mnemonic() + " " + scalar(r, s.sig().charAt(0)) + ")";
                }
                default -> constant(r);
            };
        }
        int d = depth - 1;
        return switch (r.nextInt(16)) {
            case 0, 1, 2 -> "(" + pick(r, UNARY).mnemonic() + " " + expr(r, d) + ")";
            case 3, 4, 5, 6 -> "(" + pick(r, BINARY).mnemonic() + " " + expr(r, d) + " " + expr(r, d) + ")";
            case 7 -> "(" + pick(r, TERNARY).mnemonic() + " " + expr(r, d) + " " + expr(r, d) + " " + expr(r, d) + ")";
            case 8 -> "(" + pick(r, SHIFTS).mnemonic() + " " + expr(r, d) + " " + scalar(r, 'i') + ")";
            case 9 -> "(i32x4.splat (" + pick(r, TESTS).mnemonic() + " " + expr(r, d) + "))";
            case 10 -> {
                Opcode op = pick(r, LANES);
                int lane = r.nextInt(op.width());
                String sig = op.sig();
                if (sig.startsWith("v>")) {
                    yield "(" + splatOf(sig.charAt(2)) + " (" + op.mnemonic() + " " + lane + " " + expr(r, d) + "))";
                }
                yield "(" + op.mnemonic() + " " + lane + " " + expr(r, d) + " " + scalar(r, sig.charAt(1)) + ")";
            }
            case 11 -> {
                StringBuilder s = new StringBuilder("(i8x16.shuffle");
                for (int i = 0; i < 16; i++) {
                    s.append(' ').append(r.nextInt(32));
                }
                yield s.append(' ').append(expr(r, d)).append(' ').append(expr(r, d)).append(')').toString();
            }
            case 12 -> switch (r.nextInt(5)) {
                case 0 -> "(select " + expr(r, d) + " " + expr(r, d) + " " + scalar(r, 'i') + ")";
                case 1 -> "(if (result v128) " + scalar(r, 'i') + " (then " + expr(r, d) + ") (else " + expr(r, d) + "))";
                case 2 -> "(block (result v128) (drop (br_if 0 " + expr(r, d) + " " + scalar(r, 'i') + ")) " + expr(r, d) + ")";
                case 3 -> "(block (result v128) (v128.not (block (result v128) (br_table 0 1 0 " + expr(r, d) + " (i32.and "
                        + scalar(r, 'i') + " (i32.const 3))))))";
                default -> "(block (result v128) " + expr(r, d) + ")";
            };
            case 13 -> switch (r.nextInt(3)) {
                case 0 -> "(call $mix " + expr(r, d) + " " + scalar(r, 'i') + " " + expr(r, d) + ")";
                case 1 -> "(call_indirect (type $vv) " + expr(r, d) + " (i32.and " + scalar(r, 'i') + " (i32.const 1)))";
                default -> "(block (result v128) (call $pair " + expr(r, d) + ") (drop) (i64x2.add))";
            };
            case 14 -> r.nextBoolean() ? "(local.tee 6 " + expr(r, d) + ")"
                    : "(block (result v128) (global.set $g " + expr(r, d) + ") (global.get $g))";
            default -> memory(r, d);
        };
    }

    /** A load through one of the two memories, after a store there; both may trap near the end. */
    private static String memory(SplittableRandom r, int d) {
        boolean m64 = r.nextBoolean();
        String mem = m64 ? "$m64" : "$m32";
        String addr = m64 ? "(i64.extend_i32_u (local.get 2))" : "(local.get 2)";
        String offset = " offset=" + new int[] {0, 0, 1, 7, 16, 65519}[r.nextInt(6)];
        StringBuilder s = new StringBuilder("(block (result v128) ");
        if (r.nextBoolean()) {
            Opcode st = pick(r, STORES);
            s.append('(').append(st.mnemonic()).append(' ').append(mem).append(offset);
            if (st.imm() == Imm.MEMARG_LANE) {
                s.append(' ').append(r.nextInt(16 / st.width()));
            }
            s.append(' ').append(addr).append(' ').append(expr(r, d)).append(')');
        }
        Opcode ld = pick(r, LOADS);
        s.append('(').append(ld.mnemonic()).append(' ').append(mem).append(r.nextBoolean() ? "" : offset);
        if (ld.imm() == Imm.MEMARG_LANE) {
            s.append(' ').append(r.nextInt(16 / ld.width()));
        }
        s.append(' ').append(addr);
        if (ld.imm() == Imm.MEMARG_LANE) {
            s.append(' ').append(expr(r, d));
        }
        return s.append("))").toString();
    }

    static String module(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return """
                (module
                  (type $vv (func (param v128) (result v128)))
                  (memory $m32 1)
                  (memory $m64 i64 1)
                  (global $g (mut v128) (v128.const i32x4 1 2 3 4))
                  (table 2 funcref)
                  (elem (i32.const 0) $id $not)
                  (func $id (param v128) (result v128) (local.get 0))
                  (func $not (param v128) (result v128) (v128.not (local.get 0)))
                  (func $mix (param v128 i32 v128) (result v128)
                    (i8x16.add (local.get 0) (i32x4.replace_lane 2 (local.get 2) (local.get 1))))
                  (func $pair (param v128) (result v128 v128 i32) (local.get 0) (i64x2.splat (i64.const 3)) (i32.const 9))
                  (func (export "v") (param v128 v128 i32 i64 f32 f64) (result v128) (local v128)
                    %s)
                  (func (export "peek") (param i32) (result v128)
                    (v128.xor (v128.load $m32 (local.get 0)) (v128.load $m64 (i64.extend_i32_u (local.get 0))))))
                """.formatted(expr(r, 5));
    }

    @Property(tries = 400)
    void generatedVectorProgramsMatchTheInterpreterBitForBit(@ForAll long seed, @ForAll long a0, @ForAll long a1,
            @ForAll long b0, @ForAll long b1, @ForAll int i, @ForAll long l, @ForAll float f, @ForAll double d) {
        SplittableRandom r = new SplittableRandom(seed ^ a0);
        String wat = module(seed);
        Differential diff;
        try {
            diff = new Differential(wat);
        } catch (dev.ligature.core.InvalidModuleException | dev.ligature.core.MalformedModuleException e) {
            throw new AssertionError("generator made a bad module: " + e.getMessage() + "\n" + wat, e);
        }
        // Arguments: random and edge-case halves, addresses in the memory, near its end, or past it.
        long[] args = {r.nextBoolean() ? a0 : half(r), r.nextBoolean() ? a1 : half(r),
            r.nextBoolean() ? b0 : half(r), r.nextBoolean() ? b1 : half(r),
            new int[] {i, 0, 8, 100, 4096, 65520, 65521, 65535, 65536 - 4, 65536 - 8}[r.nextInt(10)], l,
            dev.ligature.core.engine.Values.f32(r.nextBoolean() ? f : Float.intBitsToFloat(laneBits(r))),
            dev.ligature.core.engine.Values.f64(d)};
        try {
            boolean returned = diff.check("v", args) != null;
            diff.check("v", args); // the memories and the global now hold what the first call left
            Statistics.collect(returned ? "returned" : "trapped");
            for (long at : new long[] {0, 8, 65520, args[4] & 0xFFFF}) {
                diff.check("peek", Math.min(at, 65520));
            }
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + wat, e);
        }
        // Most programs must compute a vector, not stop at a trap, for the comparison to mean something.
        Statistics.coverage(c -> c.check("returned").percentage(p -> p > 50));
    }

    @Example
    void theGeneratorDrawsEveryVectorInstruction() {
        StringBuilder all = new StringBuilder();
        for (long s = 0; s < 2000; s++) {
            all.append(module(s));
        }
        String text = all.toString();
        List<String> missing = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            String sig = op.sig();
            if (sig != null && sig.indexOf('v') >= 0 && !text.contains(op.mnemonic() + " ") && !text.contains(op.mnemonic() + ")")) {
                missing.add(op.mnemonic());
            }
        }
        assertTrue(missing.isEmpty(), "never generated: " + missing);
    }
}
