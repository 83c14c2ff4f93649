package dev.ligature.jit.compiler;

import dev.ligature.core.engine.ExecContext;
import dev.ligature.core.runtime.Tag;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.engine.Types;
import dev.ligature.core.engine.Values;
import dev.ligature.core.engine.EngineFunction;
import dev.ligature.core.engine.TrapFrames;
import dev.ligature.core.engine.Tables;
import dev.ligature.core.runtime.WasmThrow;
import java.util.Arrays;

/** Out-of-line operations called by generated code. Public for the hidden classes; not API. */
public final class JitRuntime {
    private JitRuntime() {}

    /**
     * Bootstrap of the dynamic constant {@code typeId} generated code loads for {@code call_indirect}: the canonical
     * id of its module's type {@code typeIndex} in this JVM (see {@link CodeLoader#canonicalTypeId}). Resolved once
     * per class and constant site, then a constant to the JIT as a literal would be.
     */
    public static int typeId(java.lang.invoke.MethodHandles.Lookup lookup, String name, Class<?> type, int typeIndex) {
        return ((CodeLoader) lookup.lookupClass().getClassLoader()).canonicalTypeId(typeIndex);
    }

    /** The {@code ldc} operand generated code uses for the canonical id of type {@code typeIndex}. */
    static org.objectweb.asm.ConstantDynamic typeIdConstant(int typeIndex) {
        return new org.objectweb.asm.ConstantDynamic("typeId", "I", TYPE_ID_BOOTSTRAP, typeIndex);
    }

    private static final org.objectweb.asm.Handle TYPE_ID_BOOTSTRAP = new org.objectweb.asm.Handle(
            org.objectweb.asm.Opcodes.H_INVOKESTATIC, StackEmitter.RUNTIME, "typeId",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)I", false);

    public static void init() {
        Types.registry();
        TrapFrames.add(new Trap(Trap.Kind.UNREACHABLE), i -> null, 0);
    }

    public static Trap unreachable() {
        return new Trap(Trap.Kind.UNREACHABLE);
    }

    public static Trap interrupted(JitInstance ctx) {
        return ctx.instance.takeInterrupt();
    }

    /** The function {@code call_indirect} calls: bounds, null and canonical type checks as the interpreter does. */
    public static EngineFunction indirect(JitInstance ctx, int typeId, int table, long i) {
        return Tables.functionForCall(ctx.tables[table], i, typeId);
    }

    /** Whether {@code f} is compiled code bound to {@code ctx}: then {@code call_indirect} uses its inline cache. */
    public static boolean compiledHere(EngineFunction f, JitInstance ctx) {
        return f instanceof JitFunction j && j.context() == ctx;
    }

    /**
     * Effective address of a 64-bit memory access: {@code index + offset} as unsigned numbers, or
     * -1 (which {@link dev.ligature.core.runtime.Memory} refuses, and which the interpreter reports
     * too) when the sum reaches 2^63: no memory is that large, and the sum may have wrapped.
     */
    public static long ea64(long index, long offset) {
        long ea = index + offset;
        return (index | offset | ea) < 0 ? -1 : ea;
    }

    /**
     * The entry of a function that takes its parameters in scratch (too many for JVM parameters):
     * copies the {@code n} argument slots at {@code base} to {@code ctx.mv}/{@code ctx.mvRefs}.
     */
    public static void argsToScratch(JitInstance ctx, int base, int n) {
        ExecContext ec = ctx.exec;
        System.arraycopy(ec.slots, base, ctx.mv, 0, n);
        System.arraycopy(ec.refs, base, ctx.mvRefs, 0, n);
    }

    /** {@code ref.as_non_null}. */
    public static Object nonNull(Object ref) {
        if (ref == null) {
            throw new Trap(Trap.Kind.NULL_REFERENCE);
        }
        return ref;
    }

    /** The callee of {@code call_ref}. */
    public static EngineFunction funcRef(Object ref) {
        if (ref == null) {
            throw new Trap(Trap.Kind.NULL_FUNCTION_REFERENCE);
        }
        return (EngineFunction) ref;
    }

    /** The imported function {@code index}. */
    public static EngineFunction imported(JitInstance ctx, int index) {
        return ctx.functions[index];
    }

    /**
     * Calls {@code f} through the slot convention: arguments were staged in {@code ctx.mv}, results
     * come back there. Uses the execution context's slots above the frame that entered this code.
     */
    public static void invoke(JitInstance ctx, EngineFunction f) {
        ExecContext ec = ctx.exec;
        int b = ctx.top;
        int p = f.paramSlots();
        int r = f.resultSlots();
        ec.ensure(b + Math.max(p, r) + 16);
        System.arraycopy(ctx.mv, 0, ec.slots, b, p);
        System.arraycopy(ctx.mvRefs, 0, ec.refs, b, p);
        ec.caller = ctx.instance.instance();
        int depth = ec.depth;
        try {
            EngineFunction.invokeFully(f, ec, b);
        } catch (WasmThrow e) {
            // Compiled code may catch it: interpreted frames it unwound did not restore the depth.
            ec.depth = depth;
            throw e;
        }
        resultsBack(ctx, ec, b, p, r);
    }

    /** Moves {@code r} result slots at {@code b} to {@code ctx.mv}, then clears the references a call left there. */
    private static void resultsBack(JitInstance ctx, ExecContext ec, int b, int p, int r) {
        System.arraycopy(ec.slots, b, ctx.mv, 0, r);
        System.arraycopy(ec.refs, b, ctx.mvRefs, 0, r);
        // Stale references in the shared slots would keep objects alive.
        Arrays.fill(ec.refs, b, b + Math.max(p, r), null);
    }

    /** {@code throw}: a new exception of tag {@code tag} with the payload staged in {@code ctx.mv}. */
    public static WasmThrow exception(JitInstance ctx, int tag) {
        Tag t = ctx.instance.tags[tag];
        int n = Values.paramSlots(t.type());
        return new WasmThrow(t, Arrays.copyOf(ctx.mv, n), Arrays.copyOf(ctx.mvRefs, n));
    }

    /** {@code throw_ref}: the exception an exnref holds. */
    public static WasmThrow rethrow(Object exn) {
        if (exn == null) {
            throw new Trap(Trap.Kind.NULL_REFERENCE);
        }
        return (WasmThrow) exn;
    }

    /** Whether {@code exn} carries this instance's tag {@code tag}: tags match by identity. */
    public static boolean hasTag(Object exn, JitInstance ctx, int tag) {
        return ((WasmThrow) exn).tag() == ctx.instance.tags[tag];
    }

    /** A tail call leaving compiled code: {@code f} runs next, with the arguments staged in {@code ctx.mv}. */
    public static void tail(JitInstance ctx, EngineFunction f) {
        ExecContext ec = ctx.exec;
        ec.caller = ctx.instance.instance();
        ec.tailCall = f;
    }

    /** End of a body run in slot form ({@code s<i>}) that left a tail call pending: its arguments go to {@code base}. */
    public static void stepOut(JitInstance ctx, int base) {
        ExecContext ec = ctx.exec;
        int p = ec.tailCall.paramSlots();
        ec.ensure(base + p + 16);
        System.arraycopy(ctx.mv, 0, ec.slots, base, p);
        System.arraycopy(ctx.mvRefs, 0, ec.refs, base, p);
    }

    /**
     * Runs the tail call chain a body left pending, in this one JVM frame, above the slots in use;
     * the results go to {@code ctx.mv} like those of a foreign call.
     */
    public static void trampoline(JitInstance ctx) {
        ExecContext ec = ctx.exec;
        int b = ctx.top;
        EngineFunction f = ec.tailCall;
        ec.tailCall = null;
        int p = f.paramSlots();
        int r = f.resultSlots();
        ec.ensure(b + Math.max(p, r) + 16);
        System.arraycopy(ctx.mv, 0, ec.slots, b, p);
        System.arraycopy(ctx.mvRefs, 0, ec.refs, b, p);
        int depth = ec.depth;
        try {
            while (true) {
                if (f instanceof JitFunction j) {
                    j.invokeStep(ec, b);
                } else {
                    f.invoke(ec, b);
                }
                f = ec.tailCall;
                if (f == null) {
                    break;
                }
                ec.tailCall = null;
            }
        } catch (WasmThrow e) {
            ec.depth = depth;
            throw e;
        }
        resultsBack(ctx, ec, b, p, r);
    }
}
