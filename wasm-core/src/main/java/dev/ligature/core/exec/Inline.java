package dev.ligature.core.exec;

import dev.ligature.core.instr.MemAccess;
import dev.ligature.core.instr.Opcode;

/**
 * Which interpreter {@link Op} executes an instruction inline in the main loop: the one mapping from
 * the opcode table to the interpreter's specialised ops. Numeric instructions not listed here run
 * through {@link Numerics#apply} ({@link Op#NUMERIC}); loads and stores get their op from the row's
 * {@link MemAccess}. {@code InlineTest} checks over every row that each inline op is reached by the
 * instruction it implements.
 */
final class Inline {
    /** The instruction needs no code at all (reinterpretations: a slot holds the raw bits). */
    static final int NOTHING = -2;

    private Inline() {}

    /** The inline {@link Op} of a scalar numeric instruction, {@link #NOTHING}, or -1 (run by {@link Numerics#apply}). */
    static int of(Opcode op) {
        return switch (op) {
            case I32_EQZ -> Op.I32_EQZ;
            case I32_EQ -> Op.I32_EQ;
            case I32_NE -> Op.I32_NE;
            case I32_LT_S -> Op.I32_LT_S;
            case I32_LT_U -> Op.I32_LT_U;
            case I32_GT_S -> Op.I32_GT_S;
            case I32_GT_U -> Op.I32_GT_U;
            case I32_LE_S -> Op.I32_LE_S;
            case I32_LE_U -> Op.I32_LE_U;
            case I32_GE_S -> Op.I32_GE_S;
            case I32_GE_U -> Op.I32_GE_U;
            case I32_CLZ -> Op.I32_CLZ;
            case I32_CTZ -> Op.I32_CTZ;
            case I32_POPCNT -> Op.I32_POPCNT;
            case I32_ADD -> Op.I32_ADD;
            case I32_SUB -> Op.I32_SUB;
            case I32_MUL -> Op.I32_MUL;
            case I32_DIV_S -> Op.I32_DIV_S;
            case I32_DIV_U -> Op.I32_DIV_U;
            case I32_REM_S -> Op.I32_REM_S;
            case I32_REM_U -> Op.I32_REM_U;
            case I32_AND -> Op.I32_AND;
            case I32_OR -> Op.I32_OR;
            case I32_XOR -> Op.I32_XOR;
            case I32_SHL -> Op.I32_SHL;
            case I32_SHR_S -> Op.I32_SHR_S;
            case I32_SHR_U -> Op.I32_SHR_U;
            case I32_ROTL -> Op.I32_ROTL;
            case I32_ROTR -> Op.I32_ROTR;
            case I64_EQZ -> Op.I64_EQZ;
            case I64_EQ -> Op.I64_EQ;
            case I64_NE -> Op.I64_NE;
            case I64_LT_S -> Op.I64_LT_S;
            case I64_LT_U -> Op.I64_LT_U;
            case I64_GT_S -> Op.I64_GT_S;
            case I64_GT_U -> Op.I64_GT_U;
            case I64_LE_S -> Op.I64_LE_S;
            case I64_LE_U -> Op.I64_LE_U;
            case I64_GE_S -> Op.I64_GE_S;
            case I64_GE_U -> Op.I64_GE_U;
            case I64_CLZ -> Op.I64_CLZ;
            case I64_CTZ -> Op.I64_CTZ;
            case I64_POPCNT -> Op.I64_POPCNT;
            case I64_ADD -> Op.I64_ADD;
            case I64_SUB -> Op.I64_SUB;
            case I64_MUL -> Op.I64_MUL;
            case I64_DIV_S -> Op.I64_DIV_S;
            case I64_DIV_U -> Op.I64_DIV_U;
            case I64_REM_S -> Op.I64_REM_S;
            case I64_REM_U -> Op.I64_REM_U;
            case I64_AND -> Op.I64_AND;
            case I64_OR -> Op.I64_OR;
            case I64_XOR -> Op.I64_XOR;
            case I64_SHL -> Op.I64_SHL;
            case I64_SHR_S -> Op.I64_SHR_S;
            case I64_SHR_U -> Op.I64_SHR_U;
            case I64_ROTL -> Op.I64_ROTL;
            case I64_ROTR -> Op.I64_ROTR;
            case F32_EQ -> Op.F32_EQ;
            case F32_NE -> Op.F32_NE;
            case F32_LT -> Op.F32_LT;
            case F32_GT -> Op.F32_GT;
            case F32_LE -> Op.F32_LE;
            case F32_GE -> Op.F32_GE;
            case F32_ABS -> Op.F32_ABS;
            case F32_NEG -> Op.F32_NEG;
            case F32_SQRT -> Op.F32_SQRT;
            case F32_ADD -> Op.F32_ADD;
            case F32_SUB -> Op.F32_SUB;
            case F32_MUL -> Op.F32_MUL;
            case F32_DIV -> Op.F32_DIV;
            case F64_EQ -> Op.F64_EQ;
            case F64_NE -> Op.F64_NE;
            case F64_LT -> Op.F64_LT;
            case F64_GT -> Op.F64_GT;
            case F64_LE -> Op.F64_LE;
            case F64_GE -> Op.F64_GE;
            case F64_ABS -> Op.F64_ABS;
            case F64_NEG -> Op.F64_NEG;
            case F64_SQRT -> Op.F64_SQRT;
            case F64_ADD -> Op.F64_ADD;
            case F64_SUB -> Op.F64_SUB;
            case F64_MUL -> Op.F64_MUL;
            case F64_DIV -> Op.F64_DIV;
            case I32_WRAP_I64 -> Op.I32_WRAP_I64;
            case I64_EXTEND_I32_S -> Op.I64_EXTEND_I32_S;
            case I64_EXTEND_I32_U -> Op.I64_EXTEND_I32_U;
            case I32_EXTEND8_S -> Op.I32_EXTEND8_S;
            case I32_EXTEND16_S -> Op.I32_EXTEND16_S;
            case I64_EXTEND8_S -> Op.I64_EXTEND8_S;
            case I64_EXTEND16_S -> Op.I64_EXTEND16_S;
            case I64_EXTEND32_S -> Op.I64_EXTEND32_S;
            case F32_DEMOTE_F64 -> Op.F32_DEMOTE_F64;
            case F64_PROMOTE_F32 -> Op.F64_PROMOTE_F32;
            case F32_CONVERT_I32_S -> Op.F32_CONVERT_I32_S;
            case F64_CONVERT_I32_S -> Op.F64_CONVERT_I32_S;
            case F32_CONVERT_I64_S -> Op.F32_CONVERT_I64_S;
            case F64_CONVERT_I64_S -> Op.F64_CONVERT_I64_S;
            case I32_REINTERPRET_F32, F32_REINTERPRET_I32, I64_REINTERPRET_F64, F64_REINTERPRET_I64 -> NOTHING;
            default -> -1;
        };
    }

    /** The fast-path {@link Op} of a scalar load or store on a 32-bit memory, or -1. */
    static int memoryOp(Opcode op) {
        MemAccess a = op.memAccess();
        if (a == null || !a.scalar()) {
            return -1;
        }
        if (a.store()) {
            return switch (a.bytes()) {
                case 1 -> Op.S8;
                case 2 -> Op.S16;
                case 4 -> Op.S32;
                default -> Op.S64;
            };
        }
        // A slot holds an i32 or f32 in its low half, so a 4-byte load zero-extends only into an i64.
        return switch (a.bytes()) {
            case 1 -> a.signed() ? Op.L8S : Op.L8U;
            case 2 -> a.signed() ? Op.L16S : Op.L16U;
            case 4 -> a.partial() && !a.signed() ? Op.L32U : Op.L32;
            default -> Op.L64;
        };
    }
}
