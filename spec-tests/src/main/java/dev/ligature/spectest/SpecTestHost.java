package dev.ligature.spectest;

import dev.ligature.core.runtime.Global;
import dev.ligature.core.runtime.HostFunction;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.ValType;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code spectest} host module that the official test scripts import from: print functions,
 * {@code global_i32} = 666, {@code global_i64} = 666, {@code global_f32} = 666.6,
 * {@code global_f64} = 666.6, a funcref {@code table} (10 to 20 elements), a 64-bit-indexed
 * {@code table64} with the same limits, and a {@code memory} of 1 to 2 pages. Create one per script
 * run and add it with {@link Imports#module(String, Map)}: its table and memory are shared state.
 */
public final class SpecTestHost {
    private SpecTestHost() {}

    /** A fresh set of spectest entities, printing to {@code out}, by export name. */
    public static Map<String, Object> create(PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        print(m, out, "print");
        print(m, out, "print_i32", NumType.I32);
        print(m, out, "print_i64", NumType.I64);
        print(m, out, "print_f32", NumType.F32);
        print(m, out, "print_f64", NumType.F64);
        print(m, out, "print_i32_f32", NumType.I32, NumType.F32);
        print(m, out, "print_f64_f64", NumType.F64, NumType.F64);
        m.put("global_i32", Global.i32(666, false));
        m.put("global_i64", Global.i64(666, false));
        m.put("global_f32", Global.f32(666.6f, false));
        m.put("global_f64", Global.f64(666.6, false));
        m.put("table", Table.of(RefType.FUNCREF, 10, 20));
        m.put("table64", Table.of(new TableType(RefType.FUNCREF, new Limits(10, 20), true)));
        m.put("memory", Memory.of(1, 2));
        return m;
    }

    private static void print(Map<String, Object> m, PrintStream out, String name, ValType... params) {
        FuncType t = new FuncType(List.of(params), List.of());
        m.put(name, HostFunction.raw("spectest." + name, t, call -> {
            if (out == null) {
                return;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < params.length; i++) {
                long v = call.argSlot(i);
                b.append(i == 0 ? "" : " ").append(switch ((NumType) params[i]) {
                    case I32 -> Integer.toString((int) v) + " : i32";
                    case I64 -> Long.toString(v) + " : i64";
                    case F32 -> Float.intBitsToFloat((int) v) + " : f32";
                    case F64 -> Double.longBitsToDouble(v) + " : f64";
                });
            }
            out.println(b);
        }));
    }
}
