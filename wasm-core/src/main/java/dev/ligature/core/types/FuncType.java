package dev.ligature.core.types;

import java.util.List;

/**
 * A function type: the types of the parameters and of the results (any number of each). Equality is
 * structural, so two modules' {@code [i32] -> [i32]} types are equal.
 *
 * @param params the parameter types, in order (an unmodifiable copy)
 * @param results the result types, in order (an unmodifiable copy)
 */
public record FuncType(List<ValType> params, List<ValType> results) implements CompType {
    /** The byte that introduces a function type in the binary format. */
    public static final int CODE = 0x60;

    /**
     * A function type; the lists are copied.
     *
     * @throws NullPointerException if either list or any element is null
     */
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /**
     * A function type from parameter and result types, as the constructor.
     *
     * @param params the parameter types, in order
     * @param results the result types, in order
     * @return the function type
     */
    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    /**
     * {@return how many slots the parameters take in slot form: one per value, two for a v128}
     * This is the length of the {@code args} array of
     * {@link dev.ligature.core.runtime.WasmFunction#call(long[], Object[], long[], Object[])}.
     */
    public int paramSlots() {
        return slots(params);
    }

    /** {@return how many slots the results take in slot form: one per value, two for a v128} */
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

    /** {@return the type as {@code [params] -> [results]}} */
    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
