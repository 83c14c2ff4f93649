package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.instr.MemAccess;
import dev.ligature.core.instr.Opcode;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's link from the opcode table to its specialised ops ({@link Inline}), checked over
 * every row: an op the main loop implements but no instruction reaches would make that instruction
 * silently slower ({@link Op#NUMERIC} instead), and an op reached by the wrong kind of instruction
 * would be wrong. That each inline op computes what its instruction means is checked, also over every
 * row, against {@link Numerics#apply} by jit-asm's {@code EveryNumericRowTest} on both engines.
 */
class InlineTest {
    @Test
    void everyInlineNumericOpIsReachedByExactlyOneScalarInstruction() {
        Opcode[] reachedBy = new Opcode[Op.COUNT];
        for (Opcode op : Opcode.values()) {
            int inline = Inline.of(op);
            if (inline == -1) {
                continue;
            }
            assertTrue(Numerics.handles(op) && op.prefix() == 0, op.mnemonic() + " is not a scalar numeric instruction");
            if (inline == Inline.NOTHING) {
                // Only the reinterpretations: a slot holds raw bits, so there is nothing to do.
                assertTrue(op.mnemonic().contains(".reinterpret_"), op.mnemonic());
                continue;
            }
            assertTrue(inline >= Op.I32_EQZ && inline < Op.LOCAL_GET2, op.mnemonic() + " -> " + inline);
            assertNull(reachedBy[inline], "op " + inline + " reached by " + reachedBy[inline] + " and " + op);
            reachedBy[inline] = op;
        }
        for (int code = Op.I32_EQZ; code < Op.LOCAL_GET2; code++) {
            assertTrue(reachedBy[code] != null, "inline op " + code + " is reached by no instruction");
        }
    }

    @Test
    void everyScalarLoadAndStoreOfTheTableHasAFastPathOp() {
        for (Opcode op : Opcode.values()) {
            MemAccess a = op.memAccess();
            int fast = Inline.memoryOp(op);
            if (a == null || !a.scalar()) {
                assertEquals(-1, fast, op.mnemonic());
                continue;
            }
            int expected = a.store() ? switch (a.bytes()) {
                case 1 -> Op.S8;
                case 2 -> Op.S16;
                case 4 -> Op.S32;
                default -> Op.S64;
            } : switch (op) {
                // Spelled out per instruction: the derivation from MemAccess must land here.
                case I32_LOAD, F32_LOAD, I64_LOAD32_S -> Op.L32;
                case I64_LOAD32_U -> Op.L32U;
                case I64_LOAD, F64_LOAD -> Op.L64;
                case I32_LOAD8_S, I64_LOAD8_S -> Op.L8S;
                case I32_LOAD8_U, I64_LOAD8_U -> Op.L8U;
                case I32_LOAD16_S, I64_LOAD16_S -> Op.L16S;
                case I32_LOAD16_U, I64_LOAD16_U -> Op.L16U;
                default -> throw new AssertionError("a scalar load this test does not know: " + op);
            };
            assertEquals(expected, fast, op.mnemonic());
        }
    }
}
