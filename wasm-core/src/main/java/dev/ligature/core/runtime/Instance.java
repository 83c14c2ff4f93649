package dev.ligature.core.runtime;

import dev.ligature.core.engine.InstanceState;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * An instance of a {@link WasmModule}: its memories, tables, globals, tags and functions, reached by
 * export name. Confined to one thread at a time; distinct instances run in parallel. After a trap
 * the instance stays usable.
 *
 * <p>Exports are read by name and kind ({@link #function}, {@link #memory(String)}, {@link #global},
 * {@link #table}, {@link #tag}); each throws {@link NoSuchElementException} naming what is missing
 * when there is no such export, as does {@link #memory()} for a module without memory.
 * {@link #export(String)} is the form that asks without throwing. {@link #interrupt()} may be
 * called from any thread.
 */
public final class Instance {
    private final WasmModule module;
    final InstanceState state;
    private final Map<String, Object> exports;

    Instance(WasmModule module, InstanceState state, Map<String, Object> exports) {
        this.module = module;
        this.state = state;
        this.exports = exports;
        state.attach(this);
    }

    /** {@return the module this is an instance of} */
    public WasmModule module() {
        return module;
    }

    /**
     * The export called {@code name}, of whatever kind, without throwing when there is none.
     *
     * @param name the export name
     * @return the {@link WasmFunction}, {@link Memory}, {@link Table}, {@link Global} or
     *     {@link Tag}, or empty if the module exports nothing by that name
     */
    public Optional<Object> export(String name) {
        return Optional.ofNullable(exports.get(name));
    }

    /**
     * {@return every export by name, in the order the module declares them, as an unmodifiable map
     * of {@link WasmFunction}, {@link Memory}, {@link Table}, {@link Global} and {@link Tag} objects}
     */
    public Map<String, Object> exports() {
        return Collections.unmodifiableMap(exports);
    }

    private <T> T export(String name, Class<T> kind, String kindName) {
        Object o = exports.get(name);
        if (!kind.isInstance(o)) {
            throw new NoSuchElementException(o == null
                    ? "no export named \"" + name + "\""
                    : "export \"" + name + "\" is not a " + kindName);
        }
        return kind.cast(o);
    }

    /**
     * The exported function called {@code name}. Each call returns the same object.
     *
     * @param name the export name
     * @return the function
     * @throws NoSuchElementException if there is no export {@code name}, or it is not a function
     */
    public WasmFunction function(String name) {
        return export(name, WasmFunction.class, "function");
    }

    /**
     * The exported memory called {@code name}. Each call returns the same object.
     *
     * @param name the export name
     * @return the memory
     * @throws NoSuchElementException if there is no export {@code name}, or it is not a memory
     */
    public Memory memory(String name) {
        return export(name, Memory.class, "memory");
    }

    /**
     * {@return memory 0, imported or defined, exported or not: the memory host functions usually mean}
     *
     * @throws NoSuchElementException if the module has no memory ({@link #hasMemory()} tells)
     */
    public Memory memory() {
        if (state.memories.length == 0) {
            throw new NoSuchElementException("the module has no memory");
        }
        return state.memories[0];
    }

    /** {@return whether the module has a memory 0 (see {@link #memory()})} */
    public boolean hasMemory() {
        return state.memories.length > 0;
    }

    /**
     * The exported global called {@code name}. Each call returns the same object.
     *
     * @param name the export name
     * @return the global
     * @throws NoSuchElementException if there is no export {@code name}, or it is not a global
     */
    public Global global(String name) {
        return export(name, Global.class, "global");
    }

    /**
     * The exported table called {@code name}. Each call returns the same object.
     *
     * @param name the export name
     * @return the table
     * @throws NoSuchElementException if there is no export {@code name}, or it is not a table
     */
    public Table table(String name) {
        return export(name, Table.class, "table");
    }

    /**
     * The exported tag called {@code name}. Each call returns the same object.
     *
     * @param name the export name
     * @return the tag
     * @throws NoSuchElementException if there is no export {@code name}, or it is not a tag
     */
    public Tag tag(String name) {
        return export(name, Tag.class, "tag");
    }

    /**
     * Asks running code of this instance to stop with {@link Trap} "interrupted"; callable from any
     * thread. The request is checked on every call into and loop iteration of this instance's
     * functions (not inside host functions or other instances' code) and is consumed by the trap;
     * if nothing is running, the next call traps unless {@link #clearInterrupt()} comes first.
     */
    public void interrupt() {
        state.setInterrupt(true);
    }

    /** Withdraws a pending {@link #interrupt()} request. */
    public void clearInterrupt() {
        state.setInterrupt(false);
    }
}
