package dev.ligature.core.exec;

import dev.ligature.core.instr.Opcode;

/** TEMPORARY stand-in until the SIMD helper's class lands; reverted before the merge. */
final class Simd {
    private Simd() {}

    static int apply(Opcode op, long[] s, int sp) {
        throw new UnsupportedOperationException(op.mnemonic());
    }

    static int extractLane(Opcode op, int lane, long[] s, int sp) {
        throw new UnsupportedOperationException(op.mnemonic());
    }

    static int replaceLane(Opcode op, int lane, long[] s, int sp) {
        throw new UnsupportedOperationException(op.mnemonic());
    }

    static int shuffle(byte[] lanes, long[] s, int sp) {
        throw new UnsupportedOperationException("i8x16.shuffle");
    }
}
