package dev.ligature.core.exec;

import dev.ligature.core.instr.Opcode;

/** A control frame of the translator's abstract interpretation (block, loop, if, try, try_table, or the function). */
final class Ctl {
    Opcode op;
    /** Frame-relative slot height below the block's parameters: where its label's values land. */
    int height;
    /** Depth of the abstract kind stack at {@link #height}. */
    int nk;
    byte[] params;
    byte[] results;
    int paramSlots;
    int resultSlots;
    /** Branch target of a loop (its start). */
    int loopPc;
    /** Code positions (>= 0) and handler target fields (-1 - index) to patch with the end's pc. */
    int[] fixups = new int[4];
    int nfix;
    /** Position of an if's false-branch jump operand, until the else or end patches it. */
    int elseFix = -1;
    /** The rest of the block is dead code and is not emitted. */
    boolean unreachable;
    /** A legacy catch body: the caught exception occupies the slot at {@link #height}. */
    boolean hidden;
    /** First pc of a try body, and the pc after it (legacy try, once a catch or delegate ends it). */
    int tryStart;
    int tryEnd = -1;
    /** try_table clauses: kind, tag, and the index of the target control frame. */
    int[] clauseKinds;
    int[] clauseTags;
    int[] clauseLabels;
}
