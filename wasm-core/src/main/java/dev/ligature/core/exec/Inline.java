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

    /** The fast-path {@link Op} of a scalar load or store on a 32-bit memory, or -1. */
    static int memoryOp(Opcode op) {
        return switch (op) {
            case I32_LOAD, F32_LOAD, I64_LOAD32_S -> Op.L32;
            case I64_LOAD, F64_LOAD -> Op.L64;
            case I32_LOAD8_S, I64_LOAD8_S -> Op.L8S;
            case I32_LOAD8_U, I64_LOAD8_U -> Op.L8U;
            case I32_LOAD16_S, I64_LOAD16_S -> Op.L16S;
            case I32_LOAD16_U, I64_LOAD16_U -> Op.L16U;
            case I64_LOAD32_U -> Op.L32U;
            case I32_STORE8, I64_STORE8 -> Op.S8;
            case I32_STORE16, I64_STORE16 -> Op.S16;
            case I32_STORE, F32_STORE, I64_STORE32 -> Op.S32;
            case I64_STORE, F64_STORE -> Op.S64;
            default -> -1;
        };
    }
}
