package dev.ligature.jit.compiler;

import dev.ligature.jit.compiler.FunctionCompiler.Frame;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Split mode: try bodies that span chunks ({@link SplitEmitter}, {@link ExceptionEmitter}).
 *
 * <p>A try's handler code (the dispatch over its clauses) sits at its end, in one chunk with its
 * legacy catch clauses (the plan cuts none of those). Every other chunk holding part of its body
 * covers that part with a range of its own: from the try (or the chunk's start) to the cut. The
 * range's handler, after the chunk's code, spills the operand stack below the try's height (what
 * a handler sees) with the exception above it and leaves the chunk for an entry point of the
 * try's end chunk ({@link #tryEntry}), whose stub reloads them and goes to the dispatch. A
 * {@code delegate} whose target's dispatch is in a later chunk leaves the same way. In the end
 * chunk the range is the try's ordinary one, begun at the chunk's start.
 *
 * <p>Ranges stay ordered innermost first within each method: those of tries closed in a chunk
 * are registered at their end, those still open at the cut all together, innermost first. A
 * handler reads only stack locals below the try's height, which every path into the range
 * assigns: code before the try in the same chunk computed them, and every entry stub into a label
 * inside the body reloads the stack below that label (at least the try's height) except the
 * bottom values the chunk never touches, which the exit does not spill either; the Wasm locals
 * the chunk caches are loaded before its dispatch, so on every path.
 */
final class SplitTries implements Opcodes {
    private final SplitEmitter split;

    SplitTries(SplitEmitter split) {
        this.split = split;
    }

    /** The try bodies open at this point that may catch, innermost first (the order their ranges must have). */
    List<Frame> openBodies() {
        FunctionCompiler fc = split.fc;
        List<Frame> open = new ArrayList<>();
        for (int i = fc.fp - 1; i >= 0; i--) {
            if (ExceptionEmitter.catchingBody(fc.frames[i])) {
                open.add(fc.frames[i]);
            }
        }
        return open;
    }

    /**
     * At a cut inside the try bodies {@code open} (innermost first): each gets a range over its
     * part of this chunk, ending at {@code rangeEnd}, whose handler takes the exception to the
     * try's dispatch in the chunk holding its end ({@link #throwExit}). The handlers come after
     * {@code rangeEnd}, outside every range of this chunk.
     */
    void closeRanges(List<Frame> open, Label rangeEnd) {
        if (open.isEmpty()) {
            return;
        }
        FunctionCompiler fc = split.fc;
        MethodVisitor m = fc.mv;
        Label[] handlers = new Label[open.size()];
        for (int i = 0; i < handlers.length; i++) {
            ExceptionEmitter.Try t = open.get(i).tr;
            if (t.bodyStart.getOffset() != rangeEnd.getOffset()) {
                handlers[i] = new Label();
                m.visitTryCatchBlock(t.bodyStart, rangeEnd, handlers[i], ExceptionEmitter.THROW);
            }
        }
        int var = fc.nextVar++;
        for (int i = 0; i < handlers.length; i++) {
            if (handlers[i] != null) {
                Frame f = open.get(i);
                m.visitLabel(handlers[i]);
                m.visitVarInsn(ASTORE, var);
                throwExit(tryEntry(f), f.height, var);
            }
        }
    }

    /** At the start of the chunk after a cut: the bodies {@code open} go on here, their ranges start here. */
    void reopen(List<Frame> open) {
        for (Frame f : open) {
            f.tr.bodyStart = new Label();
            split.fc.mv.visitLabel(f.tr.bodyStart);
        }
    }

    /** The chunk holding the end (or delegate) of block frame {@code f}. */
    int endChunk(Frame f) {
        return split.plan.endChunk()[f.ordinal];
    }

    /**
     * The entry point, in the chunk holding the end of try frame {@code f}, that takes an
     * exception to the try's dispatch: it reloads the stack below the try's height and the
     * exception above it (registered on first use).
     */
    int tryEntry(Frame f) {
        if (f.tr.remoteEntry < 0) {
            f.tr.remoteEntry = split.entryLoadingAll(endChunk(f), split.shape(f.height, new char[] {'r'}), f.tr.remoteHandler);
        }
        return f.tr.remoteEntry;
    }

    /**
     * Leaves the chunk for entry {@code id} ({@link #tryEntry}) with the exception in JVM local
     * {@code var}: spills the stack below {@code height} (what a handler of the try sees) and
     * stores the exception above it.
     */
    void throwExit(int id, int height, int var) {
        FunctionCompiler fc = split.fc;
        MethodVisitor m = fc.mv;
        int v = split.valid();
        int p = 0;
        for (int h = 0; h < height; h++) {
            if (h >= v) { // below v the spill area holds the value already
                split.spill(p, h);
            }
            p += SplitEmitter.slots(fc.stack[h]);
        }
        int index = split.spillBase + p;
        split.use('r', index);
        m.visitVarInsn(ALOAD, SplitEmitter.REFS);
        StackEmitter.pushInt(m, index);
        m.visitVarInsn(ALOAD, var);
        m.visitInsn(AASTORE);
        split.leave(id);
    }
}
