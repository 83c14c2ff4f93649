package dev.ligature.core.runtime;

import dev.ligature.core.types.Limits;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.TableType;
import java.util.Arrays;

/**
 * A table of references: {@link WasmFunction}s for funcref tables, any Java object (or null) for
 * externref tables. Indices and lengths are unsigned; an index outside the current size traps with
 * {@link Trap.Kind#OUT_OF_BOUNDS_TABLE}. A table is an export of an instance, or made by the host
 * ({@link #of(RefType, long, long)}) to be imported.
 *
 * <p>Not synchronized: a table is used by the thread that runs its instance (or, when several
 * instances share it, by one thread at a time).
 */
public final class Table {
    /**
     * The most elements a table can hold, {@code Integer.MAX_VALUE - 8} (the largest Java array);
     * growth beyond it returns -1, and a larger minimum fails with {@link Trap.Kind#LIMIT_EXCEEDED}.
     */
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

    /**
     * A host table with 32-bit indices, filled with null.
     *
     * @param element the element type, a reference to an abstract heap type ({@link RefType#FUNCREF},
     *     {@link RefType#EXTERNREF}, ...)
     * @param min the initial size, in elements
     * @param max the greatest size, in elements, or {@link Limits#NO_MAX}
     * @return a new table, to import with {@link Imports#table}
     * @throws IllegalArgumentException if the element type is a reference to a concrete heap type
     * @throws Trap {@link Trap.Kind#LIMIT_EXCEEDED} if {@code min} exceeds {@link #MAX_ELEMENTS}
     */
    public static Table of(RefType element, long min, long max) {
        return of(new TableType(element, new Limits(min, max), false));
    }

    /**
     * A host table of the given type, filled with null.
     *
     * @param type the table's type: its element type must be a reference to an abstract heap type;
     *     indices may be 32- or 64-bit
     * @return a new table, to import with {@link Imports#table}
     * @throws IllegalArgumentException if the element type is a reference to a concrete heap type
     * @throws Trap {@link Trap.Kind#LIMIT_EXCEEDED} if the minimum exceeds {@link #MAX_ELEMENTS}
     */
    public static Table of(TableType type) {
        if (!(type.element().heap() instanceof dev.ligature.core.types.AbsHeapType)) {
            throw new IllegalArgumentException("host tables take abstract reference types");
        }
        if (!type.element().nullable() && type.limits().min() > 0) {
            throw new IllegalArgumentException("a host table of non-nullable " + type.element() + " would start with nulls");
        }
        return new Table(type, type.element(), null);
    }

    /** {@return the declared type; its minimum is the size at creation (see {@link #currentType()})} */
    public TableType type() {
        return type;
    }

    Object elementKey() {
        return elementKey;
    }

    /** {@return the type as it stands now: the current size as the minimum, the declared maximum} */
    public TableType currentType() {
        return new TableType(type.element(), new Limits(size(), type.limits().max()), type.is64());
    }

    /** {@return the current size, in elements} */
    public long size() {
        return elements.length;
    }

    private static Trap oob() {
        return new Trap(Trap.Kind.OUT_OF_BOUNDS_TABLE);
    }

    /**
     * Reads an element, as {@code table.get}.
     *
     * @param index the element's index
     * @return the element: a {@link WasmFunction} or host object, or null for a null reference
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_TABLE} if {@code index} is not below {@link #size()}
     */
    public Object get(long index) {
        if (index < 0 || index >= elements.length) {
            throw oob();
        }
        return elements[(int) index];
    }

    /**
     * Writes an element, as {@code table.set}.
     *
     * @param index the element's index
     * @param value the new element: a {@link WasmFunction} or null for a function table, any object
     *     or null otherwise
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_TABLE} if {@code index} is not below {@link #size()}
     * @throws IllegalArgumentException if a function table is given something other than a
     *     {@link WasmFunction}
     */
    public void set(long index, Object value) {
        if (index < 0 || index >= elements.length) {
            throw oob();
        }
        checkElement(value);
        elements[(int) index] = value;
    }

    /** Function tables hold functions: anything else would reach call_indirect as a class cast. */
    private void checkElement(Object value) {
        if (value != null && functions && !(value instanceof dev.ligature.core.engine.EngineFunction)) {
            // Only functions Ligature made (exports, HostFunction) can be called through a table.
            throw new IllegalArgumentException("a function table takes a WasmFunction made by Ligature (an export or a"
                    + " HostFunction) or null, got " + value.getClass().getName());
        }
    }

    /**
     * Grows the table, as {@code table.grow}.
     *
     * @param delta how many elements to add (unsigned)
     * @param init the value of every new element
     * @return the size before growing, or -1 (size unchanged) if the table would exceed its maximum
     *     or {@link #MAX_ELEMENTS}, or the heap cannot hold it
     * @throws IllegalArgumentException if a function table is given something other than a
     *     {@link WasmFunction} as {@code init}
     */
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

    /**
     * Sets a range of elements to one value, as {@code table.fill}.
     *
     * @param index the first element to set
     * @param value the value (for a function table, a {@link WasmFunction} or null)
     * @param len how many elements to set
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_TABLE}, before writing anything, if the range does
     *     not lie within the table
     * @throws IllegalArgumentException if a function table is given something other than a
     *     {@link WasmFunction}
     */
    public void fill(long index, Object value, long len) {
        checkElement(value);
        if (index < 0 || len < 0 || index > elements.length - len) {
            throw oob();
        }
        Arrays.fill(elements, (int) index, (int) (index + len), value);
    }

    /**
     * Copies elements from a table, as {@code table.copy}; the ranges may overlap when {@code src}
     * is this table.
     *
     * @param dst the first element to write in this table
     * @param src the table to read (possibly this one)
     * @param srcIndex the first element to read in {@code src}
     * @param len how many elements to copy
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_TABLE}, before writing anything, if either range
     *     does not lie within its table
     */
    public void copy(long dst, Table src, long srcIndex, long len) {
        if (dst < 0 || srcIndex < 0 || len < 0 || dst > elements.length - len || srcIndex > src.elements.length - len) {
            throw oob();
        }
        System.arraycopy(src.elements, (int) srcIndex, elements, (int) dst, (int) len);
    }

    /**
     * Copies elements from an array, as {@code table.init} does from an element segment. The
     * elements are not checked against the table's element type.
     *
     * @param dst the first element to write in this table
     * @param segment the source elements
     * @param srcIndex the first element to read in {@code segment}
     * @param len how many elements to copy
     * @throws Trap {@link Trap.Kind#OUT_OF_BOUNDS_TABLE}, before writing anything, if either range
     *     does not lie within its array
     */
    public void init(long dst, Object[] segment, long srcIndex, long len) {
        if (dst < 0 || srcIndex < 0 || len < 0 || dst > elements.length - len || srcIndex > segment.length - len) {
            throw oob();
        }
        if (functions) {
            for (long k = srcIndex; k < srcIndex + len; k++) {
                checkElement(segment[(int) k]);
            }
        }
        System.arraycopy(segment, (int) srcIndex, elements, (int) dst, (int) len);
    }
}
