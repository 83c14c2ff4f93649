package dev.ligature.jit;

import dev.ligature.core.runtime.ExecutionEngine;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.types.FuncType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;

/** Generates a module's hidden class and hands out its functions bound to instances. */
final class ModuleCompiler implements ExecutionEngine.CompiledCode {
    /** Hidden classes must live in the package of the lookup that defines them. */
    private static final String CLASS_NAME = "dev/ligature/jit/WasmCode";
    private static final MethodType ENTRY = MethodType.methodType(void.class, JitInstance.class, int.class);

    private final ModuleShape shape;
    /** Kept reachable by the module: the class goes away with the last reference to the module. */
    private final Class<?> code;
    private final MethodHandle[] entries;
    private JitInstance last;

    private ModuleCompiler(ModuleShape shape, Class<?> code, MethodHandle[] entries) {
        this.shape = shape;
        this.code = code;
        this.entries = entries;
    }

    static ModuleCompiler compile(ModuleShape shape) {
        byte[] bytes = classBytes(shape);
        int n = shape.module.functions().size();
        try {
            MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
            MethodHandle[] entries = new MethodHandle[n];
            for (int i = 0; i < n; i++) {
                entries[i] = l.findStatic(l.lookupClass(), FunctionCompiler.entryName(shape.importedFuncs + i), ENTRY);
            }
            return new ModuleCompiler(shape, l.lookupClass(), entries);
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("generated class is inconsistent", e);
        }
    }

    /** The class file of a module's code (tests read it to check method sizes). */
    static byte[] classBytes(ModuleShape shape) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                // Generated code never merges two different reference types in one local or slot.
                return "java/lang/Object";
            }
        };
        cw.visit(Opcodes.V21, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, CLASS_NAME, null, "java/lang/Object", null);
        int n = shape.module.functions().size();
        for (int i = 0; i < n; i++) {
            new FunctionCompiler(shape, CLASS_NAME, shape.importedFuncs + i).compile(cw);
        }
        cw.visitEnd();
        byte[] bytes;
        try {
            bytes = cw.toByteArray();
        } catch (MethodTooLargeException e) {
            // f<i>, e<i>, or a split function's c<i>_<k> / d<i>_<g>: the digits after the first letter.
            String name = e.getMethodName();
            int stop = 1;
            while (stop < name.length() && Character.isDigit(name.charAt(stop))) {
                stop++;
            }
            int f = Integer.parseInt(name.substring(1, stop));
            throw new JitCompileException(f, shape.functionName(f), "method of " + e.getCodeSize()
                    + " bytes passes the JVM's 64 KiB limit (splitting is not implemented yet)");
        } catch (ClassTooLargeException e) {
            throw new JitCompileException(-1, null, "module class too large (" + e.getConstantPoolCount()
                    + " constants); splitting a module into several classes is not implemented yet");
        }
        return bytes;
    }

    /** The generated class (for tests: all instances share it). */
    Class<?> generatedClass() {
        return code;
    }

    private synchronized JitInstance contextOf(Instance instance) {
        // The linker binds all functions of one instance in a row: remember the last context.
        JitInstance c = last;
        if (c == null || c.instance != instance) {
            last = c = new JitInstance(instance, shape.scratchSlots);
        }
        return c;
    }

    @Override
    public WasmFunction bind(Instance instance, int funcIndex) {
        FuncType t = shape.typeOfFunction(funcIndex);
        int typeId = shape.types.canonicalId(shape.funcTypeIndex[funcIndex]);
        return new JitFunction(t, typeId, contextOf(instance), funcIndex,
                entries[funcIndex - shape.importedFuncs]);
    }
}
