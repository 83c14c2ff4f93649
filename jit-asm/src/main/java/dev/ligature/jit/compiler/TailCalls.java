package dev.ligature.jit.compiler;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.ValType;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code return_call}, {@code return_call_indirect} and {@code return_call_ref} in constant JVM stack.
 *
 * <p>The runtime's protocol: a function may return leaving {@code ExecContext.tailCall} set, with
 * the callee's arguments in slot form at its own base; whoever called it runs that callee next at
 * the same base. Compiled code takes part like this:
 * <ul>
 *   <li>A self tail call stores the arguments into the parameters and jumps to the start.</li>
 *   <li>A tail call to a function of this module that cannot itself tail call elsewhere is a plain
 *       call and return: it adds one bounded JVM frame, not a chain (not inside a try body, whose
 *       handlers must not see the callee's exceptions).</li>
 *   <li>Any other tail call stages the arguments in {@code ctx.mv}, sets the pending callee and
 *       returns a dummy value. Such a function ({@link ModuleShape#tailCalls}) compiles its body
 *       as {@code t<i>}; {@code f<i>}, which every caller calls, is a trampoline around it: when
 *       the body left a call pending, {@link JitRuntime#trampoline} runs the chain at the top of
 *       the slots, through {@code s<i>} entries (a body in slot form that leaves the next tail call
 *       pending instead of running it) until a function returns normally. The JVM stack stays flat
 *       for mutual recursion across functions and modules; interpreted and host callees just run.</li>
 * </ul>
 * Functions without such tail calls compile exactly as before.
 */
final class TailCalls implements Opcodes {
    private final FunctionCompiler c;

    TailCalls(FunctionCompiler c) {
        this.c = c;
    }

    /** The body of a function with a trampoline. */
    static String bodyName(int funcIndex) {
        return "t" + funcIndex;
    }

    /** {@code s<i>(JitInstance, int base)}: the body in slot form, leaving a tail call pending. */
    static String stepName(int funcIndex) {
        return "s" + funcIndex;
    }

    void returnCall(int callee) {
        ModuleShape s = c.shape;
        if (callee == c.funcIndex) {
            selfCall();
            return;
        }
        if (callee >= s.importedFuncs && !s.tailCalls(callee) && !insideTry()) {
            c.call(callee);
            c.emitReturn();
            c.dead = true;
            return;
        }
        c.stageArgs(s.typeOfFunction(callee), 0);
        c.mv.visitVarInsn(ALOAD, 0);
        c.mv.visitVarInsn(ALOAD, 0);
        c.mv.visitFieldInsn(GETFIELD, StackEmitter.CTX, "functions", "[L" + StackEmitter.WASM_FUNCTION + ";");
        StackEmitter.pushInt(c.mv, callee);
        c.mv.visitInsn(AALOAD);
        leave();
    }

    void returnCallIndirect(int typeIndex, int table) {
        FuncType ft = c.shape.funcType(typeIndex);
        int idx = --c.sp;
        c.stageArgs(ft, 0);
        c.mv.visitVarInsn(ALOAD, 0);
        c.mv.visitVarInsn(ALOAD, 0);
        c.mv.visitLdcInsn(JitRuntime.typeIdConstant(typeIndex)); // not a literal: ids belong to the JVM
        StackEmitter.pushInt(c.mv, table);
        c.unsignedAt(idx);
        c.mv.visitMethodInsn(INVOKESTATIC, StackEmitter.RUNTIME, "indirect",
                "(L" + StackEmitter.CTX + ";IIJ)L" + StackEmitter.WASM_FUNCTION + ";", false);
        leave();
    }

    void returnCallRef(int typeIndex) {
        FuncType ft = c.shape.funcType(typeIndex);
        int ref = --c.sp;
        c.stageArgs(ft, 0);
        c.mv.visitVarInsn(ALOAD, 0);
        c.load('r', c.stackVar(ref, 'r'));
        c.mv.visitMethodInsn(INVOKESTATIC, StackEmitter.RUNTIME, "funcRef",
                "(Ljava/lang/Object;)L" + StackEmitter.WASM_FUNCTION + ";", false);
        leave();
    }

    private boolean insideTry() {
        for (int i = 0; i < c.fp; i++) {
            if (c.frames[i].tr != null && !c.frames[i].tr.inCatch) {
                return true;
            }
        }
        return false;
    }

    /** With (ctx, callee) on the JVM stack and the arguments staged: marks the call pending and returns. */
    private void leave() {
        c.mv.visitMethodInsn(INVOKESTATIC, StackEmitter.RUNTIME, "tail",
                "(L" + StackEmitter.CTX + ";L" + StackEmitter.WASM_FUNCTION + ";)V", false);
        List<ValType> rs = c.type().results();
        if (c.split() != null) {
            // A chunk returns an entry id: this one tells the dispatcher to leave ctx.mv alone.
            c.split().tailPending();
        } else if (StackEmitter.returnsDirectly(c.type())) {
            char t = StackEmitter.typeChar(rs.get(0));
            c.pushZero(t);
            c.mv.visitInsn(returnOp(t));
        } else {
            c.mv.visitInsn(RETURN);
        }
        c.dead = true;
    }

    /** A tail call to the function itself: new arguments into the parameters, then from the top. */
    private void selfCall() {
        int n = c.type().params().size();
        int first = c.sp - n;
        for (int i = 0; i < n; i++) {
            c.loadAt(first + i);
        }
        SplitEmitter split = c.split();
        for (int i = n - 1; i >= 0; i--) {
            if (split != null) {
                split.storeLocal(i, c.localTypes[i]);
            } else {
                c.store(c.localTypes[i], c.localVars[i]);
            }
        }
        c.sp = first;
        // The jump makes a loop: check for interruption as loops do.
        StackEmitter.interruptCheck(c.mv);
        if (split != null) {
            split.restart(); // the dispatcher zeroes the other locals and runs the first chunk again
        } else {
            c.mv.visitJumpInsn(GOTO, c.start);
        }
        c.dead = true;
    }

    /** {@code f<i>}: calls the body {@code t<i>}, then runs any tail call chain it left pending. */
    void emitTrampoline(ClassVisitor cv, String owner, String desc, FuncType type) {
        int fi = c.funcIndex;
        MethodVisitor m = cv.visitMethod(ACC_PUBLIC | ACC_STATIC, FunctionCompiler.methodName(fi), desc, null, null);
        m.visitCode();
        m.visitVarInsn(ALOAD, 0);
        int var = 1;
        // A function with too many parameter words takes them in ctx.mv, and so does its body.
        for (ValType p : StackEmitter.paramsInScratch(type) ? List.<ValType>of() : type.params()) {
            char t = StackEmitter.typeChar(p);
            if (t == 'V') {
                m.visitVarInsn(LLOAD, var);
                m.visitVarInsn(LLOAD, var + 2);
            } else {
                m.visitVarInsn(loadOp(t), var);
            }
            var += StackEmitter.width(t);
        }
        m.visitMethodInsn(INVOKESTATIC, owner, bodyName(fi), desc, false);
        List<ValType> rs = type.results();
        // Results that are not returned directly (several, or a v128) are in ctx.mv in slot form.
        char rt = StackEmitter.returnsDirectly(type) ? StackEmitter.typeChar(rs.get(0)) : 0;
        if (rt != 0) {
            m.visitVarInsn(storeOp(rt), var);
        }
        Label pending = new Label();
        pendingCall(m);
        m.visitJumpInsn(IFNONNULL, pending);
        if (rt != 0) {
            m.visitVarInsn(loadOp(rt), var);
            m.visitInsn(returnOp(rt));
        } else {
            m.visitInsn(RETURN);
        }
        m.visitLabel(pending);
        m.visitVarInsn(ALOAD, 0);
        m.visitMethodInsn(INVOKESTATIC, StackEmitter.RUNTIME, "trampoline", "(L" + StackEmitter.CTX + ";)V", false);
        if (rt == 0) {
            // Several results (or none) are in ctx.mv already, where callers read them.
            m.visitInsn(RETURN);
        } else {
            m.visitVarInsn(ALOAD, 0);
            if (rt == 'r') {
                m.visitFieldInsn(GETFIELD, StackEmitter.CTX, "mvRefs", "[Ljava/lang/Object;");
                m.visitInsn(ICONST_0);
                m.visitInsn(AALOAD);
            } else {
                m.visitFieldInsn(GETFIELD, StackEmitter.CTX, "mv", "[J");
                m.visitInsn(ICONST_0);
                m.visitInsn(LALOAD);
                StackEmitter.fromSlot(m, rt);
            }
            m.visitInsn(returnOp(rt));
        }
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /**
     * In {@code s<i>}, right after the body returned with its result (if one) on the JVM stack: if
     * it left a tail call pending, moves the staged arguments to {@code base} and returns.
     */
    static void leaveIfPending(MethodVisitor m, FuncType type) {
        List<ValType> rs = type.results();
        Label normal = new Label();
        pendingCall(m);
        m.visitJumpInsn(IFNULL, normal);
        if (StackEmitter.returnsDirectly(type)) {
            m.visitInsn(StackEmitter.width(StackEmitter.typeChar(rs.get(0))) == 2 ? POP2 : POP);
        }
        m.visitVarInsn(ALOAD, 0);
        m.visitVarInsn(ILOAD, 1);
        m.visitMethodInsn(INVOKESTATIC, StackEmitter.RUNTIME, "stepOut", "(L" + StackEmitter.CTX + ";I)V", false);
        m.visitInsn(RETURN);
        m.visitLabel(normal);
    }

    /** Pushes {@code ctx.exec.tailCall}. */
    private static void pendingCall(MethodVisitor m) {
        m.visitVarInsn(ALOAD, 0);
        m.visitFieldInsn(GETFIELD, StackEmitter.CTX, "exec", "Ldev/ligature/core/engine/ExecContext;");
        m.visitFieldInsn(GETFIELD, "dev/ligature/core/engine/ExecContext", "tailCall", "L" + StackEmitter.WASM_FUNCTION + ";");
    }

    private static int loadOp(char t) {
        return switch (t) { case 'i' -> ILOAD; case 'I' -> LLOAD; case 'f' -> FLOAD; case 'r' -> ALOAD; case 'F' -> DLOAD; default -> throw unknown(t); };
    }

    private static int storeOp(char t) {
        return switch (t) { case 'i' -> ISTORE; case 'I' -> LSTORE; case 'f' -> FSTORE; case 'r' -> ASTORE; case 'F' -> DSTORE; default -> throw unknown(t); };
    }

    private static int returnOp(char t) {
        return switch (t) { case 'i' -> IRETURN; case 'I' -> LRETURN; case 'f' -> FRETURN; case 'r' -> ARETURN; case 'F' -> DRETURN; default -> throw unknown(t); };
    }

    /** A value type this class does not know yet (a new type letter must be added here too). */
    private static IllegalStateException unknown(char t) {
        return new IllegalStateException("no JVM instruction for type letter " + t);
    }
}
