package dev.ligature.jit;

import dev.ligature.core.ast.Func;
import dev.ligature.core.types.FuncType;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Decides how a function becomes JVM methods, each under {@link StackEmitter#HUGE_METHOD_LIMIT}
 * bytes of bytecode (HotSpot never JIT-compiles larger ones): one method (the fast path: locals
 * and operand stack in JVM locals), or chunks and a dispatcher ({@link SplitEmitter}).
 *
 * <p>A pre-scan ({@link ChunkPlanner}) estimates the size. Small functions compile straight into
 * the class; in doubt, the function is compiled into a throwaway class writer and measured
 * exactly, then compiled again for real. Split mode measures each plan the same way and, while a
 * chunk comes out too large, plans again with a smaller budget. Only functions estimated past
 * {@link #SURELY_SMALL} pay for compiling twice, split ones a little more.
 */
final class MethodSizing {
    /**
     * Functions estimated at most this many bytes compile straight into the class, unmeasured. The
     * estimate is low by up to about 4.5x in the worst cases seen (many JVM locals needing wide
     * instructions, branches carrying several values, multi-value calls): 1,600 keeps even those
     * under the limit. Between this and {@link #SURELY_LARGE} a function is measured first.
     */
    private static final long SURELY_SMALL = 1_600;
    /**
     * Small self-recursive functions (estimated at most this many bytes) get a twin: the same body as a second
     * method, {@code f<i>} calling {@code g<i>} for its self calls and {@code g<i>} calling {@code f<i>}. HotSpot
     * inlines a method into itself only one level deep (MaxRecursiveInlineLevel), but it inlines a call to another
     * method as usual, so the twins let it inline the recursion about twice as deep (fib-like code: fewer calls).
     */
    private static final long TWIN_ESTIMATE = 300;
    /** Functions estimated above this many bytes go to split mode without trying one method. */
    private static final long SURELY_LARGE = 40_000;
    /** Past this many locals a function goes to split mode, where locals live in a frame array. */
    private static final long MAX_JVM_LOCALS = 20_000;
    /** First chunk budget in split mode (estimated bytes), well under the limit: spills and stubs add to it. */
    private static final long FIRST_BUDGET = 5_000;
    private static final int LIMIT = StackEmitter.HUGE_METHOD_LIMIT;

    private MethodSizing() {}

    /** Whether some instruction of the body {@code code} passes {@code test} (given the reader, just past it). */
    static boolean anyInstruction(byte[] code, java.util.function.Predicate<dev.ligature.core.instr.CodeReader> test) {
        dev.ligature.core.instr.CodeReader r = new dev.ligature.core.instr.CodeReader(
                new dev.ligature.core.binary.WasmReader(code));
        while (r.hasNext()) {
            r.next();
            if (test.test(r)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the body {@code code} of function {@code funcIndex} has a direct call of itself. */
    static boolean callsItself(byte[] code, int funcIndex) {
        return anyInstruction(code, r -> r.op() == dev.ligature.core.instr.Opcode.CALL && r.index() == funcIndex);
    }

    static void compile(ModuleShape shape, String owner, int funcIndex, ClassVisitor cv) {
        FunctionCompiler first = new FunctionCompiler(shape, owner, funcIndex);
        FuncType type = shape.typeOfFunction(funcIndex);
        String desc = StackEmitter.descriptor(type);
        if (desc == null) {
            throw first.fail("unsupported value type in signature " + type);
        }
        Func func = shape.module.functions().get(funcIndex - shape.importedFuncs);
        byte[] code = func.body().bytes();
        long locals = type.params().size() + func.localCount();
        // Testing aid (JitOptions.forcedSplitBudget): split every function with that chunk budget.
        long forced = shape.options.forcedSplitBudget();
        if (locals <= MAX_JVM_LOCALS && forced <= 0) {
            long estimate = ChunkPlanner.estimateFast(shape, code);
            if (estimate <= SURELY_SMALL) {
                boolean twinned = estimate <= TWIN_ESTIMATE && !shape.tailCalls(funcIndex) && callsItself(code, funcIndex);
                if (twinned) {
                    // f<i>'s self calls go to its twin g<i>, whose self calls go back to f<i> (see TWIN_ESTIMATE).
                    first.selfCalls(FunctionCompiler.twinName(funcIndex));
                    FunctionCompiler twin = new FunctionCompiler(shape, owner, funcIndex);
                    twin.selfCalls(FunctionCompiler.methodName(funcIndex));
                    twin.emitAs(FunctionCompiler.twinName(funcIndex), cv, desc);
                }
                int size = first.emit(cv, desc, null);
                if (size >= LIMIT) {
                    throw first.fail("method of " + size + " bytes of bytecode passes HotSpot's limit of " + LIMIT
                            + " though estimated at " + estimate);
                }
                first.emitEntries(cv, desc);
                return;
            }
            if (estimate <= SURELY_LARGE && fitsOneMethod(first, desc)) {
                new FunctionCompiler(shape, owner, funcIndex).emit(cv, desc, null);
                first.emitEntries(cv, desc);
                return;
            }
        }
        long budget = forced > 0 ? forced : FIRST_BUDGET;
        boolean inlineConstants = false;
        while (true) {
            ChunkPlanner.Plan plan = ChunkPlanner.plan(shape, code, budget);
            if (inlineConstants) {
                plan = plan.inliningConstants();
            }
            if (plan.chunks() >= 1 << 15) {
                throw first.fail("function too large: " + plan.chunks() + " chunks");
            }
            // A first compilation finds what each chunk leaves alone at the bottom of the operand stack.
            int size = measure(shape, owner, funcIndex, desc, plan);
            if (size != TOO_MANY_LOCALS) {
                plan = plan.withObservedValid();
                if (size < 0) {
                    // Too many distinct constants for one class: build them inline.
                    inlineConstants = true;
                    plan = plan.inliningConstants();
                }
                size = measure(shape, owner, funcIndex, desc, plan);
            }
            if (size < LIMIT) {
                new FunctionCompiler(shape, owner, funcIndex).emit(cv, desc, plan);
                first.emitEntries(cv, desc);
                return;
            }
            if (budget < 200) {
                throw first.fail("a chunk of " + size + " bytes of bytecode passes HotSpot's limit of " + LIMIT
                        + " even with a chunk budget of " + budget);
            }
            // Scale the budget by how far the largest chunk overshot, and some more.
            budget = Math.min(budget * 7 / 10, budget * 7_000 / size);
        }
    }

    /** What {@link #measure} returns for a chunk using more locals than a JVM method may have: far too large anyway. */
    private static final int TOO_MANY_LOCALS = 4 * LIMIT;

    /** The largest method of the function split as {@code plan} plans, compiled into a throwaway writer. */
    private static int measure(ModuleShape shape, String owner, int funcIndex, String desc, ChunkPlanner.Plan plan) {
        try {
            return new FunctionCompiler(shape, owner, funcIndex).emit(probe(), desc, plan);
        } catch (JitCompileException e) {
            if (!e.getMessage().contains("too many JVM locals")) {
                throw e;
            }
            return TOO_MANY_LOCALS;
        }
    }

    private static boolean fitsOneMethod(FunctionCompiler c, String desc) {
        try {
            return c.emit(probe(), desc, null) < LIMIT;
        } catch (JitCompileException e) {
            return false; // e.g. too many JVM locals; split mode reports what it cannot do itself
        }
    }

    /** A class writer that only measures: nothing written to it is kept. */
    private static ClassWriter probe() {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V21, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "dev/ligature/jit/Probe", null, "java/lang/Object", null);
        return w;
    }
}
