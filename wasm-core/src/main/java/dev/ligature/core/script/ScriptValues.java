package dev.ligature.core.script;

import java.util.List;

/**
 * Script constants in the slot form engines use: one {@code long} per value (an i32 or f32 in the
 * low 32 bits, f64 as raw bits), two for a v128 (low half first, little-endian), references in a
 * parallel {@code Object[]}. The host references a script names by number, {@code (ref.extern n)}
 * and {@code (ref.host n)}, become plain values that compare equal when their numbers do, so a
 * reference passed into Wasm and returned is recognised.
 */
public final class ScriptValues {
    private ScriptValues() {}

    /** {@code (ref.extern n)} as a Java object. */
    public record Extern(long id) {}

    /** {@code (ref.host n)} of the older scripts, as a Java object. */
    public record Host(long id) {}

    /** Number of slots the values take. */
    public static int slotCount(List<WastValue> values) {
        int n = 0;
        for (WastValue v : values) {
            n += v instanceof WastValue.V128 ? 2 : 1;
        }
        return n;
    }

    /** Lays the values out from slot 0 of {@code slots} and {@code refs}. */
    public static void toSlots(List<WastValue> values, long[] slots, Object[] refs) {
        int s = 0;
        for (WastValue v : values) {
            switch (v) {
                case WastValue.I32 x -> slots[s] = x.value();
                case WastValue.I64 x -> slots[s] = x.value();
                case WastValue.F32 x -> slots[s] = x.bits() & 0xFFFF_FFFFL;
                case WastValue.F64 x -> slots[s] = x.bits();
                case WastValue.V128 x -> {
                    slots[s] = littleEndian(x.bytes(), 0);
                    slots[++s] = littleEndian(x.bytes(), 8);
                }
                case WastValue.RefNull x -> refs[s] = null;
                case WastValue.RefExtern x -> refs[s] = new Extern(x.id());
                case WastValue.RefHost x -> refs[s] = new Host(x.id());
            }
            s++;
        }
    }

    /** The eight bytes at {@code from} as a little-endian long: one half of a v128. */
    public static long littleEndian(byte[] b, int from) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[from + i] & 0xFF);
        }
        return v;
    }
}
