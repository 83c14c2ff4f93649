package dev.ligature.dylink;

import dev.ligature.core.runtime.Engine;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a {@link DylinkProcess} links: the engine and cache for side modules, libraries to load at
 * startup (besides the main module's {@code NEEDED} list), and the stack size of a relocatable main
 * module when its {@code .js} is not at hand to say it.
 *
 * @param engine the engine that compiles and runs side modules: the main module's, so that calls
 *     between modules stay within one engine
 * @param cache where compiled side modules are shared
 * @param startupLibraries libraries loaded (globally, before the constructors) after the main
 *     module's own {@code NEEDED} list, as Emscripten's {@code dynamicLibraries} setting does
 * @param stackSize the C stack of a relocatable main module, in bytes; empty to take
 *     {@code TOTAL_STACK}/{@code STACK_SIZE} from the program's {@code .js}, else 5 MiB (3.1.x's default)
 */
public record DylinkOptions(Engine engine, SideModuleCache cache, List<String> startupLibraries, OptionalLong stackSize) {
    /** Checks the options. */
    public DylinkOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(cache, "cache");
        startupLibraries = List.copyOf(startupLibraries);
        Objects.requireNonNull(stackSize, "stackSize");
    }

    /**
     * Options with side modules compiled by {@code engine}, cached in {@link SideModuleCache#shared()}.
     *
     * @param engine the engine for side modules; use the main module's
     * @return the options
     */
    public static DylinkOptions of(Engine engine) {
        return new DylinkOptions(Objects.requireNonNull(engine, "engine"), SideModuleCache.shared(), List.of(), OptionalLong.empty());
    }

    /**
     * {@return these options with another cache}
     *
     * @param cache the cache
     */
    public DylinkOptions withCache(SideModuleCache cache) {
        return new DylinkOptions(engine, cache, startupLibraries, stackSize);
    }

    /**
     * {@return these options with libraries to load at startup}
     *
     * @param libraries names or paths in the virtual file system, loaded in order
     */
    public DylinkOptions withStartupLibraries(List<String> libraries) {
        return new DylinkOptions(engine, cache, libraries, stackSize);
    }

    /**
     * {@return these options with a relocatable main module's stack size}
     *
     * @param bytes the stack size
     */
    public DylinkOptions withStackSize(long bytes) {
        return new DylinkOptions(engine, cache, startupLibraries, OptionalLong.of(bytes));
    }
}
