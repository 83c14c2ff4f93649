package dev.ligature.jit.compiler;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.ValType;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;

/**
 * Calls: to functions of the module (direct {@code invokestatic}s of their typed methods), to
 * imports and other instances (the slot convention through {@link JitRuntime#invoke}), and
 * {@code call_indirect} (when the callee is compiled code of this instance, a typed call through the site's
 * inline cache, {@link IndirectCalls}; else the slot convention).
 */
abstract class CallEmitter extends SimdEmitter {
    CallEmitter(ModuleShape shape, int funcIndex) {
        super(shape, funcIndex);
    }

    /** Bootstrap of the inline cache of a {@code call_indirect} site ({@link IndirectCalls}). */
    private static final Handle INDIRECT_SITE = new Handle(H_INVOKESTATIC, "dev/ligature/jit/compiler/IndirectCalls", "site",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
                    + "Ljava/lang/invoke/CallSite;", false);

    /** The method this function's direct self calls invoke: its twin's, or null for {@code f<i>} itself. */
    private String selfCallName;

    /** Makes direct self calls invoke {@code name} (a twin, see {@link MethodSizing}). */
    void selfCalls(String name) {
        selfCallName = name;
    }

    void call(int callee) {
        FuncType ft = shape.typeOfFunction(callee);
        if (callee < shape.importedFuncs) {
            stageArgs(ft, 0);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, CTX, "functions", "[L" + WASM_FUNCTION + ";");
            pushInt(mv, callee);
            mv.visitInsn(AALOAD);
            foreign(ft);
            return;
        }
        String desc = descriptor(ft);
        if (desc == null) {
            throw fail("unsupported value type in the signature of callee " + callee);
        }
        int n = ft.params().size();
        int first = sp - n;
        if (paramsInScratch(ft)) {
            stageArgs(ft, 0);
            n = 0;
        }
        mv.visitVarInsn(ALOAD, 0);
        for (int i = 0; i < n; i++) {
            loadAt(first + i);
        }
        String method = callee == funcIndex && selfCallName != null ? selfCallName : FunctionCompiler.methodName(callee);
        mv.visitMethodInsn(INVOKESTATIC, CodeLoader.internalName(callee), method, desc, false);
        sp = first;
        if (returnsDirectly(ft)) {
            storeAt(sp++, typeChar(ft.results().get(0)));
        } else {
            readResults(ft);
        }
    }

    /**
     * {@code call_indirect}: the table's checks, then, when the callee is compiled code of this same
     * instance (the common case: C function pointers), a typed call of its {@code f<j>} through the
     * site's inline cache ({@link IndirectCalls}); anything else (imports, other instances, other
     * engines) goes through the slot convention.
     */
    void callIndirect(int typeIndex, int table) {
        FuncType ft = shape.funcType(typeIndex);
        int idx = --sp;
        mv.visitVarInsn(ALOAD, 0);
        mv.visitLdcInsn(JitRuntime.typeIdConstant(typeIndex)); // not a literal: ids belong to the JVM
        pushInt(mv, table);
        unsignedAt(idx);
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "indirect", "(L" + CTX + ";IIJ)L" + WASM_FUNCTION + ";", false);
        String desc = descriptor(ft);
        if (desc == null || paramsInScratch(ft)) {
            int fn = nextVar;
            nextVar += 1;
            mv.visitVarInsn(ASTORE, fn);
            stageArgs(ft, 0);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, fn);
            foreign(ft);
            return;
        }
        // The index's slot is free now: it holds the callee for both paths.
        int fn = stackVar(idx, 'r');
        mv.visitVarInsn(ASTORE, fn);
        mv.visitVarInsn(ALOAD, fn);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "compiledHere", "(L" + WASM_FUNCTION + ";L" + CTX + ";)Z", false);
        Label slow = new Label();
        Label done = new Label();
        mv.visitJumpInsn(IFEQ, slow);
        int top = sp;
        int n = ft.params().size();
        int first = sp - n;
        // The fast path's results retype the stack from first on; the slow path needs the arguments' types.
        char[] argTypes = Arrays.copyOfRange(stack, first, top);
        mv.visitVarInsn(ALOAD, fn);
        mv.visitVarInsn(ALOAD, 0);
        for (int i = 0; i < n; i++) {
            loadAt(first + i);
        }
        mv.visitInvokeDynamicInsn("callIndirect", "(L" + WASM_FUNCTION + ";" + desc.substring(1), INDIRECT_SITE);
        sp = first;
        if (returnsDirectly(ft)) {
            storeAt(sp++, typeChar(ft.results().get(0)));
        } else {
            readResults(ft);
        }
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        sp = top;
        System.arraycopy(argTypes, 0, stack, first, n);
        stageArgs(ft, 0);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, fn);
        foreign(ft);
        mv.visitLabel(done);
    }

    /** Writes the top arguments of a call of type {@code ft} to {@code ctx.mv} in slot form and pops them. */
    void stageArgs(FuncType ft, int unused) {
        int n = ft.params().size();
        int first = sp - n;
        for (int i = 0, slot = 0; i < n; slot += slotCount(stack[first + i]), i++) {
            checkedType(ft.params().get(i));
            toScratch(slot, first + i);
        }
        sp = first;
    }

    /**
     * Writes the value at height {@code h} to scratch slot {@code i} ({@code ctx.mv} or
     * {@code ctx.mvRefs}); a v128 takes slots {@code i} and {@code i + 1}.
     */
    void toScratch(int i, int h) {
        char t = stack[h];
        if (t == 'V') {
            int var = stackVar(h, 'V');
            for (int half = 0; half < 2; half++) {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, CTX, "mv", "[J");
                pushInt(mv, i + half);
                mv.visitVarInsn(LLOAD, var + 2 * half);
                mv.visitInsn(LASTORE);
            }
            return;
        }
        mv.visitVarInsn(ALOAD, 0);
        if (t == 'r') {
            mv.visitFieldInsn(GETFIELD, CTX, "mvRefs", "[Ljava/lang/Object;");
            pushInt(mv, i);
            loadAt(h);
            mv.visitInsn(AASTORE);
        } else {
            mv.visitFieldInsn(GETFIELD, CTX, "mv", "[J");
            pushInt(mv, i);
            loadAt(h);
            toSlot(mv, t);
            mv.visitInsn(LASTORE);
        }
    }

    /** With (ctx, function) on the JVM stack: calls through the slot convention and pushes the results. */
    void foreign(FuncType ft) {
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "invoke", "(L" + CTX + ";L" + WASM_FUNCTION + ";)V", false);
        readResults(ft);
    }

    void readResults(FuncType ft) {
        List<ValType> rs = ft.results();
        for (int i = 0, slot = 0; i < rs.size(); i++, slot++) {
            char t = checkedType(rs.get(i));
            if (t == 'V') {
                // (lo, hi) from two scratch slots
                for (int half = 0; half < 2; half++) {
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitFieldInsn(GETFIELD, CTX, "mv", "[J");
                    pushInt(mv, slot + half);
                    mv.visitInsn(LALOAD);
                }
                slot++;
                storeAt(sp++, t);
                continue;
            }
            mv.visitVarInsn(ALOAD, 0);
            if (t == 'r') {
                mv.visitFieldInsn(GETFIELD, CTX, "mvRefs", "[Ljava/lang/Object;");
                pushInt(mv, slot);
                mv.visitInsn(AALOAD);
            } else {
                mv.visitFieldInsn(GETFIELD, CTX, "mv", "[J");
                pushInt(mv, slot);
                mv.visitInsn(LALOAD);
                fromSlot(mv, t);
            }
            storeAt(sp++, t);
        }
    }
}
