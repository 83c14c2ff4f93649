package dev.ligature.core.valid;

/**
 * What code in a module can refer to, pre-encoded for the body validator: the types of every
 * function, table, memory, global, tag and element segment by index (imports first), the number
 * of data segments, and the functions that {@code ref.func} may name inside bodies.
 */
final class ModuleScope {
    final TypeContext types;
    /** Type index of each function. */
    final int[] funcTypes;
    /** Element type code and address type (i64 when true) of each table. */
    final int[] tableElem;
    final boolean[] table64;
    final boolean[] memory64;
    final int[] globalTypes;
    final boolean[] globalMutable;
    /** Type index (a function type) of each tag. */
    final int[] tagTypes;
    /** Element type code of each element segment. */
    final int[] elemTypes;
    final int dataCount;
    /** Functions referenced outside function bodies, which ref.func in a body may name. */
    final boolean[] declaredFuncs;

    ModuleScope(TypeContext types, int[] funcTypes, int[] tableElem, boolean[] table64, boolean[] memory64,
            int[] globalTypes, boolean[] globalMutable, int[] tagTypes, int[] elemTypes, int dataCount,
            boolean[] declaredFuncs) {
        this.types = types;
        this.funcTypes = funcTypes;
        this.tableElem = tableElem;
        this.table64 = table64;
        this.memory64 = memory64;
        this.globalTypes = globalTypes;
        this.globalMutable = globalMutable;
        this.tagTypes = tagTypes;
        this.elemTypes = elemTypes;
        this.dataCount = dataCount;
        this.declaredFuncs = declaredFuncs;
    }
}
