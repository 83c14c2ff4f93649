package dev.ligature.core.runtime;

import dev.ligature.core.types.Limits;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.TableType;
import java.util.Arrays;

/**
 * A table of references: {@link WasmFunction}s for funcref tables, any Java object (or null) for
 * externref tables. Indices are unsigned; an index outside the current size traps with "out of
 * bounds table access".
 */
public final class Table {
    /** Tables beyond this many elements are refused (a Java array limit). */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;

    private final TableType type;
    private final Object elementKey;
    private final long max;
    private Object[] elements;
    /** Whether the elements are functions (funcref or a concrete function type). */
    private final boolean functions;

    /**
     * @param elementKey the element type in canonical form (type indices replaced by canonical ids), for import matching
     */
    Table(TableType type, Object elementKey, Object init) {
        this.type = type;
        this.elementKey = elementKey;
        this.functions = type.element().heap() == dev.ligature.core.types.AbsHeapType.FUNC
                || type.element().heap() == dev.ligature.core.types.AbsHeapType.NOFUNC;
        Limits l = type.limits();
        long m = l.hasMax() ? l.max() : MAX_ELEMENTS;
        this.max = Math.min(m, MAX_ELEMENTS);
        if (l.min() > max) {
            throw new Trap(Trap.Kind.LIMIT_EXCEEDED, "table of " + l.min() + " elements");
        }
        elements = new Object[(int) l.min()];
        if (init != null) {
            Arrays.fill(elements, init);
        }
    }

    /** A table of the given abstract reference type (funcref, externref, ...), filled with null. */
    public static Table of(RefType element, long min, long max) {
        return of(new TableType(element, new Limits(min, max), false));
    }

    /** A table of the given type (an abstract reference type; 32- or 64-bit indices), filled with null. */
    public static Table of(TableType type) {
        if (!(type.element().heap() instanceof dev.ligature.core.types.AbsHeapType)) {
            throw new IllegalArgumentException("host tables take abstract reference types");
        }
        return new Table(type, type.element(), null);
    }

    public TableType type() {
        return type;
    }

    Object elementKey() {
        return elementKey;
    }

    /** The type as it stands now: current size as the minimum. */
    public TableType currentType() {
        return new TableType(type.element(), new Limits(size(), type.limits().max()), type.is64());
    }

    public long size() {
        return elements.length;
    }

    private static Trap oob() {
        return new Trap(Trap.Kind.OUT_OF_BOUNDS_TABLE);
    }

    /** The element at {@code index} (unsigned); null for a null reference. */
    public Object get(long index) {
        if (index < 0 || index >= elements.length) {
            throw oob();
        }
        return elements[(int) index];
    }

    /** Sets the element at {@code index}; a funcref table takes a {@link WasmFunction} or null. */
    public void set(long index, Object value) {
        if (index < 0 || index >= elements.length) {
            throw oob();
        }
        checkElement(value);
        elements[(int) index] = value;
    }

    /** Function tables hold functions: anything else would reach call_indirect as a class cast. */
    private void checkElement(Object value) {
        if (value != null && functions && !(value instanceof WasmFunction)) {
            throw new IllegalArgumentException("a function table takes a WasmFunction or null, got " + value.getClass().getSimpleName());
        }
    }

    /** Grows by {@code delta} elements set to {@code init}; returns the old size or -1. */
    public long grow(long delta, Object init) {
        checkElement(init);
        long old = elements.length;
        if (delta < 0 || delta > max - old) {
            return -1;
        }
        try {
            Object[] e = Arrays.copyOf(elements, (int) (old + delta));
            Arrays.fill(e, (int) old, e.length, init);
            elements = e;
        } catch (OutOfMemoryError e) {
            return -1;
        }
        return old;
    }

    /** {@code table.fill}: traps before writing if out of bounds. */
    public void fill(long index, Object value, long len) {
        checkElement(value);
        if (index < 0 || len < 0 || index > elements.length - len) {
            throw oob();
        }
        Arrays.fill(elements, (int) index, (int) (index + len), value);
    }

    /** {@code table.copy} from {@code src} (possibly this table). */
    public void copy(long dst, Table src, long srcIndex, long len) {
        if (dst < 0 || srcIndex < 0 || len < 0 || dst > elements.length - len || srcIndex > src.elements.length - len) {
            throw oob();
        }
        System.arraycopy(src.elements, (int) srcIndex, elements, (int) dst, (int) len);
    }

    /** {@code table.init} from a segment's resolved elements. */
    public void init(long dst, Object[] segment, long srcIndex, long len) {
        if (dst < 0 || srcIndex < 0 || len < 0 || dst > elements.length - len || srcIndex > segment.length - len) {
            throw oob();
        }
        System.arraycopy(segment, (int) srcIndex, elements, (int) dst, (int) len);
    }
}
