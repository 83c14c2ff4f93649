package dev.ligature.core.engine;

import dev.ligature.core.runtime.Table;
import dev.ligature.core.runtime.Trap;

/** Table operations the engines share. Not API. */
public final class Tables {
    private Tables() {}

    /**
     * The function {@code call_indirect} reaches at {@code index} of {@code table} for a callee of
     * canonical type {@code typeId}, with the checks every engine must make: in bounds ("undefined
     * element"), not null ("uninitialized element"), and of that type or a subtype ("indirect call
     * type mismatch").
     */
    public static EngineFunction functionForCall(Table table, long index, int typeId) {
        if (index < 0 || index >= table.size()) {
            throw new Trap(Trap.Kind.UNDEFINED_ELEMENT, index);
        }
        Object o = table.get(index);
        if (o == null) {
            throw new Trap(Trap.Kind.UNINITIALIZED_ELEMENT, index);
        }
        EngineFunction f = (EngineFunction) o;
        if (f.typeId() != typeId && !Types.registry().isSubtype(f.typeId(), typeId)) {
            throw new Trap(Trap.Kind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return f;
    }
}
