package dev.ligature.jit.compiler;

import java.util.Arrays;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Split mode: which locals an entry point of a chunk loads from the frame, and when locals go
 * back to it ({@link SplitEmitter}).
 *
 * <p>A chunk of an eval loop's case bodies is entered once per opcode, at one case; loading every
 * local the whole chunk uses there, and writing back every local it sets anywhere on the way out,
 * costs more than the case itself. So a local set outside the chunk's loops is stored to the frame
 * at once (written through), and only locals set inside a loop whose header is in the chunk are
 * written back at its exits (as before: a hot loop inside one chunk keeps them in JVM locals). An
 * entry loads the locals read at or after its label, plus those written back (the exits read
 * them). That is enough because a path from an entry only runs forward in the chunk's code, but
 * for back edges of the chunk's loops (from the first loop header on, when it precedes the label)
 * and a try's handler code at the chunk's end, which jumps back into catch clauses after the
 * try's body: an entry that is such handler code loads every local the chunk reads.
 *
 * <p>Each entry's stub loads its locals; when that takes too much bytecode (many entries, many
 * locals), the nested load sets (a later start loads a subset) make a ladder instead: a switch on
 * the entry jumps to the rung of its region, rungs fall through to the last, which loads the
 * written-back locals, and a second switch goes to the entry's stub.
 *
 * <p>With {@link dev.ligature.jit.JitOptions#splitEntryLoads()} off (a measuring aid) every entry loads every local
 * and every set one is written back at the exits.
 */
final class EntryLoads {
    /**
     * Up to about this many bytes of loads, each entry's stub loads its own locals: one switch
     * on the entry, not the ladder's two (a second indirect jump on every crossing).
     */
    static final int PER_STUB_BYTES = 1_500;


    /**
     * The rungs of a ladder.
     *
     * @param rungs the distinct region starts (bytecode offsets), ascending: rung k loads the
     *     locals last read in {@code [rungs[k], rungs[k+1])}
     * @param rungOf per entry point, its rung
     */
    record Ladder(int[] rungs, int[] rungOf) {}

    private EntryLoads() {}

    /** The ladder for entry points whose regions start at {@code starts} (-1: the whole chunk). */
    static Ladder ladder(int[] starts) {
        int[] sorted = starts.clone();
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = Math.max(0, sorted[i]);
        }
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        int[] rungs = Arrays.copyOf(sorted, n);
        int[] rungOf = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            rungOf[i] = Arrays.binarySearch(rungs, Math.max(0, starts[i]));
        }
        return new Ladder(rungs, rungOf);
    }

    /** Sets JVM local {@code var} (of Wasm type letter {@code t}) to zero bits (null for a reference). */
    static void zero(MethodVisitor m, char t, int var) {
        switch (t) {
            case 'i' -> { m.visitInsn(Opcodes.ICONST_0); m.visitVarInsn(Opcodes.ISTORE, var); }
            case 'I' -> { m.visitInsn(Opcodes.LCONST_0); m.visitVarInsn(Opcodes.LSTORE, var); }
            case 'f' -> { m.visitInsn(Opcodes.FCONST_0); m.visitVarInsn(Opcodes.FSTORE, var); }
            case 'F' -> { m.visitInsn(Opcodes.DCONST_0); m.visitVarInsn(Opcodes.DSTORE, var); }
            case 'r' -> { m.visitInsn(Opcodes.ACONST_NULL); m.visitVarInsn(Opcodes.ASTORE, var); }
            case 'V' -> {
                m.visitInsn(Opcodes.LCONST_0);
                m.visitVarInsn(Opcodes.LSTORE, var);
                m.visitInsn(Opcodes.LCONST_0);
                m.visitVarInsn(Opcodes.LSTORE, var + 2);
            }
            default -> throw new IllegalStateException("no zero for type letter " + t);
        }
    }
}
