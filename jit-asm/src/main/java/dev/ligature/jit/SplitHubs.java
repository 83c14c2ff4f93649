package dev.ligature.jit;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Split mode: a chunk holding the header of a loop whose body spans chunks runs that loop
 * itself, as a hub, instead of going back to the dispatcher on every iteration.
 *
 * <p>Without hubs, every crossing of a loop spanning chunks returns to the dispatcher loop in
 * {@code f<i>}, which calls the next chunk: a CPython-style eval loop (a loop around a br_table
 * whose case bodies fill later chunks) pays two returns, two dispatches and two calls per
 * iteration. A hub's exit, after writing its locals back, calls the chunk of the entry id itself
 * while that chunk lies inside its loops ({@code (hub, end]}, the chunks holding their bodies and
 * ends), and again with what that returns; an id of its own chunk re-enters its dispatch, which
 * reloads the locals from the frame, so the back edge stays inside one method. Any other id
 * (earlier chunks, later ones, {@link SplitEmitter#RETURNED} and the other negative ids) goes
 * back to its caller, which handles every id, so a hub only shortens paths and never changes them.
 *
 * <p>Calls only go forward (to later chunks), so a chain of hubs is at most as long as the chunk
 * count; to bound the JVM stack a split function uses even when sibling loops overlap in chunks
 * like a staircase, the frame counts the hubs currently calling out ({@link #depthIndex}) and
 * past {@link #MAX_DEPTH} a hub returns to its caller instead. Exceptions from a called chunk pass
 * through the hub's exit code, which no exception range covers: a Wasm try that may catch them
 * covers its part of the called chunk with a range of that chunk ({@link SplitTries}).
 */
final class SplitHubs implements Opcodes {
    /** Hubs nested in their calls at most. */
    static final int MAX_DEPTH = 8;
    /** A hub calls at most this many chunks after it. */
    static final int REACH = 100;

    private final SplitEmitter split;
    /** {@link JitOptions#splitHubs()}: off (a measuring aid), every chunk returns to the dispatcher. */
    private final boolean enabled;
    /** Frame index of the count of hubs calling out (just below the spill area). */
    final int depthIndex;
    /** The last chunk inside the loops whose headers the current chunk holds; the chunk itself if none. */
    private int end;

    SplitHubs(SplitEmitter split, int depthIndex, boolean enabled) {
        this.split = split;
        this.enabled = enabled;
        this.depthIndex = depthIndex;
    }

    /** A new chunk starts: a hub only if it holds a loop header of a loop spanning chunks. */
    void startChunk(int chunk) {
        end = chunk;
    }

    /** The current chunk holds the header of a loop whose {@code end} is in chunk {@code endChunk}. */
    void loopSpans(int endChunk) {
        end = Math.max(end, endChunk);
    }

    /** Whether the current chunk is a hub: it holds the header of a loop whose body spans chunks. */
    boolean isHub(int chunk) {
        return enabled && end > chunk;
    }

    /**
     * The hub's call-out, emitted last in its method (its exit tail jumps here with the entry id
     * to leave for in {@code exitVar}, locals written back): calls the chunks of its loops while
     * the id is theirs, re-enters at {@code dispatch} when the id is its own, else returns the id.
     * It reaches as many chunks as fit in the method's room under the size limit, so a hub never
     * makes the plan smaller.
     */
    void emitCallOut(MethodVisitor m, int chunk, int exitVar, Label dispatch) {
        Label here = new Label();
        m.visitLabel(here);
        int room = StackEmitter.HUGE_METHOD_LIMIT - FIXED_BYTES - here.getOffset();
        int reach = Math.min(Math.min(end - chunk, REACH), room / BYTES_PER_CHUNK);
        Label ret = new Label();
        if (reach > 0) {
            emitCalls(m, chunk, reach, exitVar, dispatch, ret);
        }
        m.visitLabel(ret);
        m.visitVarInsn(ILOAD, exitVar);
        m.visitInsn(IRETURN);
    }

    /** Bytecode of the call-out besides its cases, with some margin. */
    private static final int FIXED_BYTES = 120;
    /** Bytecode per chunk reached: a tableswitch entry, a call and a jump. */
    private static final int BYTES_PER_CHUNK = 10;

    private void emitCalls(MethodVisitor m, int chunk, int reach, int exitVar, Label dispatch, Label ret) {
        split.use('I', depthIndex);
        Label call = new Label();
        Label join = new Label();
        Label outPop = new Label();
        Label out = new Label();
        m.visitVarInsn(ILOAD, exitVar);
        m.visitJumpInsn(IFLT, ret); // returned, restart, tail call pending
        m.visitVarInsn(ALOAD, SplitEmitter.FRAME);
        StackEmitter.pushInt(m, depthIndex);
        m.visitInsn(LALOAD);
        m.visitInsn(L2I);
        StackEmitter.pushInt(m, MAX_DEPTH);
        m.visitJumpInsn(IF_ICMPGE, ret);
        addDepth(m, 1);
        m.visitLabel(call);
        // The arguments first, then the switch: each case is only its call.
        m.visitVarInsn(ALOAD, 0);
        m.visitVarInsn(ALOAD, SplitEmitter.FRAME);
        m.visitVarInsn(ALOAD, SplitEmitter.REFS);
        m.visitVarInsn(ILOAD, exitVar);
        m.visitVarInsn(ILOAD, exitVar);
        StackEmitter.pushInt(m, 16);
        m.visitInsn(IUSHR);
        StackEmitter.pushInt(m, chunk + 1);
        m.visitInsn(ISUB);
        Label[] cases = new Label[reach];
        for (int i = 0; i < reach; i++) {
            cases[i] = new Label();
        }
        m.visitTableSwitchInsn(0, reach - 1, outPop, cases); // negative ids and chunks out of reach: out
        for (int i = 0; i < reach; i++) {
            m.visitLabel(cases[i]);
            m.visitMethodInsn(INVOKESTATIC, split.owner, SplitEmitter.chunkName(split.fc.funcIndex, chunk + 1 + i),
                    SplitEmitter.CHUNK_DESC, false);
            if (i < reach - 1) {
                m.visitJumpInsn(GOTO, join);
            }
        }
        m.visitLabel(join);
        m.visitVarInsn(ISTORE, exitVar);
        m.visitJumpInsn(GOTO, call);
        m.visitLabel(outPop);
        m.visitInsn(POP2); // refs, id
        m.visitInsn(POP2); // ctx, frame
        m.visitLabel(out);
        addDepth(m, -1);
        m.visitVarInsn(ILOAD, exitVar);
        StackEmitter.pushInt(m, 16);
        m.visitInsn(IUSHR);
        StackEmitter.pushInt(m, chunk);
        m.visitJumpInsn(IF_ICMPNE, ret);
        // Our own entry: the dispatch reloads the locals the called chunks may have written.
        m.visitVarInsn(ILOAD, exitVar);
        m.visitVarInsn(ISTORE, SplitEmitter.ENTRY);
        m.visitJumpInsn(GOTO, dispatch);
    }

    /** {@code frame[depthIndex] += delta}. */
    private void addDepth(MethodVisitor m, int delta) {
        m.visitVarInsn(ALOAD, SplitEmitter.FRAME);
        StackEmitter.pushInt(m, depthIndex);
        m.visitInsn(DUP2);
        m.visitInsn(LALOAD);
        m.visitInsn(LCONST_1);
        m.visitInsn(delta > 0 ? LADD : LSUB);
        m.visitInsn(LASTORE);
    }
}
