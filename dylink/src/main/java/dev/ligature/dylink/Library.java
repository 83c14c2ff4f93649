package dev.ligature.dylink;

import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A library loaded into a {@link DylinkProcess}: its exports as callable functions and as the
 * addresses C code sees ({@code dlsym} on its handle: its own exports only, not its dependencies').
 */
public final class Library {
    private final DynamicLinker linker;
    private final DynamicLinker.Dso dso;

    Library(DynamicLinker linker, DynamicLinker.Dso dso) {
        this.linker = linker;
        this.dso = dso;
    }

    /** {@return the name the library was loaded under} */
    public String name() {
        return dso.name;
    }

    /**
     * The exported function {@code name}.
     *
     * @param name the symbol
     * @return the function, callable from Java with {@link WasmFunction#call(long...)} and friends
     * @throws NoSuchElementException if the library exports no function of that name
     */
    public WasmFunction function(String name) {
        if (dso.exports.get(name) instanceof WasmFunction f) {
            return f;
        }
        throw new NoSuchElementException("Tried to lookup unknown symbol \"" + name + "\" in dynamic lib: " + dso.name);
    }

    /**
     * The address C code gets from {@code dlsym} for {@code name}: a data symbol's address, or a
     * function's canonical table index (given one now if it had none).
     *
     * @param name the symbol
     * @return the address
     * @throws NoSuchElementException if the library exports no such symbol
     */
    public long address(String name) {
        Object v = dso.exports.get(name);
        if (v instanceof Long || v instanceof WasmFunction) {
            return linker.addressOf(v);
        }
        throw new NoSuchElementException("Tried to lookup unknown symbol \"" + name + "\" in dynamic lib: " + dso.name);
    }

    /** {@return the names of the library's exported functions and data symbols, in declaration order} */
    public List<String> symbols() {
        List<String> out = new ArrayList<>();
        dso.exports.forEach((k, v) -> {
            if (v instanceof WasmFunction || v instanceof Long) {
                out.add(k);
            }
        });
        return out;
    }

    /** {@return the compiled module this library is an instance of (shared through the {@link SideModuleCache}); for tests} */
    WasmModule module() {
        return dso.instance.module();
    }

    /** {@return where the linker placed the library} */
    public LoadedLibrary placement() {
        return DylinkProcess.placement(dso);
    }
}
