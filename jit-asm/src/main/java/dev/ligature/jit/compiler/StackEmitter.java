package dev.ligature.jit.compiler;

import dev.ligature.jit.JitCompileException;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.ValType;
import java.util.Arrays;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The value model of a function being compiled: the Wasm operand stack lives in JVM locals, one
 * per (stack height, type), so the JVM operand stack is empty between Wasm instructions and every
 * merge point is consistent for the verifier; HotSpot's register allocator sees through the
 * locals. Wasm types map to JVM types as i32 int, i64 long, f32 float, f64 double, references
 * Object; type letters are {@code i I f F r}. A v128 (letter {@code V}) is two long locals, the
 * low half (bytes 0-7) at the variable's index and the high half two words above it: on the JVM
 * stack it is the pair (lo, hi), so loads, stores, branches, select and typed calls (two
 * {@code long} parameters) treat it like any other value.
 */
abstract class StackEmitter implements Opcodes {
    /** HotSpot does not JIT-compile methods with more bytecode than this (HugeMethodLimit). */
    static final int HUGE_METHOD_LIMIT = 8000;
    static final String CTX = "dev/ligature/jit/compiler/JitInstance";
    static final String MEMORY = "dev/ligature/core/runtime/Memory";
    static final String GLOBAL = "dev/ligature/core/engine/GlobalCell";
    static final String WASM_FUNCTION = "dev/ligature/core/engine/EngineFunction";
    static final String RUNTIME = "dev/ligature/jit/compiler/JitRuntime";
    static final String INSTANCE = "dev/ligature/core/engine/InstanceState";
    static final String TABLE = "dev/ligature/core/runtime/Table";

    final ModuleShape shape;
    final int funcIndex;
    MethodVisitor mv;
    /** Next free JVM local. */
    int nextVar;
    /** Types of the Wasm operand stack, by height. */
    char[] stack = new char[16];
    /** Wasm operand stack height. */
    int sp;
    /** JVM local of each (height, type), or -1. */
    int[] stackVars = new int[64];
    /** JVM local caching memory 0, or -1. */
    int memVar = -1;
    /** Per stack height: {@link #IN_VAR} (the value is in its stack local) or what it is, deferred. */
    byte[] deferred = new byte[16];
    /** Per stack height: the local index or the constant's bits of a deferred value. */
    long[] deferredValue = new long[16];
    static final byte IN_VAR = 0;
    static final byte DEFERRED_LOCAL = 1;
    static final byte DEFERRED_CONST = 2;

    StackEmitter(ModuleShape shape, int funcIndex) {
        this.shape = shape;
        this.funcIndex = funcIndex;
        Arrays.fill(stackVars, -1);
    }

    /** The JVM's limit on the words of a method's parameters (JVMS 4.3.3). */
    static final int MAX_PARAM_WORDS = 255;

    /**
     * Whether a function of type {@code t} takes its parameters in {@link JitInstance#mv} (slot form)
     * instead of as JVM parameters: those of the context and the parameters would pass the JVM's
     * limit of 255 words (64 v128s, or 128 i64s, do).
     */
    static boolean paramsInScratch(FuncType t) {
        int words = 1;
        for (ValType v : t.params()) {
            words += width(typeChar(v));
        }
        return words > MAX_PARAM_WORDS;
    }

    /**
     * Ends the range begun at {@code start} (the method's first instruction) with a handler for
     * traps: it appends function {@code funcIndex}'s frame to the trap's Wasm backtrace and
     * rethrows, so a trap names every compiled function it unwinds, inlined calls included.
     * Registered last, so it is the outermost handler: Wasm exception handlers never see traps.
     */
    static void frameHandler(MethodVisitor m, Label start, int funcIndex) {
        Label end = new Label();
        Label handler = new Label();
        m.visitLabel(end);
        m.visitTryCatchBlock(start, end, handler, "dev/ligature/core/runtime/Trap");
        m.visitLabel(handler);
        m.visitInsn(DUP);
        m.visitVarInsn(ALOAD, 0);
        m.visitFieldInsn(GETFIELD, CTX, "instance", "L" + INSTANCE + ";");
        pushInt(m, funcIndex);
        m.visitMethodInsn(INVOKESTATIC, "dev/ligature/core/engine/TrapFrames", "add",
                "(Ldev/ligature/core/runtime/Trap;Ldev/ligature/core/engine/FrameNamer;I)V", false);
        m.visitInsn(ATHROW);
    }

    /**
     * The interruption check of a loop iteration: the instance's flag (a volatile read, which would keep the JIT
     * from hoisting anything out of the loop) is read only while the {@link dev.ligature.core.engine.InterruptGate}
     * is open; while it is closed the JIT folds the whole check away.
     */
    static void interruptCheck(MethodVisitor m) {
        Label go = new Label();
        m.visitMethodInsn(INVOKESTATIC, "dev/ligature/core/engine/InterruptGate", "mayBePending", "()Z", false);
        m.visitJumpInsn(IFEQ, go);
        m.visitVarInsn(ALOAD, 0);
        m.visitFieldInsn(GETFIELD, CTX, "instance", "L" + INSTANCE + ";");
        m.visitMethodInsn(INVOKEVIRTUAL, INSTANCE, "interruptRequested", "()Z", false);
        m.visitJumpInsn(IFEQ, go);
        m.visitVarInsn(ALOAD, 0);
        m.visitMethodInsn(INVOKESTATIC, RUNTIME, "interrupted", "(L" + CTX + ";)Ldev/ligature/core/runtime/Trap;", false);
        m.visitInsn(ATHROW);
        m.visitLabel(go);
    }

    /** JVM descriptor of the typed method for a function of type {@code t}; null if a type is not supported. */
    static String descriptor(FuncType t) {
        StringBuilder sb = new StringBuilder("(L" + CTX + ";");
        boolean inScratch = paramsInScratch(t);
        for (ValType v : t.params()) {
            char c = typeChar(v);
            if (c == 0) {
                return null;
            }
            if (!inScratch) {
                sb.append(jvmDesc(c));
            }
        }
        sb.append(')');
        if (returnsDirectly(t)) {
            sb.append(jvmDesc(typeChar(t.results().get(0))));
        } else {
            for (ValType v : t.results()) {
                if (typeChar(v) == 0) {
                    return null;
                }
            }
            sb.append('V');
        }
        return sb.toString();
    }

    /**
     * Whether a function of type {@code t} returns its result as the JVM return value: exactly one
     * result, not a v128 (two longs); other results go through {@link JitInstance#mv}.
     */
    static boolean returnsDirectly(FuncType t) {
        if (t.results().size() != 1) {
            return false;
        }
        char c = typeChar(t.results().get(0));
        return c != 0 && c != 'V';
    }

    /** JVM descriptor of a value of Wasm type {@code t}: references are plain Objects, a v128 two longs. */
    static String jvmDesc(char t) {
        return t == 'r' ? "Ljava/lang/Object;" : t == 'V' ? "JJ" : String.valueOf(Numeric.jvm(t));
    }

    /** Slots the value of type letter {@code t} takes in the slot convention: two for a v128. */
    static int slotCount(char t) {
        return t == 'V' ? 2 : 1;
    }

    static char typeChar(ValType t) {
        if (t instanceof RefType) {
            return 'r';
        }
        if (t instanceof NumType n) {
            return switch (n) {
                case I32 -> 'i';
                case I64 -> 'I';
                case F32 -> 'f';
                case F64 -> 'F';
            };
        }
        if (t == dev.ligature.core.types.VecType.V128) {
            return 'V';
        }
        return 0;
    }

    JitCompileException fail(String what) {
        return new JitCompileException(funcIndex, shape.functionName(funcIndex), what);
    }

    char checkedType(ValType t) {
        char c = typeChar(t);
        if (c == 0) {
            throw fail("unsupported value type " + t);
        }
        return c;
    }

    static int width(char t) {
        return t == 'V' ? 4 : t == 'I' || t == 'F' ? 2 : 1; // references ('r') take one, a v128 two longs
    }

    int stackVar(int h, char t) {
        int key = h * 6 + "iIfFrV".indexOf(t);
        if (key >= stackVars.length) {
            int old = stackVars.length;
            stackVars = Arrays.copyOf(stackVars, Math.max(key + 1, old * 2));
            Arrays.fill(stackVars, old, stackVars.length, -1);
        }
        int v = stackVars[key];
        if (v < 0) {
            v = stackVars[key] = nextVar;
            nextVar += width(t);
            if (nextVar > 65_000) {
                throw fail("too many JVM locals");
            }
        }
        return v;
    }

    /** Loads the value at stack height {@code h} onto the JVM stack (straight from its source if deferred). */
    void loadAt(int h) {
        switch (deferred[h]) {
            case DEFERRED_LOCAL -> loadLocal((int) deferredValue[h]);
            case DEFERRED_CONST -> pushConst(stack[h], deferredValue[h]);
            default -> load(stack[h], stackVar(h, stack[h]));
        }
    }

    /** Stores the JVM stack top as the value of type {@code t} at height {@code h}. */
    void storeAt(int h, char t) {
        ensureHeight(h);
        stack[h] = t;
        deferred[h] = IN_VAR;
        store(t, stackVar(h, t));
    }

    private void ensureHeight(int h) {
        if (h >= stack.length) {
            stack = Arrays.copyOf(stack, Math.max(h + 1, stack.length * 2));
        }
        if (h >= deferred.length) {
            int n = Math.max(h + 1, deferred.length * 2);
            deferred = Arrays.copyOf(deferred, n);
            deferredValue = Arrays.copyOf(deferredValue, n);
        }
    }

    /**
     * Pushes Wasm local {@code x}'s value at height {@code h} without copying it: it stays deferred until an
     * instruction consumes it (loading the local directly) or {@link #materialize}s it. Straight-line code then
     * compiles to {@code iload x; iconst 2; ishl} instead of a copy into a stack local per operand, which makes
     * methods about half as large (HotSpot inlines by bytecode size).
     */
    void pushLocal(int h, char t, int x) {
        ensureHeight(h);
        stack[h] = t;
        deferred[h] = DEFERRED_LOCAL;
        deferredValue[h] = x;
    }

    /** Pushes a numeric constant (its bits) at height {@code h}, deferred like {@link #pushLocal}. */
    void pushConstant(int h, char t, long bits) {
        ensureHeight(h);
        stack[h] = t;
        deferred[h] = DEFERRED_CONST;
        deferredValue[h] = bits;
    }

    /** Stores the deferred value at height {@code h} (if it is one) into its stack local. */
    void materialize(int h) {
        if (deferred[h] != IN_VAR) {
            loadAt(h);
            storeAt(h, stack[h]);
        }
    }

    /**
     * Stores every deferred value below {@code sp} into its stack local and forgets stale marks above it: done
     * before any instruction that branches, calls, reads the stack locals directly or can reach a handler, so
     * that only runs of straight-line instructions ever see deferred values.
     */
    void materializeAll() {
        for (int h = 0; h < sp; h++) {
            materialize(h);
        }
        Arrays.fill(deferred, Math.min(sp, deferred.length), deferred.length, IN_VAR);
    }

    /** Before local {@code x} changes: the deferred copies of its old value below {@code sp} become real. */
    void materializeLocal(int x) {
        for (int h = 0; h < sp; h++) {
            if (deferred[h] == DEFERRED_LOCAL && deferredValue[h] == x) {
                materialize(h);
            }
        }
    }

    /** Pushes Wasm local {@code x}'s current value onto the JVM stack. */
    abstract void loadLocal(int x);

    /** Pushes the constant of type {@code t} (i32, i64, f32, f64) with the given bits. */
    void pushConst(char t, long bits) {
        switch (t) {
            case 'i' -> pushInt(mv, (int) bits);
            case 'I' -> pushLong(bits);
            case 'f' -> {
                float v = Float.intBitsToFloat((int) bits);
                if (v != v) {
                    // NaN payloads survive only as bits: rebuild the value at run time.
                    pushInt(mv, (int) bits);
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                } else {
                    mv.visitLdcInsn(v);
                }
            }
            case 'F' -> {
                double v = Double.longBitsToDouble(bits);
                if (v != v) {
                    mv.visitLdcInsn(bits);
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                } else {
                    mv.visitLdcInsn(v);
                }
            }
            default -> throw new IllegalArgumentException("not a numeric constant type: " + t);
        }
    }

    void load(char t, int var) {
        if (t == 'V') {
            mv.visitVarInsn(LLOAD, var);
            mv.visitVarInsn(LLOAD, var + 2);
            return;
        }
        mv.visitVarInsn(switch (t) { case 'i' -> ILOAD; case 'I' -> LLOAD; case 'f' -> FLOAD; case 'r' -> ALOAD; default -> DLOAD; }, var);
    }

    void store(char t, int var) {
        if (t == 'V') {
            mv.visitVarInsn(LSTORE, var + 2);
            mv.visitVarInsn(LSTORE, var);
            return;
        }
        mv.visitVarInsn(switch (t) { case 'i' -> ISTORE; case 'I' -> LSTORE; case 'f' -> FSTORE; case 'r' -> ASTORE; default -> DSTORE; }, var);
    }

    void pushZero(char t) {
        if (t == 'V') {
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCONST_0);
            return;
        }
        mv.visitInsn(switch (t) { case 'i' -> ICONST_0; case 'I' -> LCONST_0; case 'f' -> FCONST_0; case 'r' -> ACONST_NULL; default -> DCONST_0; });
    }

    static void pushInt(MethodVisitor m, int v) {
        if (v >= -1 && v <= 5) {
            m.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            m.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            m.visitIntInsn(SIPUSH, v);
        } else {
            m.visitLdcInsn(v);
        }
    }

    void pushLong(long v) {
        if (v == 0 || v == 1) {
            mv.visitInsn(LCONST_0 + (int) v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    /** Converts the JVM stack top of Wasm type {@code t} to its slot form (a long). */
    static void toSlot(MethodVisitor m, char t) {
        switch (t) {
            case 'i' -> m.visitInsn(I2L);
            case 'I' -> { }
            case 'f' -> {
                m.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                m.visitInsn(I2L);
                m.visitLdcInsn(0xFFFFFFFFL);
                m.visitInsn(LAND);
            }
            default -> m.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
        }
    }

    /** Converts a slot (long) on the JVM stack to a value of Wasm type {@code t}. */
    static void fromSlot(MethodVisitor m, char t) {
        switch (t) {
            case 'i' -> m.visitInsn(L2I);
            case 'I' -> { }
            case 'f' -> {
                m.visitInsn(L2I);
                m.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            }
            default -> m.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
        }
    }
}
