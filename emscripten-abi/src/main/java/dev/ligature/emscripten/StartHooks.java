package dev.ligature.emscripten;

import dev.ligature.core.runtime.ImportType;

/**
 * An embedder's part in starting a program (see {@link EmscriptenHost#start(EmscriptenProgram,
 * java.util.List, StartHooks)}): imports it binds before or after Emscripten's runtime, and work
 * between instantiation and the constructors. A dynamic linker is the user this seam was made for:
 * it binds a relocatable main module's memory base, stack pointer and {@code GOT.*} cells, binds
 * functions no module defines yet to late-binding stubs, and loads the libraries the main module
 * needs before the main module's constructors run. Every method has a do-nothing default.
 */
public interface StartHooks {
    /**
     * Binds an import ahead of Emscripten's runtime.
     *
     * @param process the process being started (its instance does not exist yet)
     * @param imp the import, with its declared type
     * @return the value to bind (a {@link dev.ligature.core.runtime.WasmFunction}, memory, table,
     *     global or tag), or null to leave the import to the runtime
     */
    default Object bindFirst(EmscriptenProcess process, ImportType imp) {
        return null;
    }

    /**
     * Binds an import Emscripten's runtime does not provide.
     *
     * @param process the process being started (its instance does not exist yet)
     * @param imp the import, with its declared type
     * @return the value to bind, or null to let instantiation fail with a
     *     {@link dev.ligature.core.runtime.LinkException} naming the import
     */
    default Object bindMissing(EmscriptenProcess process, ImportType imp) {
        return null;
    }

    /**
     * Runs once the instance exists and its start function has run, before the stack is initialised
     * and before any constructor.
     *
     * @param process the process, whose {@link EmscriptenProcess#instance()} is now set
     */
    default void instantiated(EmscriptenProcess process) {}

    /**
     * Runs after the program's constructors, before {@link EmscriptenHost#start} returns.
     *
     * @param process the process
     */
    default void constructed(EmscriptenProcess process) {}

    /**
     * Runs when {@code main} has returned, before the runtime exits (atexit handlers, stdio flush):
     * where work that JavaScript would run on later turns of its event loop, such as the completion
     * of an asynchronous {@code dlopen}, belongs.
     *
     * @param process the process
     */
    default void mainReturned(EmscriptenProcess process) {}
}
