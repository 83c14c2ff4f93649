package dev.ligature.emscripten;

import dev.ligature.core.runtime.ImportType;
import dev.ligature.core.runtime.HostFunction;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.LinkException;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.TableType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The implementations of Emscripten's runtime imports, keyed by import name. Names are the union
 * of the releases that matter: 3.1.6 ({@code __syscall_open}, {@code __syscall_stat64}, ...), 4.0.9
 * and 5.0.3 ({@code __syscall_openat}, {@code __syscall_newfstatat}, {@code _abort_js},
 * {@code _emscripten_get_now_is_monotonic}, ...); an implementation reads its arguments by the
 * import's declared type, so the legalised (i64 as two i32) and BigInt forms both work. Families
 * are synthesised on demand: {@code invoke_<sig>} for any signature and
 * {@code __cxa_find_matching_catch_<n>} for any n. A name with no implementation fails
 * instantiation with a {@link LinkException} that names it.
 */
final class ImportRegistry {
    /** An import's behaviour: reads its arguments, returns its single result (raw bits for floats) or 0. */
    @FunctionalInterface
    interface Impl {
        long call(EmProcess p, Args a);
    }

    private final Map<String, Impl> byName = new HashMap<>();

    private ImportRegistry() {}

    static ImportRegistry standard() {
        ImportRegistry r = new ImportRegistry();
        CoreImports.register(r);
        WasiImports.register(r);
        SyscallImports.register(r);
        TimeImports.register(r);
        CxxImports.register(r);
        MmapImports.register(r);
        MoreSyscalls.register(r);
        Sockets.register(r);
        NetDb.register(r);
        MiscImports.register(r);
        return r;
    }

    void add(String name, Impl impl) {
        if (byName.putIfAbsent(name, impl) != null) {
            throw new IllegalStateException("duplicate import implementation " + name);
        }
    }

    /** Another name for an implementation already registered. */
    void alias(String name, String existing) {
        add(name, byName.get(existing));
    }

    Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /**
     * JavaScript-style C++ exception support changed its memory layout after 3.1.x (24-byte headers,
     * the adjusted pointer kept in the header, reference counts through wasm exports); only the
     * 3.1.x protocol is implemented, so a newer module asking for it fails to link, by name.
     */
    private static boolean legacyExceptionsOnly(String name) {
        return name.startsWith("__cxa_") || name.equals("__resumeException") || name.equals("llvm_eh_typeid_for");
    }

    private Impl find(EmProcess p, String name) {
        if (p.abi == Abi.TIME64 && legacyExceptionsOnly(name)) {
            return null;
        }
        Impl impl = byName.get(name);
        if (impl != null) {
            return impl;
        }
        if (name.startsWith("invoke_")) {
            return CxxImports.invoke(name.substring("invoke_".length()));
        }
        if (name.startsWith("__cxa_find_matching_catch_")) {
            return CxxImports::findMatchingCatch;
        }
        return null;
    }

    /** Builds the imports of {@code p}'s module; unknown names fail with a LinkException naming them. */
    Imports imports(EmProcess p) {
        return imports(p, null, new StartHooks() {});
    }

    /**
     * The runtime's implementation of the import {@code name} with {@code type}, for {@code p}, or
     * null when it has none: what a dynamic linker binds a side module's import of a runtime function to.
     */
    WasmFunction function(EmProcess p, String name, FuncType type) {
        Impl impl = find(p, name);
        return impl == null ? null : host(p, "env." + name, type, impl);
    }

    /** Whether the runtime binds {@code imp} itself: a function it implements, the memory, the table. */
    private boolean provides(EmProcess p, ImportType imp) {
        String name = p.program.importName(imp);
        return switch (imp.type()) {
            case ExternType.Func f -> find(p, name) != null;
            case MemoryType m -> name.equals("memory");
            case TableType t -> name.equals("__indirect_function_table");
            default -> false;
        };
    }

    /**
     * The imports of {@code p}'s program: what {@code hooks} bind first (the embedder's own), else
     * Emscripten's, else what {@code hooks} bind for imports the runtime lacks.
     */
    Imports imports(EmProcess p, EmscriptenProcess process, StartHooks hooks) {
        Imports imports = Imports.empty();
        var module = p.program.module();
        for (ImportType imp : module.imports()) {
            Object own = hooks.bindFirst(process, imp);
            if (own == null && !provides(p, imp)) {
                own = hooks.bindMissing(process, imp);
            }
            if (own != null) {
                if (own instanceof Table t && p.program.importName(imp).equals("__indirect_function_table")) {
                    p.importedTable = t;
                }
                imports.module(imp.module(), java.util.Map.of(imp.name(), own));
                continue;
            }
            String name = p.program.importName(imp);
            switch (imp.type()) {
                case ExternType.Func f -> {
                    FuncType type = imp.functionType();
                    Impl impl = find(p, name);
                    if (impl == null) {
                        throw new LinkException("unknown import \"" + imp.module() + "\".\"" + imp.name() + "\""
                                + (name.equals(imp.name()) ? "" : " (" + name + ")")
                                + ": Ligature's Emscripten runtime does not implement " + name + type
                                + (p.abi == Abi.TIME64 && legacyExceptionsOnly(name)
                                        ? " (JavaScript-style C++ exceptions are supported for Emscripten 3.1.x builds only; build with -fwasm-exceptions)"
                                        : ""));
                    }
                    imports.function(imp.module(), imp.name(), host(p, imp.module() + "." + name, type, impl));
                }
                case MemoryType m when name.equals("memory") -> imports.memory(imp.module(), imp.name(), Memory.create(m, Memory.MAX_PAGES));
                case TableType t when name.equals("__indirect_function_table") -> {
                    p.importedTable = Table.of(t.element(), t.limits().min(), t.limits().max());
                    imports.table(imp.module(), imp.name(), p.importedTable);
                }
                default -> throw new LinkException("unknown import \"" + imp.module() + "\".\"" + imp.name()
                        + "\": Ligature's Emscripten runtime provides no " + imp.type().kind() + " called " + name);
            }
        }
        return imports;
    }

    private static final long[] NONE = new long[0];

    private static WasmFunction host(EmProcess p, String qualified, FuncType type, Impl impl) {
        int results = type.results().size();
        return HostFunction.of(qualified, type, (caller, args) -> {
            long r = impl.call(p, new Args(type, args));
            if (results == 0) {
                return NONE;
            }
            if (type.results().get(0) == NumType.I32) {
                r = (int) r;
            }
            return new long[] {r};
        });
    }
}
