package dev.ligature.core.engine;

import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.NameSection;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.runtime.Tag;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.valid.TypeContext;

/**
 * The state of one instance as the engines see it: the index spaces (functions, memories, tables,
 * globals, tags), the element and data segments, and the interrupt flag. The runtime creates it
 * while instantiating and hands it to each engine's {@link ExecutionEngine.CompiledCode#bind}; the
 * embedder's {@link Instance} is a view over it. Not API.
 *
 * <p>The arrays are filled during instantiation and never replaced; engines read them at run time
 * and must not change what they hold (except through the operations below).
 */
public final class InstanceState implements FrameNamer {
    /** The module's syntax and validated types. */
    public final Module module;
    public final TypeContext types;
    private final NameSection names;
    public final EngineFunction[] functions;
    public final Memory[] memories;
    public final Table[] tables;
    public final GlobalCell[] globals;
    public final Tag[] tags;
    /** Element segments' resolved references; a dropped segment is an empty array. */
    private final Object[][] elements;
    /** Data segments' bytes; a dropped segment is an empty array. */
    private final byte[][] data;
    private final InterruptGate.Flag interruptFlag = new InterruptGate.Flag();
    private Instance instance;

    public InstanceState(Module module, TypeContext types, NameSection names, EngineFunction[] functions,
            Memory[] memories, Table[] tables, GlobalCell[] globals, Tag[] tags, Object[][] elements, byte[][] data) {
        this.module = module;
        this.types = types;
        this.names = names;
        this.functions = functions;
        this.memories = memories;
        this.tables = tables;
        this.globals = globals;
        this.tags = tags;
        this.elements = elements;
        this.data = data;
    }

    /** Called once by the runtime: the embedder's view of this state. */
    public void attach(Instance view) {
        if (instance != null) {
            throw new IllegalStateException("instance state already attached");
        }
        instance = view;
    }

    /** The embedder's view: what host functions see as their caller. */
    public Instance instance() {
        return instance;
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

    /** Sets or clears the interrupt request; the {@link InterruptGate} follows every change. */
    public void setInterrupt(boolean requested) {
        interruptFlag.set(requested, instance);
    }

    /** True when an interrupt is pending. */
    public boolean interruptRequested() {
        return interruptFlag.requested;
    }

    /** Consumes a pending interrupt and returns the trap to throw. */
    public Trap takeInterrupt() {
        setInterrupt(false);
        return new Trap(Trap.Kind.INTERRUPTED);
    }

    /** The display name of function {@code index}: name section, else an export name, else null. */
    @Override
    public String functionName(int index) {
        return names.displayName(module, index);
    }
}
