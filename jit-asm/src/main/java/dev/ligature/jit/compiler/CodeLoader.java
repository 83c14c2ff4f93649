package dev.ligature.jit.compiler;

import dev.ligature.jit.JitEngine;
import dev.ligature.core.engine.GeneratedCode;

/**
 * The class loader of one compiled module: it defines one class per Wasm function, named
 * {@code ligature.wasm.F<index>}, when the JVM first resolves it. Calls between functions are
 * {@code invokestatic}s by name, so the JVM's own lazy resolution gives lazy compilation: a function
 * is compiled the first time a call to it executes (or its entry is looked up), and never again.
 * The loader and its classes become unreachable, and unloadable, with the module.
 */
public final class CodeLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** Internal-name prefix of generated classes; the index of the function follows. */
    static final String PREFIX = "ligature/wasm/F";
    private static final String BINARY_PREFIX = PREFIX.replace('/', '.');

    /** Where class bytes come from: the compiler, or an ahead-of-time jar. */
    public interface Source {
        /** The class file of function {@code funcIndex} (a defined function), or an exception saying why not. */
        byte[] classBytes(int funcIndex);
    }

    private final Source source;
    private final int firstDefined;
    private final int functionCount;
    /** The module's types: their canonical ids, which belong to this JVM, are resolved here ({@link #canonicalTypeId}). */
    private final dev.ligature.core.valid.TypeContext types;

    CodeLoader(Source source, int firstDefined, int functionCount, dev.ligature.core.valid.TypeContext types) {
        super("ligature-module", JitEngine.class.getClassLoader());
        // On the module path, generated classes (in this loader's unnamed module) may use only what is exported to them.
        GeneratedCode.grantAccess(getUnnamedModule());
        Module jit = CodeLoader.class.getModule();
        if (jit.isNamed()) {
            jit.addExports(CodeLoader.class.getPackageName(), getUnnamedModule());
        }
        this.source = source;
        this.firstDefined = firstDefined;
        this.functionCount = functionCount;
        this.types = types;
    }

    /**
     * The canonical id, in this JVM's type registry, of the module's type {@code typeIndex}. Generated code loads
     * it as a dynamic constant ({@link JitRuntime#typeId}) rather than a literal: ids depend on what this JVM
     * registered first, so a literal would tie classes written to an ahead-of-time jar to the JVM that wrote them.
     */
    int canonicalTypeId(int typeIndex) {
        return types.canonicalId(typeIndex);
    }

    public static String internalName(int funcIndex) {
        return PREFIX + funcIndex;
    }

    /** The class of function {@code funcIndex}, compiling or reading it on first use. */
    Class<?> classOf(int funcIndex) {
        try {
            return loadClass(BINARY_PREFIX + funcIndex);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the class of function {@code funcIndex} has been defined (compiled or read) yet. */
    boolean isDefined(int funcIndex) {
        return findLoadedClass(BINARY_PREFIX + funcIndex) != null;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(BINARY_PREFIX)) {
            return super.loadClass(name, resolve); // the runtime classes generated code refers to
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            return c != null ? c : findClass(name);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        int index;
        try {
            index = Integer.parseInt(name, BINARY_PREFIX.length(), name.length(), 10);
        } catch (NumberFormatException e) {
            throw new ClassNotFoundException(name);
        }
        if (index < firstDefined || index >= functionCount || !name.equals(BINARY_PREFIX + index)) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes = source.classBytes(index);
        return defineClass(name, bytes, 0, bytes.length);
    }
}
