package dev.ligature.dylink;

import dev.ligature.core.WasmException;
import dev.ligature.core.runtime.Global;
import dev.ligature.core.runtime.HostFunction;
import dev.ligature.core.runtime.ImportType;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.InstanceOptions;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.runtime.Tag;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.emscripten.EmscriptenAbort;
import dev.ligature.emscripten.EmscriptenProcess;
import dev.ligature.emscripten.StartHooks;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dynamic linker of one process, in place of Emscripten's JavaScript loader
 * ({@code libdylink.js}): the global symbol namespace, the process-wide GOT, one canonical table
 * slot per function, the loaded libraries by name and by C handle, and {@code loadLibrary} with
 * its dependency-first recursion. It binds the main module's linker imports as a
 * {@link StartHooks}, and serves the host hooks {@code _dlopen_js}, {@code _emscripten_dlopen_js}
 * and {@code _dlsym_js}. {@code ../docs/dylink.md} (the project's shared research notes) is the
 * specification; where Emscripten has bugs this class does what a correct linker does: a failed
 * load is rolled back whole, only the current load's own unresolved references fail it, weak
 * undefined references become 0, and a library's local scope is visible to it.
 */
final class DynamicLinker implements StartHooks {
    /** Exports the loader consumes or that are not symbols (Emscripten's isInternalSym list, all releases). */
    private static final Set<String> INTERNAL = Set.of("memory", "__memory_base", "__table_base", "__stack_pointer",
            "__indirect_function_table", "__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle",
            "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "emscripten_tls_init",
            "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js");
    private static final FuncType NO_ARGS = FuncType.of(List.of(), List.of());
    private static final long[] NONE = new long[0];

    final DylinkOptions options;
    final LoaderAbi abi;
    final boolean relocatableMain;
    final DylinkInfo mainInfo;
    private final long stackSize;

    EmscriptenProcess process;
    Memory memory;
    Table table;
    private Global stackPointer;
    private long mainMemoryBase;
    /** The bump pointer for libraries loaded before the runtime is up (Emscripten's {@code ___heap_base}). */
    private long heapTop;
    private boolean runtimeInitialized;

    /** The global namespace: main exports and exports of global libraries; runtime functions are asked for by name. */
    private final Map<String, Object> namespace = new LinkedHashMap<>();
    /** Types of the runtime functions the main module imports: they are namespace entries too (first). */
    private final Map<String, FuncType> mainHostImports = new HashMap<>();
    /** One object per runtime function and type, so a runtime function has one identity and one slot. */
    private final Map<String, WasmFunction> hostFunctions = new HashMap<>();
    private final Map<String, GotCell> got = new LinkedHashMap<>();
    /** Function -> its canonical table index (Emscripten's functionsInTableMap). */
    private final IdentityHashMap<Object, Integer> slots = new IdentityHashMap<>();
    final Map<String, Dso> byName = new LinkedHashMap<>();
    final Map<Long, Dso> byHandle = new LinkedHashMap<>();
    /** Libraries in the order their instantiation completed (dependencies before dependents), main first. */
    final List<Dso> loadOrder = new ArrayList<>();
    /** Relocations and constructors of startup libraries, run after the main module's (in order). */
    private final List<Runnable> startupRelocs = new ArrayList<>();
    private final List<Runnable> startupCtors = new ArrayList<>();
    /** Completions of asynchronous dlopens, run when the program's current call returns. */
    final Deque<Runnable> pendingCallbacks = new ArrayDeque<>();
    /** Undo actions of the load in progress; null when no load is in progress. */
    private Deque<Runnable> journal;
    /** GOT cells that startup libraries reference without a weak binding (they must resolve). */
    private final List<GotCell> startupRequired = new ArrayList<>();
    /** GOT cells that the modules of the load in progress reference without a weak binding. */
    private List<GotCell> requiredThisLoad;

    /** One GOT entry: a mutable i32 global shared by every importer, and whether anything defined it yet. */
    static final class GotCell {
        final String name;
        final Global global = Global.i32(0, true);
        boolean resolved;
        boolean required;

        GotCell(String name) {
            this.name = name;
        }
    }

    /** A loaded library (or the main module, {@code __main__}). */
    static final class Dso {
        final String name;
        boolean global;
        long refcount;
        /** Relocated exports: WasmFunction, Long (an address), or other extern values; null while loading. */
        Map<String, Object> exports;
        Instance instance;
        DylinkInfo info;
        long memoryBase;
        long tableBase;
        final List<Long> handles = new ArrayList<>();

        Dso(String name) {
            this.name = name;
        }
    }

    /** A failed load, with the text Emscripten's loader appends to "could not load dynamic lib: NAME\n". */
    static final class LoadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadFailure(String text) {
            super(text, null, false, false);
        }
    }

    DynamicLinker(WasmModule main, LoaderAbi abi, DylinkOptions options, java.util.OptionalLong glueStack) {
        this.options = options;
        this.abi = abi;
        this.mainInfo = DylinkInfo.of(main).orElseThrow(() -> new IllegalArgumentException(
                "the main module has no dylink.0 section: build it with -sMAIN_MODULE"));
        boolean reloc = false;
        for (ImportType i : main.imports()) {
            if (i.module().equals("env") && i.name().equals("__memory_base")) {
                reloc = true;
            }
        }
        this.relocatableMain = reloc;
        this.stackSize = options.stackSize().orElse(glueStack.orElse(5L << 20));
    }

    // ---------------------------------------------------------------- startup (StartHooks)

    /** The main module's memory base (Emscripten's GLOBAL_BASE for a relocatable main). */
    private static final int GLOBAL_BASE = 1024;

    /** Address where the relocatable main's data ends and the stack begins, rounded to 16. */
    private long stackLow() {
        return align(GLOBAL_BASE + mainInfo.memorySize(), 16);
    }

    @Override
    public Object bindFirst(EmscriptenProcess p, ImportType imp) {
        this.process = p;
        String m = imp.module();
        String n = imp.name();
        if (m.equals("GOT.mem") || m.equals("GOT.func")) {
            return gotCell(n, !mainInfo.isWeakSymbol(n)).global;
        }
        if (!m.equals("env")) {
            return null;
        }
        switch (n) {
            case "_dlopen_js":
                return HostFunction.of("env._dlopen_js", imp.functionType(), (caller, a) -> new long[] {dlopenJs(a[0] & 0xFFFFFFFFL)});
            case "_dlsym_js":
                return HostFunction.of("env._dlsym_js", imp.functionType(),
                        (caller, a) -> new long[] {dlsymJs(a[0] & 0xFFFFFFFFL, a[1] & 0xFFFFFFFFL, a.length > 2 ? a[2] & 0xFFFFFFFFL : 0)});
            case "_emscripten_dlopen_js":
                return HostFunction.of("env._emscripten_dlopen_js", imp.functionType(), (caller, a) -> {
                    emscriptenDlopenJs(a);
                    return NONE;
                });
            default:
                break;
        }
        if (!relocatableMain) {
            return null;
        }
        return switch (n) {
            case "__memory_base" -> Global.i32(GLOBAL_BASE, false);
            case "__table_base" -> Global.i32(1, false);
            case "__stack_pointer" -> stackPointer = Global.i32((int) (stackLow() + stackSize), true);
            // The table holds the main module's elements from index 1 on; slot 0 stays null.
            case "__indirect_function_table" -> table = Table.of(RefType.FUNCREF, mainInfo.tableSize() + 1, Table.MAX_ELEMENTS);
            default -> null;
        };
    }

    @Override
    public Object bindMissing(EmscriptenProcess p, ImportType imp) {
        this.process = p;
        if (imp.type() instanceof dev.ligature.core.types.ExternType.Func && imp.module().equals("env")) {
            // A function nobody defines when the main module starts: called through the global
            // namespace at call time (a library loaded with RTLD_GLOBAL may define it later).
            return lateBound(imp, null, null);
        }
        if (imp.type() instanceof dev.ligature.core.types.TagType) {
            return namespace.computeIfAbsent(imp.name(), k -> Tag.of(imp.functionType()));
        }
        return null;
    }

    @Override
    public void instantiated(EmscriptenProcess p) {
        this.process = p;
        Instance main = p.instance();
        this.memory = p.memory();
        if (table == null) {
            table = p.table();
        }
        if (table == null) {
            throw new IllegalArgumentException("the main module has no function table");
        }
        for (ImportType i : main.module().imports()) {
            // hostFunction keeps what it makes: the namespace's lookups later reuse these objects.
            if (i.functionType() != null && (i.module().equals("env") || i.module().startsWith("wasi_"))
                    && !mainHostImports.containsKey(i.name()) && hostFunction(i.name(), i.functionType()) != null) {
                mainHostImports.put(i.name(), i.functionType());
            }
        }
        if (relocatableMain) {
            mainMemoryBase = GLOBAL_BASE;
            heapTop = stackLow() + stackSize;
            namespace.put("__heap_base", heapTop);
            namespace.put("__stack_low", stackLow());
            namespace.put("__stack_high", heapTop);
            namespace.put("__memory_base", (long) GLOBAL_BASE);
        } else {
            mainMemoryBase = 0;
            if (main.exports().get("__stack_pointer") instanceof Global g) {
                stackPointer = g;
            }
            heapTop = main.exports().get("__heap_base") instanceof Global g ? g.getInt() & 0xFFFFFFFFL : 0;
        }
        if (stackPointer == null) {
            throw new IllegalArgumentException("the main module neither imports nor exports __stack_pointer");
        }
        // Every function already in the table keeps its index as its canonical slot.
        for (long i = 0; i < table.size(); i++) {
            Object f = table.get(i);
            if (f != null) {
                slots.put(f, (int) i);
            }
        }
        Map<String, Object> exports = relocateExports(main, mainMemoryBase);
        updateGot(exports);
        for (Map.Entry<String, Object> e : exports.entrySet()) {
            if (!mainHostImports.containsKey(e.getKey())) {
                namespace.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        Dso self = new Dso("__main__");
        self.global = true;
        self.refcount = Long.MAX_VALUE;
        self.exports = exports;
        self.instance = main;
        self.info = mainInfo;
        self.memoryBase = mainMemoryBase;
        self.tableBase = relocatableMain ? 1 : 0;
        byName.put("__main__", self);
        loadOrder.add(self);
        List<String> startup = new ArrayList<>(mainInfo.neededDynlibs());
        startup.addAll(options.startupLibraries());
        for (String lib : startup) {
            try {
                loadTop(lib, true, true, true, null, 0, null);
            } catch (LoadFailure e) {
                throw new EmscriptenAbort("could not load startup library " + lib + ": " + e.getMessage());
            }
        }
        // The main module's own unresolved references stay 0 rather than failing the start: they
        // are runtime functions taken by address that this host does not have (Pyodide's 280 GL and
        // console entry points, which Emscripten's JavaScript wraps); calling through one traps.
        String missing = resolveUndefined(startupRequired);
        if (missing != null) {
            throw new EmscriptenAbort(missing.substring(missing.indexOf(' ') + 1));
        }
        // Relocations read GOT cells, so they run once every cell is final: the main module's own
        // (3.1.15 and later export them; 3.1.x runs them from its start function and again from its
        // constructors), then the startup libraries', all before any constructor.
        callIfExported(main, "__wasm_apply_data_relocs");
        for (Runnable r : startupRelocs) {
            r.run();
        }
        runtimeInitialized = true;
    }

    @Override
    public void constructed(EmscriptenProcess p) {
        for (Runnable r : startupCtors) {
            r.run();
        }
        startupCtors.clear();
        startupRelocs.clear();
    }

    // ---------------------------------------------------------------- namespace, GOT, table

    private GotCell gotCell(String name, boolean required) {
        GotCell c = got.get(name);
        if (c == null) {
            GotCell created = new GotCell(name);
            got.put(name, created);
            undo(() -> got.remove(name, created));
            c = created;
        }
        if (required && !c.required) {
            GotCell cell = c;
            cell.required = true;
            undo(() -> cell.required = false);
        }
        if (required && requiredThisLoad != null) {
            requiredThisLoad.add(c);
        }
        return c;
    }

    private void setCell(GotCell c, int value) {
        int old = c.global.getInt();
        boolean wasResolved = c.resolved;
        c.global.setInt(value);
        c.resolved = true;
        undo(() -> {
            c.global.setInt(old);
            c.resolved = wasResolved;
        });
    }

    /** The canonical table index of {@code f}: its existing slot, else a new one at the table's end. */
    int addFunction(Object f) {
        Integer slot = slots.get(f);
        if (slot != null) {
            return slot;
        }
        long index = table.grow(1, f);
        if (index < 0) {
            throw new LoadFailure("RangeError: WebAssembly.Table.grow(): failed to grow table by 1");
        }
        slots.put(f, (int) index);
        undo(() -> {
            slots.remove(f);
            table.set(index, null);
        });
        return (int) index;
    }

    private void undo(Runnable r) {
        if (journal != null) {
            journal.push(r);
        }
    }

    /** Exports with data addresses made absolute: immutable i32 globals become {@code Long} addresses. */
    private static Map<String, Object> relocateExports(Instance instance, long memoryBase) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : instance.exports().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Global g && !g.type().mutable() && g.type().type() == NumType.I32 && !e.getKey().startsWith("%")) {
                v = (g.getInt() & 0xFFFFFFFFL) + memoryBase;
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** Publishes exports to the GOT: the first definition of a name wins. */
    private void updateGot(Map<String, Object> exports) {
        for (Map.Entry<String, Object> e : exports.entrySet()) {
            String name = e.getKey();
            if (INTERNAL.contains(name) || name.startsWith("__em_js__")) {
                continue;
            }
            Object v = e.getValue();
            if (!(v instanceof WasmFunction) && !(v instanceof Long)) {
                continue;
            }
            // Without WASM_BIGINT a function with i64 in its type is exported twice: legalised under
            // its name, and as itself under orig$NAME; addresses are of the latter (C calls it with i64).
            boolean original = name.startsWith("orig$");
            if (original) {
                name = name.substring("orig$".length());
            }
            GotCell c = gotCell(name, false);
            if (c.resolved && !original) {
                continue;
            }
            setCell(c, v instanceof Long a ? (int) (long) a : addFunction(v));
        }
    }

    /** A runtime function by name, typed as its user declares it; one object per name and type. */
    private WasmFunction hostFunction(String name, FuncType type) {
        String key = name + type;
        WasmFunction f = hostFunctions.get(key);
        if (f == null) {
            f = process.runtimeFunction(name, type).orElse(null);
            if (f != null) {
                hostFunctions.put(key, f);
            }
        }
        return f;
    }

    /**
     * A symbol of the global namespace: a runtime function the main module imports, else a main
     * export or a global library's export, else (for a function import, typed by it) any runtime
     * function; null if none.
     */
    Object resolveGlobal(String name, FuncType typeHint) {
        FuncType hostType = mainHostImports.get(name);
        if (hostType != null) {
            return hostFunction(name, hostType);
        }
        Object v = namespace.get(name);
        if (v != null) {
            return v;
        }
        return typeHint == null ? null : hostFunction(name, typeHint);
    }

    /** A global symbol for an address: the unlegalised {@code orig$NAME} export when there is one. */
    private Object resolveDirect(String name) {
        Object v = namespace.get("orig$" + name);
        return v != null ? v : resolveGlobal(name, null);
    }

    /**
     * Fills GOT cells nothing filled yet from the global namespace; weak-only references become 0.
     * Returns the failure text for the first required cell still unresolved among {@code mustResolve}
     * (all cells when null), or null.
     */
    private String resolveUndefined(List<GotCell> mustResolve) {
        String failure = null;
        for (GotCell c : got.values()) {
            if (c.resolved) {
                continue;
            }
            Object v = resolveDirect(c.name);
            if (v instanceof Long a) {
                setCell(c, (int) (long) a);
            } else if (v instanceof WasmFunction f) {
                setCell(c, addFunction(f));
            } else if (v instanceof Global g && g.type().type() == NumType.I32) {
                setCell(c, g.getInt());
            } else if (!c.required) {
                setCell(c, 0);
            } else if (failure == null && (mustResolve == null || mustResolve.contains(c))) {
                failure = abi.undefinedSymbol(c.name);
            }
        }
        return failure;
    }

    // ---------------------------------------------------------------- loading

    /**
     * Loads {@code name} with {@code dlopen} mode bits: RTLD_GLOBAL or a fresh local scope;
     * RTLD_NOLOAD only answers for a library already loaded (Emscripten ignores it and loads: a bug).
     */
    Dso loadTop(String name, int flags, long handle, byte[] bytes) {
        boolean global = (flags & Dlfcn.RTLD_GLOBAL) != 0;
        boolean nodelete = (flags & Dlfcn.RTLD_NODELETE) != 0;
        if ((flags & Dlfcn.RTLD_NOLOAD) != 0) {
            Dso d = byName.get(name);
            if (d == null || d.exports == null) {
                throw new LoadFailure("Error: RTLD_NOLOAD: the library is not loaded");
            }
        }
        return loadTop(name, global, nodelete, false, global ? null : new HashMap<>(), handle, bytes);
    }

    /**
     * Loads {@code name} and what it needs as one transaction: on failure everything this call
     * added (libraries, namespace and GOT entries, table slots, handles) is undone, and the
     * failure is thrown. Memory given to a library that then failed is not reused, as in Emscripten.
     */
    Dso loadTop(String name, boolean global, boolean nodelete, boolean allowUndefined, Map<String, Object> localScope,
            long handle, byte[] bytes) {
        if (journal != null) {
            return loadLibrary(name, global, nodelete, allowUndefined, localScope, handle, bytes);
        }
        journal = new ArrayDeque<>();
        requiredThisLoad = new ArrayList<>();
        List<Runnable> relocsBefore = List.copyOf(startupRelocs);
        List<Runnable> ctorsBefore = List.copyOf(startupCtors);
        try {
            Dso d = loadLibrary(name, global, nodelete, allowUndefined, localScope, handle, bytes);
            journal = null;
            return d;
        } catch (RuntimeException | StackOverflowError e) {
            Deque<Runnable> j = journal;
            journal = null;
            while (!j.isEmpty()) {
                j.pop().run();
            }
            startupRelocs.clear();
            startupRelocs.addAll(relocsBefore);
            startupCtors.clear();
            startupCtors.addAll(ctorsBefore);
            throw asFailure(e);
        } finally {
            if (!runtimeInitialized) {
                startupRequired.addAll(requiredThisLoad);
            }
            requiredThisLoad = null;
        }
    }

    private static LoadFailure asFailure(Throwable e) {
        if (e instanceof LoadFailure f) {
            return f;
        }
        if (e instanceof dev.ligature.core.MalformedModuleException) {
            return new LoadFailure("CompileError: WebAssembly.Module(): " + e.getMessage());
        }
        if (e instanceof dev.ligature.core.InvalidModuleException) {
            return new LoadFailure("CompileError: WebAssembly.Module(): " + e.getMessage());
        }
        if (e instanceof dev.ligature.core.runtime.LinkException) {
            return new LoadFailure("LinkError: WebAssembly.Instance(): " + e.getMessage());
        }
        if (e instanceof Trap t) {
            return new LoadFailure("RuntimeError: " + t.getMessage());
        }
        if (e instanceof StackOverflowError) {
            return new LoadFailure("RangeError: Maximum call stack size exceeded");
        }
        if (e instanceof EmscriptenAbort a) {
            return new LoadFailure("RuntimeError: " + a.getMessage());
        }
        if (e instanceof WasmException w) {
            return new LoadFailure("Error: " + w.getMessage());
        }
        if (e instanceof RuntimeException r && (r.getClass().getName().startsWith("dev.ligature.emscripten"))) {
            throw r; // exit() and the like end the program, not the load
        }
        return new LoadFailure("Error: " + e);
    }

    private Dso loadLibrary(String name, boolean global, boolean nodelete, boolean allowUndefined,
            Map<String, Object> localScope, long handle, byte[] bytes) {
        Dso existing = byName.get(name);
        if (existing != null) {
            if (!global && localScope != null && existing.exports != null) {
                localScope.putAll(existing.exports);
            } else if (global && !existing.global) {
                existing.global = true;
                undo(() -> existing.global = false);
                if (existing.exports != null) {
                    mergeGlobal(existing.exports);
                }
            }
            long oldRef = existing.refcount;
            existing.refcount = nodelete || oldRef == Long.MAX_VALUE ? Long.MAX_VALUE : oldRef + 1;
            undo(() -> existing.refcount = oldRef);
            registerHandle(existing, handle);
            return existing;
        }
        Dso dso = new Dso(name);
        dso.global = global;
        dso.refcount = nodelete ? Long.MAX_VALUE : 1;
        byName.put(name, dso);
        undo(() -> byName.remove(name, dso));
        registerHandle(dso, handle);
        if (bytes == null) {
            bytes = readLibrary(name);
        }
        Map<String, Object> exports = loadModule(bytes, name, global, nodelete, allowUndefined, localScope, handle);
        if (dso.global) {
            mergeGlobal(exports);
        } else if (localScope != null) {
            localScope.putAll(exports);
        }
        dso.exports = exports;
        loadOrder.add(dso);
        undo(() -> loadOrder.remove(dso));
        return dso;
    }

    private void registerHandle(Dso dso, long handle) {
        if (handle == 0) {
            return;
        }
        Dso before = byHandle.put(handle, dso);
        dso.handles.add(handle);
        undo(() -> {
            dso.handles.remove(Long.valueOf(handle));
            if (before == null) {
                byHandle.remove(handle);
            } else {
                byHandle.put(handle, before);
            }
        });
    }

    private void mergeGlobal(Map<String, Object> exports) {
        for (Map.Entry<String, Object> e : exports.entrySet()) {
            String sym = e.getKey();
            if (!namespace.containsKey(sym) && !mainHostImports.containsKey(sym)) {
                namespace.put(sym, e.getValue());
                undo(() -> namespace.remove(sym));
            }
            // main() may live in a library: its two spellings are one symbol.
            String alias = sym.equals("main") ? "__main_argc_argv" : sym.equals("__main_argc_argv") ? "main" : null;
            if (alias != null && !namespace.containsKey(alias)) {
                namespace.put(alias, e.getValue());
                undo(() -> namespace.remove(alias));
            }
        }
    }

    /** The library's bytes from the virtual file system, with node's error text when it is missing. */
    private byte[] readLibrary(String name) {
        try {
            return process.readFile(name); // refuses anything but a regular file
        } catch (IOException e) {
            throw new LoadFailure("Error: ENOENT: no such file or directory, open '" + name + "'");
        }
    }

    /** Where a library {@code needed} by {@code parent} is: LD_LIBRARY_PATH, then the parent's rpath. */
    String findNeeded(String needed, String parent, List<String> runtimePaths) {
        if (needed.startsWith("/")) {
            return needed;
        }
        for (String dir : libraryPath()) {
            String candidate = Paths.normalize(Paths.join(dir, needed));
            if (process.isRegularFile(candidate)) {
                return candidate;
            }
        }
        String origin = Paths.dirname(parent);
        for (String rpath : runtimePaths) {
            String dir = rpath;
            if (dir.startsWith("$ORIGIN")) {
                dir = origin + dir.substring("$ORIGIN".length());
            } else if (dir.startsWith("${ORIGIN}")) {
                dir = origin + dir.substring("${ORIGIN}".length());
            }
            String candidate = Paths.normalize(Paths.join(dir, needed));
            if (process.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return needed;
    }

    List<String> libraryPath() {
        for (String kv : process.environment()) {
            if (kv.startsWith("LD_LIBRARY_PATH=")) {
                List<String> dirs = new ArrayList<>();
                for (String d : kv.substring("LD_LIBRARY_PATH=".length()).split("[:\n]")) {
                    if (!d.isEmpty()) {
                        dirs.add(d);
                    }
                }
                return dirs;
            }
        }
        return List.of();
    }

    private Map<String, Object> loadModule(byte[] bytes, String name, boolean global, boolean nodelete,
            boolean allowUndefined, Map<String, Object> localScope, long handle) {
        DylinkInfo info = readMetadata(bytes);
        for (String needed : info.neededDynlibs()) {
            String path = runtimeInitialized ? findNeeded(needed, name, info.runtimePaths()) : needed;
            loadLibrary(Paths.normalize(path), global, nodelete, allowUndefined, localScope, 0, null);
        }
        Dso dso = byName.get(name);
        long memoryBase = 0;
        if (info.memorySize() > 0) {
            long align = info.memoryAlignmentBytes();
            if (abi.minimumSixteenAlignment) {
                align = Math.max(align, 16);
            }
            long raw = getMemory(info.memorySize() + align);
            memoryBase = align(raw, align);
            memory.fill(memoryBase, (byte) 0, info.memorySize());
        }
        long tableBase = 0;
        if (info.tableSize() > 0) {
            tableBase = table.size();
            if (table.grow(info.tableSize(), null) < 0) {
                throw new LoadFailure("RangeError: WebAssembly.Table.grow(): failed to grow table by " + info.tableSize());
            }
            long base = tableBase;
            undo(() -> table.fill(base, null, info.tableSize()));
        }
        if (handle != 0) {
            writeDsoStruct(handle, memoryBase, info.memorySize(), tableBase, info.tableSize());
        }
        dso.info = info;
        dso.memoryBase = memoryBase;
        dso.tableBase = tableBase;
        // Compiled only now, as Emscripten's loader does: a module that fails to compile has
        // already been given its memory and table slots (which, as there, are not reused).
        String truncated = V8Messages.truncatedSection(bytes);
        if (truncated != null) {
            throw new LoadFailure(truncated);
        }
        WasmModule module = options.cache().module(bytes, options.engine());
        Map<String, Object> ownExports = new HashMap<>();
        List<ImportType> declared = module.imports();
        Imports imports = Imports.empty().resolver(imp -> {
            Object v = bindSideImport(imp, info, dso, localScope, ownExports);
            if (v instanceof WasmFunction f && imp.functionType() != null && !f.type().equals(imp.functionType())) {
                throw new LoadFailure(V8Messages.importTypeMismatch(declared.indexOf(imp), imp.module(), imp.name()));
            }
            return v;
        });
        Instance instance = module.link(imports, InstanceOptions.DEFAULT).complete();
        dso.instance = instance;
        process.adopt(instance);
        for (long i = tableBase; i < tableBase + info.tableSize(); i++) {
            Object f = table.get(i);
            if (f != null && !slots.containsKey(f)) {
                slots.put(f, (int) i);
                undo(() -> slots.remove(f));
            }
        }
        Map<String, Object> exports = relocateExports(instance, memoryBase);
        ownExports.putAll(exports);
        updateGot(exports);
        if (!allowUndefined) {
            String failure = resolveUndefined(requiredThisLoad);
            if (failure != null) {
                throw new LoadFailure(failure);
            }
        }
        Runnable relocs = () -> callIfExported(instance, "__wasm_apply_data_relocs");
        Runnable ctors = () -> callIfExported(instance, "__wasm_call_ctors");
        if (runtimeInitialized) {
            relocs.run();
            ctors.run();
        } else {
            startupRelocs.add(relocs);
            startupCtors.add(ctors);
        }
        return exports;
    }

    /** The dylink metadata, checked as Emscripten's loader checks raw bytes (magic, then dylink first). */
    private static DylinkInfo readMetadata(byte[] b) {
        if (b.length < 8 || b[0] != 0 || b[1] != 'a' || b[2] != 's' || b[3] != 'm') {
            throw new LoadFailure("Error: need to see wasm magic number");
        }
        if (b.length < 9 || b[8] != 0) {
            throw new LoadFailure("Error: need the dylink section to be first");
        }
        try {
            int[] pos = {9};
            long size = leb(b, pos);
            int end = (int) Math.min(b.length, pos[0] + size);
            long nameLen = leb(b, pos);
            if (pos[0] + nameLen > end) {
                throw new LoadFailure("Error: need the dylink section to be first");
            }
            String secName = new String(b, pos[0], (int) nameLen, java.nio.charset.StandardCharsets.UTF_8);
            pos[0] += (int) nameLen;
            if (pos[0] > end || size > b.length) {
                throw new LoadFailure("Error: the dylink section is truncated");
            }
            byte[] body = java.util.Arrays.copyOfRange(b, pos[0], end);
            return switch (secName) {
                case DylinkInfo.SECTION -> DylinkInfo.parse(body);
                case DylinkInfo.LEGACY_SECTION -> DylinkInfo.parseLegacy(body);
                default -> throw new LoadFailure("Error: need the dylink section to be first");
            };
        } catch (MalformedDylinkException | ArrayIndexOutOfBoundsException e) {
            throw new LoadFailure("Error: malformed dylink section: " + e.getMessage());
        }
    }

    private static long leb(byte[] b, int[] pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            if (pos[0] >= b.length || shift > 35) {
                throw new LoadFailure("Error: the dylink section is truncated");
            }
            int x = b[pos[0]++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }

    /** Memory for a library's data: malloc once the runtime is up, else a bump from the heap base. */
    private long getMemory(long size) {
        if (runtimeInitialized) {
            long p = process.malloc(size);
            if (p == 0) {
                throw new LoadFailure("Error: out of memory allocating " + size + " bytes for the library's data");
            }
            return p;
        }
        long ret = heapTop;
        long end = (ret + size + 15) & -16L;
        if (end > memory.byteSize()) {
            throw new LoadFailure("Error: failure to getMemory - memory growth etc. is not supported there, call malloc/sbrk directly or increase INITIAL_MEMORY");
        }
        heapTop = end;
        if (relocatableMain) {
            setCell(gotCell("__heap_base", false), (int) end);
        } else if (process.instance().exports().get("emscripten_get_sbrk_ptr") instanceof WasmFunction f) {
            long sbrk = f.call()[0] & 0xFFFFFFFFL;
            memory.storeI32(sbrk, (int) end);
        }
        return ret;
    }

    private void writeDsoStruct(long handle, long memoryBase, long memorySize, long tableBase, long tableSize) {
        memory.storeI8(handle + abi.memAllocatedOffset, (byte) 1);
        memory.storeI32(handle + abi.memAddrOffset, (int) memoryBase);
        memory.storeI32(handle + abi.memSizeOffset, (int) memorySize);
        memory.storeI32(handle + abi.tableAddrOffset, (int) tableBase);
        memory.storeI32(handle + abi.tableSizeOffset, (int) tableSize);
    }

    /** Binds one import of a side module (emscripten's import proxy and GOT handler). */
    private Object bindSideImport(ImportType imp, DylinkInfo info, Dso dso, Map<String, Object> localScope,
            Map<String, Object> ownExports) {
        String m = imp.module();
        String n = imp.name();
        if (m.equals("GOT.mem") || m.equals("GOT.func")) {
            return gotCell(n, !info.isWeakSymbol(n)).global;
        }
        if (!m.equals("env") && !m.startsWith("wasi_")) {
            return null;
        }
        switch (n) {
            case "__memory_base":
                return Global.i32((int) dso.memoryBase, false);
            case "__table_base":
                return Global.i32((int) dso.tableBase, false);
            case "memory":
                return memory;
            case "__indirect_function_table":
                return table;
            case "__stack_pointer":
                return stackPointer;
            default:
                break;
        }
        FuncType type = imp.functionType();
        Object v = resolveGlobal(n, type);
        if (type == null) {
            if (v instanceof Long a && imp.type() instanceof GlobalType) {
                return Global.i32((int) (long) a, false);
            }
            return v;
        }
        if (v instanceof WasmFunction) {
            return v;
        }
        return lateBound(imp, localScope, ownExports);
    }

    /**
     * A stub for a function no module defines yet: on its first call it looks the name up (the
     * global namespace, then the library's local scope, then its own exports), keeps what it found,
     * and calls it; if nothing defines the name the call aborts, naming it.
     */
    private WasmFunction lateBound(ImportType imp, Map<String, Object> localScope, Map<String, Object> ownExports) {
        String name = imp.name();
        FuncType type = imp.functionType();
        WasmFunction[] target = new WasmFunction[1];
        return HostFunction.of("env." + name + " (late bound)", type, (caller, args) -> {
            WasmFunction t = target[0];
            if (t == null) {
                Object v = resolveGlobal(name, type);
                if (!(v instanceof WasmFunction) && localScope != null) {
                    v = localScope.get(name);
                }
                if (!(v instanceof WasmFunction) && ownExports != null) {
                    v = ownExports.get(name);
                }
                if (!(v instanceof WasmFunction f)) {
                    throw new EmscriptenAbort(ownExports == null
                            ? "external symbol '" + name + "' is missing. perhaps a side module was not linked in? if this function was expected to arrive from a system library, try to build the MAIN_MODULE with EMCC_FORCE_STDLIBS=1 in the environment"
                            : "undefined symbol '" + name + "'. perhaps a side module was not linked in? if this global was expected to arrive from a system library, try to build the MAIN_MODULE with EMCC_FORCE_STDLIBS=1 in the environment");
                }
                if (!f.type().equals(type)) {
                    throw new EmscriptenAbort("function signature mismatch: '" + name + "' is imported as " + type
                            + " but defined as " + f.type());
                }
                target[0] = t = f;
            }
            return t.call(args);
        });
    }

    private static void callIfExported(Instance instance, String name) {
        if (instance.exports().get(name) instanceof WasmFunction f && f.type().equals(NO_ARGS)) {
            f.call(new long[0]);
        }
    }

    static long align(long v, long a) {
        return (v + a - 1) / a * a;
    }

    // ---------------------------------------------------------------- host hooks

    /** {@code _dlopen_js(struct dso*)}: loads the library the C side named; 1 on success, 0 with dlerror set. */
    long dlopenJs(long handle) {
        String name = Paths.normalize(memory.readCString(handle + abi.nameOffset));
        int flags = memory.loadI32(handle + abi.flagsOffset);
        try {
            open(handle, name, flags);
            return 1;
        } catch (LoadFailure e) {
            setDlerror(abi.loadFailurePrefix + lastName + "\n" + e.getMessage());
            return 0;
        }
    }

    /** The resolved name of the library the last {@link #open} tried (after the LD_LIBRARY_PATH search). */
    private String lastName;

    Dso open(long handle, String name, int flags) {
        if (name.equals("__main__") && byName.containsKey("__main__")) {
            Dso main = byName.get("__main__");
            if (handle != 0) {
                byHandle.put(handle, main);
                main.handles.add(handle);
            }
            lastName = name;
            return main;
        }
        if (abi.hostSearchesLibraryPath && !process.isRegularFile(name)) {
            for (String dir : libraryPath()) {
                String candidate = Paths.join(dir, name);
                if (process.isRegularFile(candidate)) {
                    name = candidate;
                    break;
                }
            }
        }
        lastName = name;
        byte[] bytes = null;
        if (abi.fileDataOffset >= 0 && handle != 0) {
            long data = memory.loadI32(handle + abi.fileDataOffset) & 0xFFFFFFFFL;
            long size = memory.loadI32(handle + abi.fileDataSizeOffset) & 0xFFFFFFFFL;
            if (data != 0) {
                bytes = memory.read(data, (int) size);
            }
        }
        return loadTop(name, flags, handle, bytes);
    }

    /**
     * {@code _dlsym_js(handle, name[, int* sym_index])}: a function's canonical table index or a
     * data address; 0 with dlerror set when the library (or the global namespace) lacks it.
     */
    long dlsymJs(long handle, long namePtr, long symIndexPtr) {
        String sym = memory.readCString(namePtr);
        try {
            Object v = lookup(handle, sym);
            if (v == null) {
                Dso lib = handle == 0 ? null : byHandle.get(handle);
                setDlerror("Tried to lookup unknown symbol \"" + sym + "\" in dynamic lib: "
                        + (lib == null ? abi.defaultHandleName : lib.name));
                return 0;
            }
            long before = table.size();
            long address = addressOf(v);
            if (v instanceof WasmFunction && address >= before && symIndexPtr != 0) {
                memory.storeI32(symIndexPtr, (int) address); // a new slot: the C side records it
            }
            return address;
        } catch (LoadFailure e) {
            setDlerror(e.getMessage());
            return 0;
        }
    }

    /**
     * The address C code gets for a symbol {@link #lookup} found: a data address, or a function's
     * canonical table index (given one now if it had none).
     */
    long addressOf(Object symbol) {
        return switch (symbol) {
            case Long a -> a;
            case WasmFunction f -> addFunction(f);
            case Global g -> g.getInt() & 0xFFFFFFFFL;
            default -> throw new IllegalArgumentException("not a symbol: " + symbol);
        };
    }

    /** What {@code dlsym(handle, sym)} finds: the global namespace for RTLD_DEFAULT, else the library's own exports. */
    Object lookup(long handle, String sym) {
        Dso lib = handle == 0 ? null : byHandle.get(handle);
        // The main module's handle (dlopen(NULL)) is the global namespace, as in every release
        // after 3.1.x (3.1.x searched only the main module's own exports: a bug).
        if (lib == null || lib.name.equals("__main__")) {
            Object v = resolveDirect(sym);
            return v instanceof WasmFunction || v instanceof Long ? v : null;
        }
        Object v = lib.exports == null ? null : lib.exports.get(sym);
        if (v != null && lib.exports.get("orig$" + sym) != null) {
            v = lib.exports.get("orig$" + sym);
        }
        return v instanceof WasmFunction || v instanceof Long || v instanceof Global ? v : null;
    }

    /**
     * {@code _emscripten_dlopen_js}: loads now and completes later, as JavaScript's promise does
     * (on the next turn of the event loop): the callback runs when the current call into the
     * program returns, before the next one ({@link DylinkProcess#runPendingCallbacks()}).
     */
    private void emscriptenDlopenJs(long[] a) {
        long handle = a[0] & 0xFFFFFFFFL;
        long onsuccess = a[1] & 0xFFFFFFFFL;
        long onerror = a[2] & 0xFFFFFFFFL;
        long userData = a.length > 3 ? a[3] & 0xFFFFFFFFL : 0;
        boolean newAbi = a.length > 3;
        String name = Paths.normalize(memory.readCString(handle + abi.nameOffset));
        int flags = memory.loadI32(handle + abi.flagsOffset);
        boolean ok;
        try {
            open(handle, name, flags);
            ok = true;
        } catch (LoadFailure e) {
            String prefix = abi == LoaderAbi.V3_1 ? "Could not load dynamic lib: " : "'Could not load dynamic lib: ";
            setDlerror(prefix + lastName + "\n" + e.getMessage());
            ok = false;
        }
        long callback = ok ? onsuccess : onerror;
        pendingCallbacks.add(() -> {
            Object f = table.get(callback);
            if (f instanceof WasmFunction fn) {
                long[] args = newAbi ? new long[] {handle, userData} : new long[] {handle};
                long[] typed = java.util.Arrays.copyOf(args, fn.type().params().size());
                fn.call(typed);
            }
        });
    }

    /** Sets {@code dlerror()}'s text through the C side's {@code __dl_seterr}, '%' escaped (it is a format). */
    void setDlerror(String message) {
        if (!(process.instance().exports().get("__dl_seterr") instanceof WasmFunction seterr)) {
            return;
        }
        String escaped = message.replace("%", "%%");
        process.withStackString(escaped, ptr -> {
            long[] args = new long[seterr.type().params().size()];
            args[0] = ptr;
            seterr.call(args);
            return null;
        });
    }

    /** The GOT as it stands: name to value, for the cells something filled. */
    Map<String, Integer> gotValues() {
        Map<String, Integer> out = new LinkedHashMap<>();
        got.forEach((k, c) -> {
            if (c.resolved) {
                out.put(k, c.global.getInt());
            }
        });
        return out;
    }
}
