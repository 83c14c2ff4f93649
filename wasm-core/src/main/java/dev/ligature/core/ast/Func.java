package dev.ligature.core.ast;

import dev.ligature.core.types.ValType;
import java.util.List;
import java.util.Objects;

/**
 * A function defined in the module: its type index, its declared locals (after the parameters) in
 * run-length form as the binary format has them, and its body.
 */
public record Func(int typeIndex, List<Locals> locals, Expr body) {
    public Func {
        locals = List.copyOf(locals);
        Objects.requireNonNull(body, "body");
    }

    /** {@code count} locals of one type. */
    public record Locals(long count, ValType type) {
        public Locals {
            Objects.requireNonNull(type, "type");
        }
    }

    /** Total number of declared locals (not counting parameters). */
    public long localCount() {
        long n = 0;
        for (Locals l : locals) {
            n += l.count();
        }
        return n;
    }
}
