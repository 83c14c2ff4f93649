package dev.ligature.core.types;

import java.util.List;

/** A function type: parameter and result types. */
public record FuncType(List<ValType> params, List<ValType> results) implements CompType {
    public static final int CODE = 0x60;

    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
