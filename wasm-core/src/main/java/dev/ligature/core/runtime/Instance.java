package dev.ligature.core.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An instance of a {@link WasmModule}: its memories, tables, globals, tags, functions and exports.
 * Confined to one thread at a time; distinct instances run in parallel. After a trap the instance
 * stays usable.
 *
 * <p>Exports are read by name ({@link #function}, {@link #memory(String)}, {@link #global},
 * {@link #table}, {@link #tag}). {@link #interrupt()} may be called from any thread: the running
 * code stops at its next call or loop iteration with {@link Trap} "interrupted".
 *
 * <p>The index-space arrays ({@link #functions()}, ...) are for engines; embedders must not modify them.
 */
public final class Instance implements Trap.FrameNamer {
    final WasmModule module;
    final WasmFunction[] functions;
    final Memory[] memories;
    final Table[] tables;
    final Global[] globals;
    final Tag[] tags;
    /** Element segments' resolved references; a dropped segment is an empty array. */
    final Object[][] elements;
    /** Data segments' bytes; a dropped segment is an empty array. */
    final byte[][] data;
    final Map<String, Object> exports;
    private final InterruptGate.Flag interruptFlag = new InterruptGate.Flag();

    Instance(WasmModule module, WasmFunction[] functions, Memory[] memories, Table[] tables, Global[] globals,
            Tag[] tags, Object[][] elements, byte[][] data, Map<String, Object> exports) {
        this.module = module;
        this.functions = functions;
        this.memories = memories;
        this.tables = tables;
        this.globals = globals;
        this.tags = tags;
        this.elements = elements;
        this.data = data;
        this.exports = exports;
    }

    public WasmModule module() {
        return module;
    }

    /** The exported entity called {@code name} ({@link WasmFunction}, {@link Memory}, {@link Table}, {@link Global} or {@link Tag}), or null. */
    public Object export(String name) {
        return exports.get(name);
    }

    /** All exports by name, in the module's order. */
    public Map<String, Object> exports() {
        return Collections.unmodifiableMap(exports);
    }

    private <T> T export(String name, Class<T> kind) {
        Object o = exports.get(name);
        if (!kind.isInstance(o)) {
            throw new NoSuchElementException("no exported " + kind.getSimpleName().toLowerCase() + " named \"" + name + "\"");
        }
        return kind.cast(o);
    }

    /** The exported function {@code name}; throws {@link NoSuchElementException} if there is none. */
    public WasmFunction function(String name) {
        return export(name, WasmFunction.class);
    }

    public Memory memory(String name) {
        return export(name, Memory.class);
    }

    /** Memory 0 (imported or defined), or null if the module has no memory. */
    public Memory memory() {
        return memories.length == 0 ? null : memories[0];
    }

    public Global global(String name) {
        return export(name, Global.class);
    }

    public Table table(String name) {
        return export(name, Table.class);
    }

    public Tag tag(String name) {
        return export(name, Tag.class);
    }

    /**
     * Asks running code of this instance to stop with {@link Trap} "interrupted"; callable from any
     * thread. The request is checked on every call into and loop iteration of this instance's
     * functions (not inside host functions or other instances' code) and is consumed by the trap;
     * if nothing is running, the next call traps unless {@link #clearInterrupt()} comes first.
     */
    public void interrupt() {
        setInterrupt(true);
    }

    /** Withdraws a pending {@link #interrupt()} request. */
    public void clearInterrupt() {
        setInterrupt(false);
    }

    /** Changes the flag; the {@link InterruptGate} (which compiled code polls first) follows every change. */
    private void setInterrupt(boolean requested) {
        interruptFlag.set(requested, this);
    }

    /** Engine hook: true when an interrupt is pending. */
    public boolean interruptRequested() {
        return interruptFlag.requested;
    }

    /** Engine hook: consumes a pending interrupt and returns the trap to throw. */
    public Trap takeInterrupt() {
        setInterrupt(false);
        return new Trap(Trap.Kind.INTERRUPTED);
    }

    // ---- engine access to the index spaces (not to be modified)

    public WasmFunction[] functions() {
        return functions;
    }

    public Memory[] memories() {
        return memories;
    }

    public Table[] tables() {
        return tables;
    }

    public Global[] globals() {
        return globals;
    }

    public Tag[] tags() {
        return tags;
    }

    /** Element segment {@code i}'s references (empty once dropped). */
    public Object[] elementSegment(int i) {
        return elements[i];
    }

    public void dropElementSegment(int i) {
        elements[i] = new Object[0];
    }

    /** Data segment {@code i}'s bytes (empty once dropped). */
    public byte[] dataSegment(int i) {
        return data[i];
    }

    public void dropDataSegment(int i) {
        data[i] = new byte[0];
    }

    /** The display name of function {@code index}: name section, else an export name, else null. */
    @Override
    public String functionName(int index) {
        return module.names().displayName(module.ast(), index);
    }
}
