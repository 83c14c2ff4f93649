package dev.ligature.jit.compiler;

import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.FuncType;
import dev.ligature.jit.compiler.FunctionCompiler.Frame;
import dev.ligature.jit.compiler.FunctionCompiler.Kind;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

/**
 * Wasm exceptions in compiled code, both forms: {@code try_table} with its catch clauses, and the
 * legacy {@code try}/{@code catch}/{@code catch_all}/{@code delegate}/{@code rethrow}.
 *
 * <p>A Wasm exception is a {@code WasmThrow} in flight; it crosses compiled, interpreted and host
 * frames alike. A try body is one JVM exception-table range catching only {@code WasmThrow}, so
 * traps and JVM errors ({@code StackOverflowError}) pass through untouched. Ranges are registered
 * when a try ends, so inner tries come first in the table and win. The handler code sits at the
 * try's end, inside the ranges of exactly the tries that enclose it: a clause that does not match
 * re-throws there and the enclosing handlers see it. It stores the exception in one JVM local, then
 * the dispatch compares tags by identity (imported tags are the same objects) and unpacks the
 * payload into the Wasm stack slots of the target. The JVM empties its operand stack on a catch;
 * Wasm values live in JVM locals here, so nothing is lost and every handler frame is consistent.
 *
 * <p>{@code delegate} jumps straight to the dispatch of the try its label names (or the next one
 * out that is still in its body), and past the outermost to a stub after the function's code that
 * no range covers, so the exception leaves the function.
 *
 * <p>In split mode a try body may span chunks: each chunk holding part of it covers that part
 * with a range of its own, and those before the try's end pass what they catch on to the
 * dispatch through an entry point of the end's chunk ({@link SplitTries}); so does a delegate
 * whose target's dispatch is in a later chunk. The stub that re-throws out of the function is
 * per chunk, after the chunk's code.
 */
final class ExceptionEmitter implements Opcodes {
    static final String THROW = "dev/ligature/core/runtime/WasmThrow";

    /** A try body's exception state, attached to its {@link Frame}. */
    static final class Try {
        /** Start of the body's range in the method being emitted: a chunk that starts inside the body moves it to its start. */
        Label bodyStart = new Label();
        Label bodyEnd;
        final Label handler = new Label();
        /** Dispatch of an exception (already in the exception local): delegates to this try jump here. */
        final Label dispatch = new Label();
        boolean dispatchUsed;
        /** Legacy try: past the body, in a catch clause (the try no longer covers code). */
        boolean inCatch;
        /**
         * Legacy try: the caught exception, for {@code rethrow}; a local of the method holding the
         * catch clauses, allocated at the first one (split mode cuts no catch clauses).
         */
        int caughtVar = -1;
        /** Legacy clauses as (tag or -1 for catch_all, entry label). */
        final List<Object[]> legacy = new ArrayList<>();
        /** try_table clauses. */
        int[] kinds;
        int[] tags;
        int[] labels;
        /** Legacy delegate. */
        boolean delegates;
        /** Legacy delegate: the try whose dispatch the exception goes to, or null (see {@link #delegateOut}). */
        Frame delegateTo;
        /** Legacy delegate without a target try: re-throw through the stub no range covers (else in place). */
        boolean delegateOut;
        /**
         * Split mode: once a chunk before the one holding the try's end has code in its body, the
         * entry point there that takes an exception caught in that chunk (the stack below the
         * try's height plus the exception) to the dispatch; -1 until then.
         */
        int remoteEntry = -1;
        /** The code at that entry point: moves the exception into the exception local. */
        final Label remoteHandler = new Label();
    }

    private final FunctionCompiler c;
    /** JVM local holding the exception being dispatched. */
    private final int exnVar;
    /** Re-throws out of the function; emitted after the function's code, outside every range. */
    private final Label rethrowOut = new Label();
    private boolean rethrowOutUsed;

    ExceptionEmitter(FunctionCompiler c) {
        this.c = c;
        this.exnVar = c.nextVar++;
    }

    void instruction(Opcode op, CodeReader r) {
        switch (op) {
            case TRY, TRY_TABLE -> {
                char[][] bt = new char[2][];
                c.blockType(r, bt);
                Frame f = c.push(op == Opcode.TRY ? Kind.TRY : Kind.TRY_TABLE, bt[0], bt[1]);
                Try t = new Try();
                f.tr = t;
                if (op == Opcode.TRY_TABLE) {
                    int n = r.catchCount();
                    t.kinds = new int[n];
                    t.tags = new int[n];
                    t.labels = new int[n];
                    for (int i = 0; i < n; i++) {
                        t.kinds[i] = r.catchKind(i);
                        t.tags[i] = (int) r.catchTag(i);
                        // Clause labels count from the context outside the try_table.
                        t.labels[i] = c.fp - 2 - (int) r.catchLabel(i);
                    }
                }
                c.mv.visitLabel(t.bodyStart);
            }
            case CATCH, CATCH_ALL -> legacyCatch(op == Opcode.CATCH ? (int) r.index() : -1);
            case DELEGATE -> {
                Frame f = c.frames[c.fp - 1];
                // The label counts from the context outside the try.
                f.tr.delegates = true;
                delegateTarget(f.tr, c.fp - 2 - (int) r.index());
                c.end();
            }
            case THROW -> {
                int tag = (int) r.index();
                FuncType ft = shape().funcType(shape().tagTypeIndex(tag));
                c.stageArgs(ft, 0);
                c.mv.visitVarInsn(ALOAD, 0);
                StackEmitter.pushInt(c.mv, tag);
                c.mv.visitMethodInsn(INVOKESTATIC, StackEmitter.RUNTIME, "exception",
                        "(L" + StackEmitter.CTX + ";I)L" + THROW + ";", false);
                c.mv.visitInsn(ATHROW);
                c.dead = true;
            }
            case THROW_REF -> {
                c.loadAt(--c.sp);
                c.mv.visitMethodInsn(INVOKESTATIC, StackEmitter.RUNTIME, "rethrow", "(Ljava/lang/Object;)L" + THROW + ";", false);
                c.mv.visitInsn(ATHROW);
                c.dead = true;
            }
            case RETHROW -> {
                Frame f = c.label(r.index());
                c.mv.visitVarInsn(ALOAD, f.tr.caughtVar);
                c.mv.visitTypeInsn(CHECKCAST, THROW);
                c.mv.visitInsn(ATHROW);
                c.dead = true;
            }
            default -> throw new IllegalArgumentException(op.mnemonic());
        }
    }

    private ModuleShape shape() {
        return c.shape;
    }

    /**
     * Where an exception goes that is thrown "at" frame {@code index}: the dispatch of the innermost
     * try at or outside it whose body is still open; else out of the function, in place when no
     * try body encloses the delegate, through the stub that no range covers when one does.
     */
    private void delegateTarget(Try t, int index) {
        for (int i = index; i >= 0; i--) {
            Frame f = c.frames[i];
            if (f.tr != null && !f.tr.inCatch) {
                f.tr.dispatchUsed = true;
                t.delegateTo = f;
                return;
            }
        }
        for (int i = index + 1; i < c.fp - 1; i++) {
            if (c.frames[i].tr != null && !c.frames[i].tr.inCatch) {
                t.delegateOut = true;
                return;
            }
        }
    }

    /**
     * Whether the body of try frame {@code f} is open and may catch, so that a chunk ending or
     * starting inside it needs an exception range there (split mode). A legacy try may still
     * turn out to have no clause: its dispatch then re-throws, as it would with clauses that do
     * not match.
     */
    static boolean catchingBody(Frame f) {
        return f.tr != null && !f.tr.inCatch && (f.tr.kinds == null || f.tr.kinds.length > 0);
    }

    private void endBody(Frame f, boolean fallsThrough) {
        if (fallsThrough) {
            c.mv.visitJumpInsn(GOTO, f.label);
            f.targeted = true;
        }
        if (f.tr.bodyEnd == null) {
            f.tr.bodyEnd = new Label();
            c.mv.visitLabel(f.tr.bodyEnd);
        }
    }

    private void legacyCatch(int tag) {
        Frame f = c.frames[c.fp - 1];
        Try t = f.tr;
        endBody(f, !c.dead);
        t.inCatch = true;
        if (t.caughtVar < 0) {
            t.caughtVar = c.nextVar++;
        }
        Label entry = new Label();
        c.mv.visitLabel(entry);
        t.legacy.add(new Object[] {tag, entry});
        c.sp = f.height;
        if (tag >= 0) {
            unpack(tag, t.caughtVar);
        }
        c.dead = false;
    }

    /** Pushes the payload of the exception in {@code var} (of tag {@code tag}) onto the Wasm stack. */
    private void unpack(int tag, int var) {
        FuncType ft = shape().funcType(shape().tagTypeIndex(tag));
        int slot = 0; // payload index in slot form: one per value, two for a v128
        for (int i = 0; i < ft.params().size(); i++) {
            char t = c.checkedType(ft.params().get(i));
            int halves = t == 'V' ? 2 : 1;
            for (int half = 0; half < halves; half++) {
                c.mv.visitVarInsn(ALOAD, var);
                c.mv.visitTypeInsn(CHECKCAST, THROW);
                if (t == 'r') {
                    c.mv.visitMethodInsn(INVOKEVIRTUAL, THROW, "payloadRefs", "()[Ljava/lang/Object;", false);
                    StackEmitter.pushInt(c.mv, slot);
                    c.mv.visitInsn(AALOAD);
                } else {
                    c.mv.visitMethodInsn(INVOKEVIRTUAL, THROW, "payload", "()[J", false);
                    StackEmitter.pushInt(c.mv, slot);
                    c.mv.visitInsn(LALOAD);
                    if (t != 'V') {
                        StackEmitter.fromSlot(c.mv, t);
                    }
                }
                slot++;
            }
            c.storeAt(c.sp++, t);
        }
    }

    /** Jumps if the exception in the exception local does not carry tag {@code tag}. */
    private void unlessTag(int tag, Label otherwise) {
        c.mv.visitVarInsn(ALOAD, exnVar);
        c.mv.visitVarInsn(ALOAD, 0);
        StackEmitter.pushInt(c.mv, tag);
        c.mv.visitMethodInsn(INVOKESTATIC, StackEmitter.RUNTIME, "hasTag", "(Ljava/lang/Object;L" + StackEmitter.CTX + ";I)Z", false);
        c.mv.visitJumpInsn(IFEQ, otherwise);
    }

    /** At the end of a try (any form): closes the body's range and emits its handler code. */
    void endTry(Frame f, boolean fallsThrough) {
        Try t = f.tr;
        endBody(f, fallsThrough);
        boolean catches = t.delegates || (t.kinds != null ? t.kinds.length > 0 : !t.legacy.isEmpty());
        boolean remote = t.remoteEntry >= 0;
        if (!catches && !t.dispatchUsed && !remote) {
            return;
        }
        if (catches && t.bodyStart.getOffset() != t.bodyEnd.getOffset()) {
            c.mv.visitTryCatchBlock(t.bodyStart, t.bodyEnd, t.handler, THROW);
        }
        if (remote) {
            // Caught in an earlier chunk, whose handler spilled the stack below the try and the
            // exception above it; the entry stub reloaded them into this chunk's stack locals.
            c.mv.visitLabel(t.remoteHandler);
            c.load('r', c.stackVar(f.height, 'r'));
            c.mv.visitVarInsn(ASTORE, exnVar);
            c.mv.visitJumpInsn(GOTO, t.dispatch);
        }
        c.mv.visitLabel(t.handler);
        c.mv.visitVarInsn(ASTORE, exnVar);
        c.mv.visitLabel(t.dispatch);
        if (t.delegates && t.delegateTo != null) {
            SplitEmitter split = c.split();
            if (split != null && split.tries.endChunk(t.delegateTo) != split.chunk) {
                // The target's dispatch is in a later chunk: go there as its earlier chunks' handlers do.
                split.tries.throwExit(split.tries.tryEntry(t.delegateTo), t.delegateTo.height, exnVar);
            } else {
                c.mv.visitJumpInsn(GOTO, t.delegateTo.tr.dispatch);
            }
            return;
        }
        if (t.delegates && t.delegateOut) {
            rethrowOutUsed = true;
            c.mv.visitJumpInsn(GOTO, rethrowOut);
            return;
        }
        if (t.delegates) {
            // Out of the function: falls to the re-throw below; no try body encloses it.
        } else if (t.kinds == null) {
            for (Object[] clause : t.legacy) {
                int tag = (Integer) clause[0];
                Label next = new Label();
                if (tag >= 0) {
                    unlessTag(tag, next);
                }
                c.mv.visitVarInsn(ALOAD, exnVar);
                c.mv.visitVarInsn(ASTORE, t.caughtVar);
                c.mv.visitJumpInsn(GOTO, (Label) clause[1]);
                c.mv.visitLabel(next);
            }
        } else {
            for (int i = 0; i < t.kinds.length; i++) {
                int kind = t.kinds[i];
                Label next = new Label();
                if (kind == CodeReader.CATCH || kind == CodeReader.CATCH_REF) {
                    unlessTag(t.tags[i], next);
                }
                c.sp = f.height;
                if (kind == CodeReader.CATCH || kind == CodeReader.CATCH_REF) {
                    unpack(t.tags[i], exnVar);
                }
                if (kind == CodeReader.CATCH_REF || kind == CodeReader.CATCH_ALL_REF) {
                    c.mv.visitVarInsn(ALOAD, exnVar);
                    c.storeAt(c.sp++, 'r');
                }
                c.branch(c.frames[t.labels[i]]);
                c.mv.visitLabel(next);
            }
        }
        // No clause matched: on to the handlers around this try.
        c.mv.visitVarInsn(ALOAD, exnVar);
        c.mv.visitTypeInsn(CHECKCAST, THROW);
        c.mv.visitInsn(ATHROW);
    }

    /** After the function's code: the stub that re-throws out of the function, if a delegate needs it. */
    void finish() {
        if (rethrowOutUsed) {
            c.mv.visitLabel(rethrowOut);
            c.mv.visitVarInsn(ALOAD, exnVar);
            c.mv.visitTypeInsn(CHECKCAST, THROW);
            c.mv.visitInsn(ATHROW);
        }
    }
}
