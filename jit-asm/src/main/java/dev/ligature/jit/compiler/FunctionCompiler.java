package dev.ligature.jit.compiler;

import dev.ligature.core.ast.Func;
import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.engine.Values;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.ValType;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles one Wasm function to a static JVM method {@code f<index>(JitInstance, params...)}.
 *
 * <p>The Wasm operand stack lives in JVM locals, one per (stack height, type): a branch stores the
 * values it carries into the target's slots and jumps, and the JVM operand stack is empty between
 * Wasm instructions, so every merge point is consistent for the verifier. HotSpot's register
 * allocator sees through the locals. Values: i32, i64, f32, f64 as int, long, float, double, a
 * v128 as two longs. One result is returned as is; several, or a v128, go to {@link JitInstance#mv}
 * in slot form.
 */
final class FunctionCompiler extends CallEmitter {
    /** HotSpot does not JIT-compile methods with more bytecode than this (HugeMethodLimit). */

    enum Kind { FUNC, BLOCK, LOOP, IF, TRY, TRY_TABLE }

    static final class Frame {
        Kind kind;
        Label label;
        Label elseLabel;
        int height;
        char[] params;
        char[] results;
        boolean hasElse;
        boolean targeted;
        int[] savedParams;
        /** Exception handling state of a legacy try or a try_table; null for other frames. */
        ExceptionEmitter.Try tr;
        /** Split mode: ordinal in the plan, chunk it opens in, entry id once another chunk branches here, else elsewhere. */
        int ordinal, chunk, entryId = -1;
        boolean elseRemote;
    }

    private final String owner;
    private final FuncType type;
    /** Set for a twin ({@link #emitAs}): the name of the method emitted. */
    private String methodNameOverride;

    char[] localTypes;
    int[] localVars;
    Frame[] frames = new Frame[8];
    int fp;
    boolean dead;
    private int deadDepth;
    /** Created on the first exception instruction. */
    private ExceptionEmitter exceptions;
    private final TailCalls tailCalls;
    /** Start of the range whose traps get this function's backtrace frame ({@link #frameHandler}). */
    private final Label traced = new Label();
    /** Start of the method, before the locals are zeroed: a self tail call jumps here. */
    final Label start = new Label();
    /** Split mode (null on the fast path): the chunks being emitted. */
    private SplitEmitter split;
    /** Ordinals in code order: of the next instruction, the next block (block, loop, if, try), the block being opened. */
    private int instrOrdinal, blockCount, currentBlock;

    FunctionCompiler(ModuleShape shape, String owner, int funcIndex) {
        super(shape, funcIndex);
        this.owner = owner;
        this.type = shape.typeOfFunction(funcIndex);
        this.tailCalls = new TailCalls(this);
    }

    static String methodName(int funcIndex) {
        return "f" + funcIndex;
    }

    /** The twin of a small self-recursive function ({@link MethodSizing}). */
    static String twinName(int funcIndex) {
        return "g" + funcIndex;
    }

    /** Emits this function's typed method under the name {@code name} (a twin), without entries. */
    void emitAs(String name, ClassVisitor cv, String desc) {
        methodNameOverride = name;
        emit(cv, desc, null);
    }

    static String entryName(int funcIndex) {
        return "e" + funcIndex;
    }

    /**
     * Emits the typed method and the slot-convention entry method into {@code cv}: as one method,
     * or split into chunks when it would not fit one ({@link MethodSizing} decides).
     */
    void compile(ClassVisitor cv) {
        MethodSizing.compile(shape, owner, funcIndex, cv);
    }

    /**
     * Emits {@code f<i>}, as one method ({@code plan} null) or as chunks and a dispatcher;
     * returns the size of the largest method emitted, in bytes of bytecode.
     */
    int emit(ClassVisitor cv, String desc, ChunkPlanner.Plan plan) {
        Func func = shape.module.functions().get(funcIndex - shape.importedFuncs);
        int np = type.params().size();
        int nl = (int) func.localCount();
        localTypes = new char[np + nl];
        int k = 0;
        for (ValType p : type.params()) {
            localTypes[k++] = checkedType(p);
        }
        for (Func.Locals l : func.locals()) {
            char c = checkedType(l.type());
            for (long i = 0; i < l.count(); i++) {
                localTypes[k++] = c;
            }
        }
        boolean trampoline = shape.tailCalls(funcIndex);
        String name = methodNameOverride != null ? methodNameOverride
                : trampoline ? TailCalls.bodyName(funcIndex) : methodName(funcIndex);
        if (plan != null) {
            // Locals start zeroed in the frame array: 0 bits and null are every type's default.
            split = new SplitEmitter(this, cv, owner, plan, localTypes, name);
            split.startChunk();
        } else {
            mv = cv.visitMethod(ACC_PUBLIC | ACC_STATIC, name, desc, null, null);
            mv.visitCode();
            mv.visitLabel(traced);
            localVars = new int[localTypes.length];
            nextVar = 1;
            for (int i = 0; i < localTypes.length; i++) {
                localVars[i] = nextVar;
                nextVar += width(localTypes[i]);
            }
            if (paramsInScratch(type)) {
                paramsFromScratch(np);
            }
            mv.visitLabel(start);
            for (int i = np; i < localTypes.length; i++) {
                pushZero(localTypes[i]);
                store(localTypes[i], localVars[i]);
            }
            if (usesMemory(func.body().bytes())) {
                SplitEmitter.cacheMemory(this);
            }
        }
        Frame f = push(Kind.FUNC, new char[0], types(type.results()));
        f.height = 0;
        byte[] code = func.body().bytes();
        CodeReader r = new CodeReader(new WasmReader(code));
        while (fp > 0) {
            Opcode op = r.next();
            if (split != null && split.cutBefore(instrOrdinal++)) {
                if (!dead) {
                    materializeAll();
                }
                split.cut(dead ? -1 : sp);
            }
            if (ChunkPlanner.opensBlock(op)) {
                currentBlock = blockCount++;
            }
            if (dead) {
                skipDead(op, r);
            } else {
                instruction(op, r);
            }
        }
        if (split != null) {
            return split.finish(desc, type);
        }
        finishExceptions();
        frameHandler(mv, traced, funcIndex);
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return end.getOffset();
    }

    /** Split mode: whether a branch to {@code f} leaves the chunk (its label: a loop's header, another block's end). */
    private boolean isRemote(Frame f) {
        return split != null && f.kind != Kind.FUNC && labelChunk(f) != split.chunk;
    }

    /** The entry id of {@code f}'s label, in another chunk (registered on first use); marks it targeted. */
    private int remoteEntry(Frame f, char[] carried) {
        if (f.entryId < 0) {
            f.entryId = split.entry(labelChunk(f), split.shape(f.height, carried), f.label);
        }
        if (f.kind != Kind.LOOP) {
            f.targeted = true;
        }
        return f.entryId;
    }

    @Override
    int stackVar(int h, char t) {
        if (split != null) {
            split.touch(h);
        }
        return super.stackVar(h, t);
    }

    private int labelChunk(Frame f) {
        return f.kind == Kind.LOOP ? f.chunk : split.plan.endChunk()[f.ordinal];
    }

    /** Closes the exception handling of the method being emitted (a chunk, in split mode). */
    void finishExceptions() {
        if (exceptions != null) {
            exceptions.finish();
            exceptions = null;
        }
    }

    /** Split mode, or null: the chunks being emitted. */
    SplitEmitter split() {
        return split;
    }

    ExceptionEmitter exceptions() {
        if (exceptions == null) {
            exceptions = new ExceptionEmitter(this);
        }
        return exceptions;
    }

    FuncType type() {
        return type;
    }

    private char[] types(List<ValType> l) {
        char[] c = new char[l.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = checkedType(l.get(i));
        }
        return c;
    }

    /** Moves the {@code np} parameters of a function that takes them in scratch to their locals. */
    private void paramsFromScratch(int np) {
        for (int i = 0, slot = 0; i < np; i++) {
            char t = localTypes[i];
            for (int half = 0; half < slotCount(t); half++, slot++) {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, CTX, t == 'r' ? "mvRefs" : "mv", t == 'r' ? "[Ljava/lang/Object;" : "[J");
                pushInt(mv, slot);
                mv.visitInsn(t == 'r' ? AALOAD : LALOAD);
                if (t != 'r' && t != 'V') {
                    fromSlot(mv, t);
                }
            }
            store(t, localVars[i]);
        }
    }

    /** The entry methods: {@code e<i>}, and for a function with a trampoline {@code f<i>} and {@code s<i>}. */
    void emitEntries(ClassVisitor cv, String desc) {
        emitEntry(cv, desc, methodName(funcIndex), false);
        if (shape.tailCalls(funcIndex)) {
            tailCalls.emitTrampoline(cv, owner, desc, type);
            emitEntry(cv, desc, TailCalls.bodyName(funcIndex), true);
        }
    }

    /**
     * {@code e<i>(JitInstance, int base)}: the slot convention around {@code f<i>}; with {@code step},
     * {@code s<i>} around the body {@code t<i>} of a function that tail calls (see {@link TailCalls}).
     */
    private void emitEntry(ClassVisitor cv, String desc, String target, boolean step) {
        MethodVisitor m = cv.visitMethod(ACC_PUBLIC | ACC_STATIC, step ? TailCalls.stepName(funcIndex) : entryName(funcIndex),
                "(L" + CTX + ";I)V", null, null);
        m.visitCode();
        m.visitVarInsn(ALOAD, 0);
        List<ValType> ps = type.params();
        if (paramsInScratch(type)) {
            m.visitInsn(DUP);
            m.visitVarInsn(ILOAD, 1);
            pushInt(m, Values.paramSlots(type));
            m.visitMethodInsn(INVOKESTATIC, RUNTIME, "argsToScratch", "(L" + CTX + ";II)V", false);
            ps = List.of();
        }
        int slot = 0;
        for (int i = 0; i < ps.size(); i++) {
            char t = typeChar(ps.get(i));
            for (int half = 0; half < slotCount(t); half++) {
                slots(m, t);
                m.visitVarInsn(ILOAD, 1);
                pushInt(m, slot++);
                m.visitInsn(IADD);
                if (t == 'r') {
                    m.visitInsn(AALOAD);
                } else {
                    m.visitInsn(LALOAD);
                    if (t != 'V') {
                        fromSlot(m, t);
                    }
                }
            }
        }
        m.visitMethodInsn(INVOKESTATIC, owner, target, desc, false);
        List<ValType> rs = type.results();
        if (step) {
            TailCalls.leaveIfPending(m, type);
        }
        if (rs.size() == 1 && typeChar(rs.get(0)) == 'r') {
            m.visitVarInsn(ASTORE, 2);
            slots(m, 'r');
            m.visitVarInsn(ILOAD, 1);
            m.visitVarInsn(ALOAD, 2);
            m.visitInsn(AASTORE);
        } else if (returnsDirectly(type)) {
            toSlot(m, typeChar(rs.get(0)));
            m.visitVarInsn(LSTORE, 2);
            slots(m, 'i');
            m.visitVarInsn(ILOAD, 1);
            m.visitVarInsn(LLOAD, 2);
            m.visitInsn(LASTORE);
        } else {
            // Several results, or one v128: ctx.mv holds them in slot form (a v128 takes two slots).
            int i = 0;
            for (ValType rt : rs) {
                boolean ref = typeChar(rt) == 'r';
                for (int half = 0; half < slotCount(typeChar(rt)); half++, i++) {
                    slots(m, ref ? 'r' : 'i');
                    m.visitVarInsn(ILOAD, 1);
                    pushInt(m, i);
                    m.visitInsn(IADD);
                    m.visitVarInsn(ALOAD, 0);
                    m.visitFieldInsn(GETFIELD, CTX, ref ? "mvRefs" : "mv", ref ? "[Ljava/lang/Object;" : "[J");
                    pushInt(m, i);
                    m.visitInsn(ref ? AALOAD : LALOAD);
                    m.visitInsn(ref ? AASTORE : LASTORE);
                }
            }
        }
        m.visitInsn(RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** Pushes {@code ctx.exec.slots}, or {@code ctx.exec.refs} for a reference. */
    private static void slots(MethodVisitor m, char t) {
        m.visitVarInsn(ALOAD, 0);
        m.visitFieldInsn(GETFIELD, CTX, "exec", "Ldev/ligature/core/engine/ExecContext;");
        if (t == 'r') {
            m.visitFieldInsn(GETFIELD, "dev/ligature/core/engine/ExecContext", "refs", "[Ljava/lang/Object;");
        } else {
            m.visitFieldInsn(GETFIELD, "dev/ligature/core/engine/ExecContext", "slots", "[J");
        }
    }

    // ------------------------------------------------------------------ control

    Frame push(Kind kind, char[] params, char[] results) {
        if (fp == frames.length) {
            frames = Arrays.copyOf(frames, fp * 2);
        }
        Frame f = new Frame();
        f.kind = kind;
        f.label = new Label();
        f.params = params;
        f.results = results;
        f.height = sp - params.length;
        f.ordinal = currentBlock;
        f.chunk = split == null ? 0 : split.chunk;
        frames[fp++] = f;
        return f;
    }

    void blockType(CodeReader r, char[][] out) {
        if (r.index() >= 0) {
            FuncType bt = shape.funcType((int) r.index());
            out[0] = types(bt.params());
            out[1] = types(bt.results());
        } else if (r.blockValType() != null) {
            out[0] = new char[0];
            out[1] = new char[] {checkedType(r.blockValType())};
        } else {
            out[0] = new char[0];
            out[1] = new char[0];
        }
    }

    /** Moves the top {@code arity} values to the target frame's slots and jumps there (or returns). */
    void branch(Frame target) {
        if (target.kind == Kind.FUNC) {
            emitReturn();
            return;
        }
        char[] carried = target.kind == Kind.LOOP ? target.params : target.results;
        int from = sp - carried.length;
        if (isRemote(target)) {
            split.exit(remoteEntry(target, carried), target.height, carried.length, from);
            return;
        }
        if (from != target.height) {
            for (int i = 0; i < carried.length; i++) {
                loadAt(from + i);
                store(carried[i], stackVar(target.height + i, carried[i]));
            }
        }
        if (target.kind != Kind.LOOP) {
            target.targeted = true;
        }
        mv.visitJumpInsn(GOTO, target.label);
    }

    void emitReturn() {
        List<ValType> rs = type.results();
        int n = rs.size();
        int from = sp - n;
        if (split != null) {
            split.exit(SplitEmitter.RETURNED, 0, n, from);
        } else if (n == 0) {
            mv.visitInsn(RETURN);
        } else if (returnsDirectly(type)) {
            loadAt(from);
            mv.visitInsn(switch (stack[from]) { case 'i' -> IRETURN; case 'I' -> LRETURN; case 'f' -> FRETURN; case 'r' -> ARETURN; default -> DRETURN; });
        } else {
            for (int i = 0, slot = 0; i < n; slot += slotCount(stack[from + i]), i++) {
                toScratch(slot, from + i);
            }
            mv.visitInsn(RETURN);
        }
    }

    Frame label(long depth) {
        return frames[fp - 1 - (int) depth];
    }

    private void skipDead(Opcode op, CodeReader r) {
        switch (op) {
            case BLOCK, LOOP, IF, TRY, TRY_TABLE -> deadDepth++;
            case END, DELEGATE -> {
                if (deadDepth > 0) {
                    deadDepth--;
                } else {
                    instruction(op, r);
                }
            }
            case ELSE, CATCH, CATCH_ALL -> {
                if (deadDepth == 0) {
                    instruction(op, r);
                }
            }
            default -> { }
        }
    }

    void end() {
        Frame f = frames[fp - 1];
        boolean fallsThrough = !dead;
        if (f.tr != null) {
            // Jumps to the end, then the handler code: nothing falls through from there.
            exceptions().endTry(f, fallsThrough);
            fallsThrough = false;
        }
        if (f.kind == Kind.IF && !f.hasElse) {
            // The missing else passes the parameters through as results.
            if (fallsThrough) {
                mv.visitJumpInsn(GOTO, f.label);
            }
            mv.visitLabel(f.elseLabel);
            restoreParams(f);
            fallsThrough = true;
        }
        fp--;
        sp = f.height + f.results.length;
        for (int i = 0; i < f.results.length; i++) {
            stack[f.height + i] = f.results[i];
        }
        if (f.kind == Kind.LOOP) {
            dead = !fallsThrough;
            return;
        }
        mv.visitLabel(f.label);
        if (f.kind == Kind.FUNC) {
            if (fallsThrough || f.targeted) {
                emitReturn();
            }
            return;
        }
        dead = !(fallsThrough || f.targeted);
    }

    private void restoreParams(Frame f) {
        if (f.elseRemote) { // entered from another chunk, whose exit spilled the parameters: the stub reloaded them
            System.arraycopy(f.params, 0, stack, f.height, f.params.length);
            sp = f.height + f.params.length;
            return;
        }
        for (int i = 0; i < f.params.length; i++) {
            load(f.params[i], f.savedParams[i]);
            storeAt(f.height + i, f.params[i]);
        }
        sp = f.height + f.params.length;
    }

    // ------------------------------------------------------------------ instructions

    private void instruction(Opcode op, CodeReader r) {
        if (!dead && !keepsDeferred(op, r)) {
            materializeAll();
        }
        switch (op) {
            case NOP -> { }
            case UNREACHABLE -> {
                mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "unreachable", "()Ldev/ligature/core/runtime/Trap;", false);
                mv.visitInsn(ATHROW);
                dead = true;
            }
            case BLOCK, LOOP -> {
                char[][] bt = new char[2][];
                blockType(r, bt);
                Frame f = push(op == Opcode.BLOCK ? Kind.BLOCK : Kind.LOOP, bt[0], bt[1]);
                if (op == Opcode.LOOP) {
                    if (split != null) {
                        f.entryId = split.loopEntry(f.ordinal, f.height, f.params, f.label);
                    }
                    mv.visitLabel(f.label);
                    interruptCheck(mv);
                }
            }
            case IF -> {
                char[][] bt = new char[2][];
                blockType(r, bt);
                int cond = --sp;
                Frame f = push(Kind.IF, bt[0], bt[1]);
                f.elseLabel = new Label();
                if (split != null && split.ifElseElsewhere(f.ordinal, cond, f.height + f.params.length, f.elseLabel)) {
                    f.elseRemote = true;
                    return;
                }
                f.savedParams = new int[f.params.length];
                for (int i = 0; i < f.params.length; i++) {
                    // The then branch may overwrite the parameter slots; keep copies for the else branch.
                    f.savedParams[i] = nextVar;
                    nextVar += width(f.params[i]);
                    loadAt(f.height + i);
                    store(f.params[i], f.savedParams[i]);
                }
                load('i', stackVar(cond, 'i'));
                mv.visitJumpInsn(IFEQ, f.elseLabel);
            }
            case ELSE -> {
                Frame f = frames[fp - 1];
                if (!dead) {
                    branch(f); // the results are in place: a jump to the end, or a chunk exit
                }
                f.hasElse = true;
                mv.visitLabel(f.elseLabel);
                restoreParams(f);
                dead = false;
            }
            case END -> end();
            case BR -> {
                branch(label(r.index()));
                dead = true;
            }
            case BR_IF -> {
                int cond = --sp;
                load('i', stackVar(cond, 'i'));
                Label skip = new Label();
                mv.visitJumpInsn(IFEQ, skip);
                branch(label(r.index()));
                mv.visitLabel(skip);
            }
            case BR_TABLE -> brTable(r);
            case RETURN -> {
                emitReturn();
                dead = true;
            }
            case CALL -> call((int) r.index());
            case RETURN_CALL -> tailCalls.returnCall((int) r.index());
            case RETURN_CALL_INDIRECT -> tailCalls.returnCallIndirect((int) r.index(), (int) r.index2());
            case RETURN_CALL_REF -> tailCalls.returnCallRef((int) r.index());
            case TRY, TRY_TABLE, CATCH, CATCH_ALL, DELEGATE, THROW, THROW_REF, RETHROW -> exceptions().instruction(op, r);
            case CALL_INDIRECT -> callIndirect((int) r.index(), (int) r.index2());
            case DROP -> sp--;
            case SELECT, SELECT_T -> {
                int c = --sp;
                int b = --sp;
                int a = sp - 1;
                char t = stack[a];
                if (typeChar0(t)) {
                    throw fail("unsupported operand type for select");
                }
                Label useB = new Label();
                Label done = new Label();
                load('i', stackVar(c, 'i'));
                mv.visitJumpInsn(IFEQ, useB);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(useB);
                loadAt(b);
                storeAt(a, t);
                mv.visitLabel(done);
            }
            case LOCAL_GET -> {
                int x = (int) r.index();
                pushLocal(sp++, localTypes[x], x);
            }
            case LOCAL_SET -> setLocal((int) r.index(), --sp);
            case LOCAL_TEE -> setLocal((int) r.index(), sp - 1);
            case I32_CONST -> pushConstant(sp++, 'i', (int) r.value());
            case I64_CONST -> pushConstant(sp++, 'I', r.value());
            case F32_CONST -> pushConstant(sp++, 'f', (int) r.value());
            case F64_CONST -> pushConstant(sp++, 'F', r.value());
            case REF_AS_NON_NULL -> {
                loadAt(sp - 1);
                mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "nonNull", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                storeAt(sp - 1, 'r');
            }
            case BR_ON_NULL -> {
                Label skip = new Label();
                loadAt(sp - 1);
                mv.visitJumpInsn(IFNONNULL, skip);
                sp--; // the null is not carried
                branch(label(r.index()));
                sp++;
                mv.visitLabel(skip);
            }
            case BR_ON_NON_NULL -> {
                Label skip = new Label();
                loadAt(sp - 1);
                mv.visitJumpInsn(IFNULL, skip);
                branch(label(r.index())); // carries the reference on top
                mv.visitLabel(skip);
                sp--;
            }
            case CALL_REF -> {
                FuncType ft = shape.funcType((int) r.index());
                int ref = --sp;
                stageArgs(ft, 0);
                mv.visitVarInsn(ALOAD, 0);
                load('r', stackVar(ref, 'r'));
                mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "funcRef", "(Ljava/lang/Object;)L" + WASM_FUNCTION + ";", false);
                foreign(ft);
            }
            default -> {
                if (simdInstruction(op, r) || heapInstruction(op, r)) {
                    return;
                } else if (Numeric.supports(op)) {
                    numeric(op);
                } else {
                    throw fail("unsupported instruction " + op.mnemonic() + " at byte " + r.instrPos());
                }
            }
        }
    }

    private void setLocal(int x, int h) {
        materializeLocal(x);
        loadAt(h);
        if (split != null) {
            split.storeLocal(x, localTypes[x]);
        } else {
            store(localTypes[x], localVars[x]);
        }
    }

    @Override
    void loadLocal(int x) {
        if (split != null) {
            split.loadLocal(x, localTypes[x]);
        } else {
            load(localTypes[x], localVars[x]);
        }
    }

    /**
     * Whether {@code op} works on deferred values ({@link #pushLocal}) as they are: straight-line instructions that
     * read their operands through {@link #loadAt}, write results through {@link #storeAt}, and neither branch,
     * call, nor reach an exception handler. Every other instruction finds all values in their stack locals.
     */
    private boolean keepsDeferred(Opcode op, CodeReader r) {
        return switch (op) {
            case NOP, DROP, LOCAL_GET, LOCAL_SET, LOCAL_TEE, I32_CONST, I64_CONST, F32_CONST, F64_CONST -> true;
            // A v128 global is the SIMD emitter's, which uses the stack locals directly.
            case GLOBAL_GET, GLOBAL_SET -> typeChar(shape.globalTypes[(int) r.index()]) != 'V';
            // A direct call of a defined function loads its arguments through loadAt. An exception it throws can
            // only reach a handler whose stack lies below the try, and those values were stored at the try.
            case CALL -> {
                int callee = (int) r.index();
                FuncType ft = shape.typeOfFunction(callee);
                yield callee >= shape.importedFuncs && descriptor(ft) != null && !paramsInScratch(ft)
                        && (ft.results().isEmpty() || returnsDirectly(ft));
            }
            default -> Numeric.supports(op) || MemoryOps.supports(op);
        };
    }

    private static boolean typeChar0(char t) {
        return "iIfFrV".indexOf(t) < 0;
    }

    private void numeric(Opcode op) {
        String sig = op.sig();
        int gt = sig.indexOf('>');
        int first = sp - gt;
        for (int i = 0; i < gt; i++) {
            loadAt(first + i);
        }
        if (!Numeric.emit(mv, op)) {
            throw fail("unsupported instruction " + op.mnemonic());
        }
        sp = first;
        if (gt < sig.length() - 1) {
            storeAt(sp++, sig.charAt(gt + 1));
        }
    }

    private void brTable(CodeReader r) {
        int n = r.labelCount();
        int[] depths = Arrays.copyOf(r.labels(), n);
        int def = (int) r.index();
        int idx = --sp;
        Label[] targets = new Label[n];
        Label[] byDepth = new Label[fp];
        for (int i = 0; i < n; i++) {
            if (byDepth[depths[i]] == null) {
                byDepth[depths[i]] = new Label();
            }
            targets[i] = byDepth[depths[i]];
        }
        if (byDepth[def] == null) {
            byDepth[def] = new Label();
        }
        load('i', stackVar(idx, 'i'));
        if (n == 0) {
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, byDepth[def]);
        } else if (n > LARGE_BR_TABLE) {
            largeBrTable(idx, depths, byDepth, byDepth[def]);
        } else {
            mv.visitTableSwitchInsn(0, n - 1, byDepth[def], targets);
        }
        int remote = 0;
        for (int d = 0; d < fp; d++) {
            remote += byDepth[d] != null && isRemote(label(d)) ? 1 : 0;
        }
        // Several targets in other chunks (split mode): the stack is spilled once for them all.
        boolean shared = remote > 1 && split.startSharedExits(remote);
        for (int d = 0; d < fp; d++) {
            if (byDepth[d] != null) {
                mv.visitLabel(byDepth[d]);
                Frame target = label(d);
                if (shared && isRemote(target)) {
                    char[] carried = target.kind == Kind.LOOP ? target.params : target.results;
                    split.sharedExit(remoteEntry(target, carried), target.height, carried.length, sp - carried.length);
                } else {
                    branch(target);
                }
            }
        }
        if (shared) {
            split.finishSharedExits(sp);
        }
        dead = true;
    }

    /** br_tables longer than this map index to target through a string constant: 1-2 bytes per entry, not 4. */
    private static final int LARGE_BR_TABLE = 512;

    /**
     * A long br_table (the JVM's tableswitch takes 4 bytes per entry): the i-th char of a string
     * constant numbers the distinct target of entry i, and a small tableswitch picks the target.
     */
    private void largeBrTable(int idx, int[] depths, Label[] byDepth, Label dflt) {
        mv.visitInsn(POP);
        int[] ordinal = new int[fp];
        Arrays.fill(ordinal, -1);
        Label[] distinct = new Label[fp];
        int k = 0;
        StringBuilder table = new StringBuilder(depths.length);
        for (int d : depths) {
            if (ordinal[d] < 0) {
                ordinal[d] = k;
                distinct[k++] = byDepth[d];
            }
            table.append((char) (ordinal[d] + 1)); // from 1: NUL takes two bytes in the class file
        }
        load('i', stackVar(idx, 'i'));
        pushInt(mv, depths.length);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        mv.visitJumpInsn(IFGE, dflt);
        mv.visitLdcInsn(table.toString());
        load('i', stackVar(idx, 'i'));
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        mv.visitTableSwitchInsn(1, k, dflt, Arrays.copyOf(distinct, k));
    }
}
