package dev.ligature.core.types;

import java.util.List;

/** A function type: parameter and result types. */
public record FuncType(List<ValType> params, List<ValType> results) implements CompType {
    public static final int CODE = 0x60;

    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** A function type from parameter and result types. */
    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    /** Slots the parameters take in slot form (one per value, two for a v128). */
    public int paramSlots() {
        return slots(params);
    }

    /** Slots the results take in slot form (one per value, two for a v128). */
    public int resultSlots() {
        return slots(results);
    }

    private static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += t == VecType.V128 ? 2 : 1;
        }
        return n;
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
