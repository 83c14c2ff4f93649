package dev.ligature.jit;

import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.engine.InstanceState;
import dev.ligature.core.engine.EngineFunction;
import dev.ligature.core.types.FuncType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;

/**
 * A module's compiled code: one class per function, defined by the module's {@link CodeLoader}
 * when first needed (or all at once in {@link JitOptions.Compilation#EAGER} mode), shared by every
 * instance, and handed out bound to instances as {@link JitFunction}s.
 */
final class ModuleCompiler implements ExecutionEngine.CompiledCode {
    /** Functions compiled by this JVM so far (all modules): lets tests see that a jar-loaded module compiles nothing. */
    static final java.util.concurrent.atomic.AtomicLong COMPILED = new java.util.concurrent.atomic.AtomicLong();
    private static final MethodType ENTRY = MethodType.methodType(void.class, JitInstance.class, int.class);

    private final ModuleShape shape;
    private final CodeLoader loader;
    /** Slot-convention entries by defined-function index, resolved on first call (a benign race). */
    private final MethodHandle[] entries;
    /** Step entries of functions with a trampoline (see {@link TailCalls}), else null. */
    private final MethodHandle[] steps;
    private JitInstance last;

    private ModuleCompiler(ModuleShape shape, CodeLoader.Source source) {
        this.shape = shape;
        int n = shape.module.functions().size();
        this.loader = new CodeLoader(source, shape.importedFuncs, shape.importedFuncs + n);
        this.entries = new MethodHandle[n];
        this.steps = new MethodHandle[n];
        this.typed = new MethodHandle[n];
    }

    /** Code that compiles each function when first needed; with {@code eager}, compiles all now. */
    static ModuleCompiler compile(ModuleShape shape, boolean eager) {
        ModuleCompiler c = new ModuleCompiler(shape, i -> compileFunction(shape, i));
        if (eager) {
            c.loadAll();
        }
        return c;
    }

    /** Code whose classes come from {@code source} (an ahead-of-time jar); nothing is compiled. */
    static ModuleCompiler load(ModuleShape shape, CodeLoader.Source source) {
        return new ModuleCompiler(shape, source);
    }

    /** Defines every function's class now (compile errors surface here rather than at first call). */
    void loadAll() {
        // Functions compile independently and the loader is parallel capable: use every core.
        java.util.stream.IntStream.range(0, entries.length).parallel()
                .forEach(i -> loader.classOf(shape.importedFuncs + i));
    }

    /** The class file of defined function {@code funcIndex}. */
    static byte[] compileFunction(ModuleShape shape, int funcIndex) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                // Generated code never merges two different reference types in one local or slot.
                return "java/lang/Object";
            }
        };
        String name = CodeLoader.internalName(funcIndex);
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", null);
        COMPILED.incrementAndGet();
        new FunctionCompiler(shape, name, funcIndex).compile(cw);
        cw.visitEnd();
        try {
            return cw.toByteArray();
        } catch (MethodTooLargeException e) {
            throw new JitCompileException(funcIndex, shape.functionName(funcIndex), "method " + e.getMethodName()
                    + " of " + e.getCodeSize() + " bytes passes the JVM's 64 KiB limit");
        } catch (org.objectweb.asm.ClassTooLargeException e) {
            throw new JitCompileException(funcIndex, shape.functionName(funcIndex), "class of " + e.getConstantPoolCount()
                    + " constants passes the JVM's limit of 65,535");
        }
    }

    /** The class of function {@code funcIndex} (for tests: all instances share it). */
    Class<?> classOf(int funcIndex) {
        return loader.classOf(funcIndex);
    }

    /** Whether function {@code funcIndex} has been compiled (or read from a jar) yet. */
    boolean isCompiled(int funcIndex) {
        return loader.isDefined(funcIndex);
    }

    /** The slot-convention entry {@code e<i>(JitInstance, int base)} of function {@code funcIndex}. */
    MethodHandle entry(int funcIndex) {
        return method(entries, funcIndex, FunctionCompiler.entryName(funcIndex), ENTRY);
    }

    /** Typed methods {@code f<i>} by defined-function index, looked up on first use. */
    private final MethodHandle[] typed;

    /** The typed method {@code f<i>(JitInstance, params...)} of function {@code funcIndex}. */
    MethodHandle typed(int funcIndex) {
        MethodType t = MethodType.fromMethodDescriptorString(
                StackEmitter.descriptor(shape.typeOfFunction(funcIndex)), JitEngine.class.getClassLoader());
        return method(typed, funcIndex, FunctionCompiler.methodName(funcIndex), t);
    }

    /** The step entry {@code s<i>} of a function with a trampoline ({@link TailCalls}), else null. */
    MethodHandle step(int funcIndex) {
        return shape.tailCalls(funcIndex) ? method(steps, funcIndex, TailCalls.stepName(funcIndex), ENTRY) : null;
    }

    /**
     * Method {@code name} of function {@code funcIndex}'s class (compiled or read on first use),
     * cached in {@code cache} by defined-function index: a benign race, the handle is immutable.
     */
    private MethodHandle method(MethodHandle[] cache, int funcIndex, String name, MethodType type) {
        int k = funcIndex - shape.importedFuncs;
        MethodHandle h = cache[k];
        if (h == null) {
            try {
                h = MethodHandles.publicLookup().findStatic(loader.classOf(funcIndex), name, type);
            } catch (IllegalAccessException | NoSuchMethodException e) {
                throw new IllegalStateException("generated class is inconsistent", e);
            }
            cache[k] = h;
        }
        return h;
    }

    private synchronized JitInstance contextOf(InstanceState instance) {
        // The linker binds all functions of one instance in a row: remember the last context.
        JitInstance c = last;
        if (c == null || c.instance != instance) {
            last = c = new JitInstance(instance, shape.scratchSlots);
        }
        return c;
    }

    @Override
    public EngineFunction bind(InstanceState instance, int funcIndex) {
        FuncType t = shape.typeOfFunction(funcIndex);
        int typeId = shape.types.canonicalId(shape.funcTypeIndex[funcIndex]);
        return new JitFunction(t, typeId, contextOf(instance), funcIndex, this);
    }
}
