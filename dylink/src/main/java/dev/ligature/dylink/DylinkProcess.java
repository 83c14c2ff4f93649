package dev.ligature.dylink;

import dev.ligature.core.runtime.ImportType;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.emscripten.EmscriptenHost;
import dev.ligature.emscripten.EmscriptenProcess;
import dev.ligature.emscripten.EmscriptenProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * An Emscripten main module ({@code -sMAIN_MODULE}) running with a dynamic linker: C code's
 * {@code dlopen}, {@code dlsym}, {@code dlerror} and {@code dlclose} work as under Emscripten's
 * JavaScript loader, the libraries the main module names ({@code NEEDED}) are loaded at startup,
 * and the embedder can load side modules ({@code -sSIDE_MODULE}) and look up their symbols from
 * Java. Side modules are compiled once per {@link SideModuleCache} (one per JVM by default) and
 * shared by every process that loads them.
 *
 * <pre>{@code
 * EmscriptenHost host = EmscriptenHost.builder().stdout(System.out).build();
 * EmscriptenProgram main = EmscriptenProgram.load(Path.of("main.js"), engine);
 * try (DylinkProcess p = DylinkProcess.start(host, main, List.of("main"), DylinkOptions.of(engine))) {
 *     Library lib = p.load("libfoo.so", Files.readAllBytes(Path.of("libfoo.so")), Dlfcn.RTLD_NOW);
 *     int r = lib.function("foo").callInt(41);
 * }
 * }</pre>
 *
 * <p>Where Emscripten's loader has bugs (a failed load leaves half-linked state; an unresolved
 * reference left by one library fails every later load; weak undefined symbols crash 3.1.x;
 * a library's own dependencies are invisible to it before 3.1.34), this linker does what a correct
 * dynamic linker does: a failed load is undone whole, a load fails only for its own unresolved
 * references, weak undefined symbols are 0, and a library's local scope is searched. Used by one
 * thread at a time, like the process.
 */
public final class DylinkProcess implements AutoCloseable {
    private final EmscriptenProcess process;
    private final DynamicLinker linker;

    private DylinkProcess(EmscriptenProcess process, DynamicLinker linker) {
        this.process = process;
        this.linker = linker;
    }

    /**
     * Starts {@code program} (a main module) with a dynamic linker: instantiates it, loads the
     * libraries it needs (and {@link DylinkOptions#startupLibraries()}), then runs the constructors,
     * the main module's first.
     *
     * @param host the Emscripten host (file system, environment, streams)
     * @param program the main module
     * @param argv the arguments {@link #runMain()} passes, {@code argv[0]} first
     * @param options the engine and cache for side modules
     * @return the started process
     * @throws IllegalArgumentException if the module is not a main module (no {@code dylink.0})
     * @throws dev.ligature.core.runtime.LinkException if it imports what neither the runtime nor the linker provides
     * @throws dev.ligature.emscripten.EmscriptenAbort if a startup library cannot be loaded
     */
    public static DylinkProcess start(EmscriptenHost host, EmscriptenProgram program, List<String> argv, DylinkOptions options) {
        return start(host, program, argv, options, Imports.empty());
    }

    /**
     * As {@link #start(EmscriptenHost, EmscriptenProgram, List, DylinkOptions)}, with the
     * embedder's own imports (callbacks a main module's JavaScript would provide), which win over
     * the runtime's and the linker's.
     *
     * @param host the Emscripten host
     * @param program the main module
     * @param argv the arguments, {@code argv[0]} first
     * @param options the engine and cache for side modules
     * @param extra the embedder's imports
     * @return the started process
     */
    public static DylinkProcess start(EmscriptenHost host, EmscriptenProgram program, List<String> argv,
            DylinkOptions options, Imports extra) {
        Objects.requireNonNull(extra, "extra");
        return start(host, program, argv, options, imp -> extra.lookup(imp.module(), imp.name()));
    }

    /**
     * As {@link #start(EmscriptenHost, EmscriptenProgram, List, DylinkOptions, Imports)}, with the
     * embedder's imports made on demand from each import's declared type (for families of
     * callbacks, or functions whose type only the importer knows).
     *
     * @param host the Emscripten host
     * @param program the main module
     * @param argv the arguments, {@code argv[0]} first
     * @param options the engine and cache for side modules
     * @param extra answers the main module's imports first; null leaves one to the runtime and the linker
     * @return the started process
     */
    public static DylinkProcess start(EmscriptenHost host, EmscriptenProgram program, List<String> argv,
            DylinkOptions options, dev.ligature.core.runtime.ImportResolver extra) {
        Objects.requireNonNull(extra, "extra");
        DynamicLinker linker = linker(program, options);
        EmscriptenProcess process = host.start(program, argv, hooks(linker, extra));
        return new DylinkProcess(process, linker);
    }

    /**
     * Runs a main module as {@link EmscriptenHost#run} runs a program: start, {@code main}, exit;
     * the exit status, with aborts and uncaught exceptions reported on stderr as node reports them.
     *
     * @param host the Emscripten host
     * @param program the main module
     * @param argv the arguments, {@code argv[0]} first
     * @param options the engine and cache for side modules
     * @return the exit status
     */
    public static int run(EmscriptenHost host, EmscriptenProgram program, List<String> argv, DylinkOptions options) {
        return host.run(program, argv, hooks(linker(program, options), imp -> null));
    }

    private static DynamicLinker linker(EmscriptenProgram program, DylinkOptions options) {
        var stack = program.glueConstant("TOTAL_STACK");
        return new DynamicLinker(program.module(), LoaderAbi.of(program.module()), options,
                stack.isPresent() ? stack : program.glueConstant("STACK_SIZE"));
    }

    private static dev.ligature.emscripten.StartHooks hooks(DynamicLinker linker, dev.ligature.core.runtime.ImportResolver extra) {
        return new dev.ligature.emscripten.StartHooks() {
            @Override
            public Object bindFirst(EmscriptenProcess p, ImportType imp) {
                Object own = extra.resolve(imp);
                return own != null ? own : linker.bindFirst(p, imp);
            }

            @Override
            public Object bindMissing(EmscriptenProcess p, ImportType imp) {
                return linker.bindMissing(p, imp);
            }

            @Override
            public void instantiated(EmscriptenProcess p) {
                linker.instantiated(p);
            }

            @Override
            public void constructed(EmscriptenProcess p) {
                linker.constructed(p);
            }

            @Override
            public void mainReturned(EmscriptenProcess p) {
                drain(linker);
            }
        };
    }

    private static void drain(DynamicLinker linker) {
        while (!linker.pendingCallbacks.isEmpty()) {
            linker.pendingCallbacks.poll().run();
        }
    }

    /** {@return the underlying process: memory, C exports, malloc and strings, the file system} */
    public EmscriptenProcess process() {
        return process;
    }

    /**
     * Runs {@code main} (see {@link EmscriptenProcess#runMain()}); completions of asynchronous
     * {@code dlopen}s still pending when it returns run before the runtime exits.
     *
     * @return the exit status
     */
    public int runMain() {
        return process.runMain();
    }

    /**
     * Runs the completions of asynchronous {@code dlopen}s ({@code emscripten_dlopen}) that are
     * waiting, as JavaScript runs them on a later turn of its event loop.
     */
    public void runPendingCallbacks() {
        drain(linker);
    }

    /**
     * Loads a library from the process's virtual file system, as {@code dlopen(path, mode)} does,
     * without a C handle.
     *
     * @param path the path (a name without {@code /} is looked up in the current directory)
     * @param mode {@link Dlfcn} bits: {@code RTLD_NOW} or {@code RTLD_LAZY}, optionally
     *     {@code RTLD_GLOBAL}, {@code RTLD_NOLOAD} (only return the library if it is loaded)
     * @return the library
     * @throws DlopenException with {@code dlerror()}'s text if it cannot be loaded; nothing of it remains
     */
    public Library dlopen(String path, int mode) {
        return load(path, null, mode);
    }

    /**
     * Loads a library from its bytes, under {@code name} (a later load of the same name returns the
     * same library; its {@code NEEDED} libraries are looked up in the file system).
     *
     * @param name the name to register it under
     * @param bytes the side module; null to read {@code name} from the file system
     * @param mode {@link Dlfcn} bits
     * @return the library
     * @throws DlopenException with {@code dlerror()}'s text if it cannot be loaded
     */
    public Library load(String name, byte[] bytes, int mode) {
        if ((mode & (Dlfcn.RTLD_LAZY | Dlfcn.RTLD_NOW)) == 0) {
            throw new DlopenException("invalid mode for dlopen(): Either RTLD_LAZY or RTLD_NOW is required");
        }
        String normalized = Paths.normalize(name);
        try {
            DynamicLinker.Dso dso = linker.loadTop(normalized, mode, 0, bytes);
            return new Library(linker, dso);
        } catch (DynamicLinker.LoadFailure e) {
            throw new DlopenException(linker.abi.loadFailurePrefix + normalized + "\n" + e.getMessage());
        }
    }

    /**
     * A loaded library by the name it was loaded under.
     *
     * @param name the name ({@code __main__} for the main module)
     * @return the library, or empty
     */
    public Optional<Library> library(String name) {
        DynamicLinker.Dso d = linker.byName.get(Paths.normalize(name));
        return d == null || d.exports == null ? Optional.empty() : Optional.of(new Library(linker, d));
    }

    /**
     * A function of the global namespace ({@code dlsym(RTLD_DEFAULT, name)}): the main module's,
     * a runtime function the main module imports, or a global library's.
     *
     * @param name the symbol
     * @return the function
     * @throws NoSuchElementException if the global namespace has no function of that name
     */
    public WasmFunction function(String name) {
        if (linker.lookup(0, name) instanceof WasmFunction f) {
            return f;
        }
        throw new NoSuchElementException("Tried to lookup unknown symbol \"" + name + "\" in dynamic lib: " + linker.abi.defaultHandleName);
    }

    /**
     * The address {@code dlsym(RTLD_DEFAULT, name)} gives: a data address or a function's canonical
     * table index.
     *
     * @param name the symbol
     * @return the address
     * @throws NoSuchElementException if the global namespace has no such symbol
     */
    public long address(String name) {
        Object v = linker.lookup(0, name);
        if (v != null) {
            return linker.addressOf(v);
        }
        throw new NoSuchElementException("Tried to lookup unknown symbol \"" + name + "\" in dynamic lib: " + linker.abi.defaultHandleName);
    }

    /** {@return every library of the process in load order, the main module ({@code __main__}) first} */
    public List<LoadedLibrary> libraries() {
        List<LoadedLibrary> out = new ArrayList<>();
        for (DynamicLinker.Dso d : linker.loadOrder) {
            out.add(placement(d));
        }
        return out;
    }

    /** {@return the GOT: every symbol some module imports through {@code GOT.mem}/{@code GOT.func}, with its value, for the ones defined} */
    public Map<String, Integer> got() {
        return linker.gotValues();
    }

    static LoadedLibrary placement(DynamicLinker.Dso d) {
        long memorySize = d.info == null ? 0 : d.info.memorySize();
        long tableSize = d.info == null ? 0 : d.info.tableSize();
        return new LoadedLibrary(d.name, d.memoryBase, memorySize, d.tableBase, tableSize, d.global, d.handles);
    }

    /** Closes the process (see {@link EmscriptenProcess#close()}). */
    @Override
    public void close() {
        process.close();
    }
}
