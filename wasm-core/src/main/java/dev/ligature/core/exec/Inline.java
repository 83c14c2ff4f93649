package dev.ligature.core.exec;

import dev.ligature.core.instr.Opcode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Which numeric instructions the main loop executes inline, by name: an {@link Op} constant named like the opcode. */
final class Inline {
    /** The instruction needs no code at all (reinterpretations). */
    static final int NOTHING = -2;
    private static final int[] MAP = new int[Opcode.values().length];

    static {
        java.util.Arrays.fill(MAP, -1);
        for (Field f : Op.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    Opcode op = Opcode.valueOf(f.getName());
                    if (op.sig() != null && op.prefix() == 0) {
                        MAP[op.ordinal()] = f.getInt(null);
                    }
                } catch (IllegalArgumentException | IllegalAccessException e) {
                    // not an instruction name
                }
            }
        }
        MAP[Opcode.I32_REINTERPRET_F32.ordinal()] = NOTHING;
        MAP[Opcode.F32_REINTERPRET_I32.ordinal()] = NOTHING;
        MAP[Opcode.I64_REINTERPRET_F64.ordinal()] = NOTHING;
        MAP[Opcode.F64_REINTERPRET_I64.ordinal()] = NOTHING;
    }

    private Inline() {}

    static int of(Opcode op) {
        return MAP[op.ordinal()];
    }
}
