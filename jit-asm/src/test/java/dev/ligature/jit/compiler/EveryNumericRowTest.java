package dev.ligature.jit.compiler;

import dev.ligature.jit.JitEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.ast.Module;
import dev.ligature.core.exec.Numerics;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.text.WatParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scalar numeric row of the opcode table, run as a one-instruction function on the interpreter
 * (its inline op or {@link Numerics#apply}) and on the compiler (JVM instructions or a {@link Numerics}
 * call), gives what {@link Numerics#apply} gives on edge-case operands: the same bits, or the same
 * trap. An instruction wired to the wrong implementation in either engine fails here by name.
 */
class EveryNumericRowTest {
    private static final long[] I32 = {0, 1, -1, 2, 7, -8, 31, 32, 0x80, 0x7FFF_FFFF, 0x8000_0000L, 0x1234_5678};
    private static final long[] I64 = {0, 1, -1, 7, -8, 63, 64, 0x8000_0000L, 0xFFFF_FFFFL, Long.MAX_VALUE,
        Long.MIN_VALUE, 0x0123_4567_89AB_CDEFL};
    private static final long[] F32 = floats(0f, -0f, 1f, -1.5f, 2.5f, 0.5f, Float.MIN_VALUE, 3e9f, -3e9f,
        2147483648f, 1.8446744e19f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN);
    private static final long[] F64 = doubles(0, -0.0, 1, -1.5, 2.5, 0.5, Double.MIN_VALUE, 3e9, -3e9,
        -2147483649.0, 9.3e18, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);

    private static long[] floats(float... v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }

    private static long[] doubles(double... v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }

    private static String type(char letter) {
        return switch (letter) {
            case 'i' -> "i32";
            case 'I' -> "i64";
            case 'f' -> "f32";
            default -> "f64";
        };
    }

    private static long[] values(char letter) {
        return switch (letter) {
            case 'i' -> I32;
            case 'I' -> I64;
            case 'f' -> F32;
            default -> F64;
        };
    }

    @Test
    void everyScalarNumericRowMeansTheSameOnBothEngines() {
        int rows = 0;
        List<String> wrong = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            if (!Numerics.handles(op) || op == Opcode.NOP) {
                continue;
            }
            rows++;
            String sig = op.sig();
            int params = sig.indexOf('>');
            char result = sig.charAt(params + 1);
            StringBuilder wat = new StringBuilder("(module (func (export \"f\") (param");
            for (int i = 0; i < params; i++) {
                wat.append(' ').append(type(sig.charAt(i)));
            }
            wat.append(") (result ").append(type(result)).append(')');
            for (int i = 0; i < params; i++) {
                wat.append(" local.get ").append(i);
            }
            wat.append(' ').append(op.mnemonic()).append("))");
            Module m = WatParser.parseModule(wat.toString());
            Instance interpreted = Modules.of(m).instantiate(Imports.empty());
            Instance compiled = Modules.of(m, JitEngine.eager()).instantiate(Imports.empty());
            long[] first = values(sig.charAt(0));
            long[] second = params == 2 ? values(sig.charAt(1)) : new long[1];
            for (long a : first) {
                for (long b : second) {
                    long[] args = params == 2 ? new long[] {a, b} : new long[] {a};
                    String expected = outcome(op, args, result);
                    String viaInterpreter = call(interpreted, args, result);
                    String viaCompiler = call(compiled, args, result);
                    if (!expected.equals(viaInterpreter) || !expected.equals(viaCompiler)) {
                        wrong.add(op.mnemonic() + java.util.Arrays.toString(args) + ": Numerics.apply " + expected
                                + ", interpreter " + viaInterpreter + ", compiler " + viaCompiler);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " differences, first: " + wrong.subList(0, Math.min(10, wrong.size())));
        assertEquals(136, rows);
    }

    private static String outcome(Opcode op, long[] args, char result) {
        long[] s = new long[4];
        System.arraycopy(args, 0, s, 0, args.length);
        try {
            assertEquals(1, Numerics.apply(op, s, args.length));
        } catch (Trap t) {
            return "trap " + t.kind();
        }
        return show(s[0], result);
    }

    private static String call(Instance inst, long[] args, char result) {
        try {
            return show(inst.function("f").call(args)[0], result);
        } catch (Trap t) {
            return "trap " + t.kind();
        }
    }

    /** The value's bits (an i32 or f32 in the low half); any NaN shows as NaN (Wasm leaves payloads of arithmetic NaNs open). */
    private static String show(long slot, char type) {
        return switch (type) {
            case 'i' -> Integer.toHexString((int) slot);
            case 'f' -> Float.isNaN(Float.intBitsToFloat((int) slot)) ? "NaN" : Integer.toHexString((int) slot);
            case 'F' -> Double.isNaN(Double.longBitsToDouble(slot)) ? "NaN" : Long.toHexString(slot);
            default -> Long.toHexString(slot);
        };
    }
}
