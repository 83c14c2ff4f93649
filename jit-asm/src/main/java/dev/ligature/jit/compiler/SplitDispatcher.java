package dev.ligature.jit.compiler;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.ValType;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The dispatcher of a split function ({@link SplitEmitter}): {@code f<i>} (or the body {@code t<i>}
 * of a function with a trampoline) allocates the heap frame, runs chunks by entry id until one
 * reports the function returned, and returns the results; past {@code SplitEmitter.GROUP} chunks
 * it calls them through group methods {@code d<i>_<g>}.
 */
final class SplitDispatcher implements Opcodes {
    private final SplitEmitter s;

    SplitDispatcher(SplitEmitter s) {
        this.s = s;
    }

    /**
     * {@code f<i>}: allocates the frame, stores the parameters into it, runs chunks until one
     * returns {@link #SplitEmitter.RETURNED}, and returns the results from the spill area.
     */
    void emit(String desc, FuncType type) {
        MethodVisitor m = s.cv.visitMethod(ACC_PUBLIC | ACC_STATIC, s.dispatcherName, desc, null, null);
        m.visitCode();
        Label traced = new Label();
        m.visitLabel(traced);
        int var = 1;
        boolean scratchParams = StackEmitter.paramsInScratch(type);
        // Too many parameter words for a JVM signature: they come in ctx.mv, copied into the frame below.
        List<ValType> ps = scratchParams ? List.of() : type.params();
        int[] paramVars = new int[ps.size()];
        for (int i = 0; i < paramVars.length; i++) {
            paramVars[i] = var;
            var += StackEmitter.width(StackEmitter.typeChar(ps.get(i)));
        }
        int frame = var;
        int refs = var + 1;
        int entry = var + 2;
        int np = type.params().size();
        for (int i = 0; i < np; i++) {
            s.use(StackEmitter.typeChar(type.params().get(i)), s.localSlot[i]);
        }
        // Frames live on the heap, not the JVM stack: bound what recursion may hold, or deep
        // recursion of a function with many locals would run out of heap before stack. Each call
        // also counts a fixed cost, which bounds the depth (about 100,000 calls, the interpreter's
        // bound): unwinding a very deep stack through the handler below would take long.
        // The budget is checked before this call counts, so any one call of any function may run.
        long size = s.longsSize + s.refsSize + SplitEmitter.CALL_COST;
        Label guarded = new Label();
        Label unguarded = new Label();
        Label release = new Label();
        Label fits = new Label();
        m.visitTryCatchBlock(guarded, unguarded, release, null);
        m.visitVarInsn(ALOAD, 0);
        m.visitFieldInsn(GETFIELD, StackEmitter.CTX, "splitFrameSlots", "J");
        m.visitLdcInsn(JitInstance.SPLIT_FRAME_BUDGET);
        m.visitInsn(LCMP);
        m.visitJumpInsn(IFLE, fits);
        m.visitTypeInsn(NEW, "java/lang/StackOverflowError"); // the boundary reports "call stack exhausted"
        m.visitInsn(DUP);
        m.visitMethodInsn(INVOKESPECIAL, "java/lang/StackOverflowError", "<init>", "()V", false);
        m.visitInsn(ATHROW);
        m.visitLabel(fits);
        countFrame(m, size, LADD);
        m.visitLabel(guarded);
        StackEmitter.pushInt(m, s.longsSize);
        m.visitIntInsn(NEWARRAY, T_LONG);
        m.visitVarInsn(ASTORE, frame);
        StackEmitter.pushInt(m, s.refsSize);
        m.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        m.visitVarInsn(ASTORE, refs);
        for (int i = 0; i < paramVars.length; i++) {
            s.storeVar(m, StackEmitter.typeChar(ps.get(i)), s.localSlot[i], paramVars[i], frame, refs);
        }
        if (scratchParams) {
            // Slot form in ctx.mv/ctx.mvRefs is the frame's encoding: copy slot by slot.
            for (int i = 0, slot = 0; i < np; i++) {
                char t = StackEmitter.typeChar(type.params().get(i));
                for (int half = 0; half < SplitEmitter.slots(t); half++, slot++) {
                    boolean ref = t == 'r';
                    m.visitVarInsn(ALOAD, ref ? refs : frame);
                    StackEmitter.pushInt(m, s.localSlot[i] + half);
                    m.visitVarInsn(ALOAD, 0);
                    m.visitFieldInsn(GETFIELD, StackEmitter.CTX, ref ? "mvRefs" : "mv", ref ? "[Ljava/lang/Object;" : "[J");
                    StackEmitter.pushInt(m, slot);
                    m.visitInsn(ref ? AALOAD : LALOAD);
                    m.visitInsn(ref ? AASTORE : LASTORE);
                }
            }
        }
        m.visitInsn(ICONST_0);
        m.visitVarInsn(ISTORE, entry);
        Label loop = new Label();
        Label done = new Label();
        Label bad = new Label();
        Label run = new Label();
        m.visitLabel(loop);
        m.visitVarInsn(ILOAD, entry);
        m.visitJumpInsn(IFGE, run);
        m.visitVarInsn(ILOAD, entry);
        StackEmitter.pushInt(m, SplitEmitter.RETURNED);
        m.visitJumpInsn(IF_ICMPEQ, done);
        Label pending = new Label();
        m.visitVarInsn(ILOAD, entry);
        StackEmitter.pushInt(m, SplitEmitter.TAIL_PENDING);
        m.visitJumpInsn(IF_ICMPEQ, pending);
        // A self tail call: the parameters hold the new arguments; every other local starts at zero again.
        int firstLocal = np < s.localSlot.length ? s.localSlot[np] : s.spillBase;
        int longsFrom = Math.min(firstLocal, s.longsSize);
        int refsFrom = Math.min(firstLocal, s.refsSize);
        m.visitVarInsn(ALOAD, frame);
        StackEmitter.pushInt(m, longsFrom);
        StackEmitter.pushInt(m, Math.max(longsFrom, Math.min(s.spillBase, s.longsSize)));
        m.visitInsn(LCONST_0);
        m.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([JIIJ)V", false);
        m.visitVarInsn(ALOAD, refs);
        StackEmitter.pushInt(m, refsFrom);
        StackEmitter.pushInt(m, Math.max(refsFrom, Math.min(s.spillBase, s.refsSize)));
        m.visitInsn(ACONST_NULL);
        m.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([Ljava/lang/Object;IILjava/lang/Object;)V", false);
        m.visitInsn(ICONST_0);
        m.visitVarInsn(ISTORE, entry);
        m.visitLabel(run);
        m.visitVarInsn(ILOAD, entry);
        int chunks = s.plan.chunks();
        boolean grouped = chunks > SplitEmitter.GROUP;
        int cases = grouped ? (chunks + SplitEmitter.GROUP - 1) / SplitEmitter.GROUP : chunks;
        StackEmitter.pushInt(m, grouped ? 24 : 16);
        m.visitInsn(IUSHR);
        Label[] targets = new Label[cases];
        for (int i = 0; i < cases; i++) {
            targets[i] = new Label();
        }
        m.visitTableSwitchInsn(0, cases - 1, bad, targets);
        for (int i = 0; i < cases; i++) {
            m.visitLabel(targets[i]);
            m.visitVarInsn(ALOAD, 0);
            m.visitVarInsn(ALOAD, frame);
            m.visitVarInsn(ALOAD, refs);
            m.visitVarInsn(ILOAD, entry);
            m.visitMethodInsn(INVOKESTATIC, s.owner, grouped ? groupName(i) : SplitEmitter.chunkName(s.fc.funcIndex, i), SplitEmitter.CHUNK_DESC, false);
            m.visitVarInsn(ISTORE, entry);
            m.visitJumpInsn(GOTO, loop);
        }
        m.visitLabel(bad);
        s.throwBadEntry(m);
        m.visitLabel(unguarded);
        m.visitLabel(release);
        releaseFrame(m, size); // with the exception on the JVM stack, under what this uses
        m.visitInsn(ATHROW);
        m.visitLabel(pending);
        releaseFrame(m, size);
        // The trampoline around this body runs the pending call; what is returned here is ignored.
        List<ValType> rs = type.results();
        if (StackEmitter.returnsDirectly(type)) {
            char t = StackEmitter.typeChar(rs.get(0));
            switch (t) {
                case 'i' -> { m.visitInsn(ICONST_0); m.visitInsn(IRETURN); }
                case 'I' -> { m.visitInsn(LCONST_0); m.visitInsn(LRETURN); }
                case 'f' -> { m.visitInsn(FCONST_0); m.visitInsn(FRETURN); }
                case 'F' -> { m.visitInsn(DCONST_0); m.visitInsn(DRETURN); }
                default -> { m.visitInsn(ACONST_NULL); m.visitInsn(ARETURN); }
            }
        } else {
            m.visitInsn(RETURN);
        }
        m.visitLabel(done);
        releaseFrame(m, size);
        if (StackEmitter.returnsDirectly(type)) {
            char t = StackEmitter.typeChar(rs.get(0));
            m.visitVarInsn(ALOAD, t == 'r' ? refs : frame);
            StackEmitter.pushInt(m, s.spillBase);
            SplitEmitter.loadSlot(m, t);
            m.visitInsn(switch (t) { case 'i' -> IRETURN; case 'I' -> LRETURN; case 'f' -> FRETURN; case 'r' -> ARETURN; default -> DRETURN; });
        } else {
            // Several results go to ctx.mv/ctx.mvRefs in slot form: the frame's encoding already.
            int p = 0;
            for (int i = 0; i < rs.size(); i++) {
                char t = StackEmitter.typeChar(rs.get(i));
                boolean ref = t == 'r';
                for (int half = 0; half < SplitEmitter.slots(t); half++, p++) { // slot p of ctx.mv is frame index s.spillBase + p
                    m.visitVarInsn(ALOAD, 0);
                    m.visitFieldInsn(GETFIELD, StackEmitter.CTX, ref ? "mvRefs" : "mv", ref ? "[Ljava/lang/Object;" : "[J");
                    StackEmitter.pushInt(m, p);
                    m.visitVarInsn(ALOAD, ref ? refs : frame);
                    StackEmitter.pushInt(m, s.spillBase + p);
                    m.visitInsn(ref ? AALOAD : LALOAD);
                    m.visitInsn(ref ? AASTORE : LASTORE);
                }
            }
            m.visitInsn(RETURN);
        }
        StackEmitter.frameHandler(m, traced, s.fc.funcIndex);
        s.end(m);
        if (grouped) {
            for (int g = 0; g < cases; g++) {
                emitGroup(g, Math.min(SplitEmitter.GROUP, chunks - g * SplitEmitter.GROUP));
            }
        }
    }

    private static void releaseFrame(MethodVisitor m, long size) {
        countFrame(m, size, LSUB);
    }

    /** {@code ctx.splitFrameSlots += size} ({@code LADD}) or {@code -= size} ({@code LSUB}). */
    private static void countFrame(MethodVisitor m, long size, int op) {
        m.visitVarInsn(ALOAD, 0);
        m.visitInsn(DUP);
        m.visitFieldInsn(GETFIELD, StackEmitter.CTX, "splitFrameSlots", "J");
        m.visitLdcInsn(size);
        m.visitInsn(op);
        m.visitFieldInsn(PUTFIELD, StackEmitter.CTX, "splitFrameSlots", "J");
    }

    private String groupName(int g) {
        return "d" + s.fc.funcIndex + "_" + g;
    }

    /** {@code d<i>_<g>}: calls the chunk of the entry among chunks {@code g*SplitEmitter.GROUP ..}, returns what it returns. */
    private void emitGroup(int g, int count) {
        MethodVisitor m = s.cv.visitMethod(ACC_STATIC | ACC_SYNTHETIC, groupName(g), SplitEmitter.CHUNK_DESC, null, null);
        m.visitCode();
        Label bad = new Label();
        Label[] targets = new Label[count];
        for (int i = 0; i < count; i++) {
            targets[i] = new Label();
        }
        m.visitVarInsn(ILOAD, SplitEmitter.ENTRY);
        StackEmitter.pushInt(m, 16);
        m.visitInsn(IUSHR);
        StackEmitter.pushInt(m, g * SplitEmitter.GROUP);
        m.visitInsn(ISUB);
        m.visitTableSwitchInsn(0, count - 1, bad, targets);
        for (int i = 0; i < count; i++) {
            m.visitLabel(targets[i]);
            m.visitVarInsn(ALOAD, 0);
            m.visitVarInsn(ALOAD, SplitEmitter.FRAME);
            m.visitVarInsn(ALOAD, SplitEmitter.REFS);
            m.visitVarInsn(ILOAD, SplitEmitter.ENTRY);
            m.visitMethodInsn(INVOKESTATIC, s.owner, SplitEmitter.chunkName(s.fc.funcIndex, g * SplitEmitter.GROUP + i), SplitEmitter.CHUNK_DESC, false);
            m.visitInsn(IRETURN);
        }
        m.visitLabel(bad);
        s.throwBadEntry(m);
        s.end(m);
    }
}
