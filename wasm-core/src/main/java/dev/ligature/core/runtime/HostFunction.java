package dev.ligature.core.runtime;

import dev.ligature.core.types.FuncType;
import java.util.Objects;

/**
 * A function implemented in Java, importable by Wasm modules. Two forms:
 * <ul>
 *   <li>{@link #raw(String, FuncType, Raw)}: zero allocation; the body reads arguments from and
 *       writes results to the {@link ExecContext} at {@code base} (see {@link ExecContext#argI32},
 *       {@link ExecContext#resultI32}, ...).</li>
 *   <li>{@link #of(String, FuncType, Body)}: convenient; arguments and results as {@code long[]} in
 *       slot form (see {@link Values}).</li>
 * </ul>
 * Both receive the calling instance ({@link ExecContext#caller()} / the {@code caller} argument),
 * whose memory the host may read and write. Exceptions a host function throws propagate unchanged
 * through Wasm frames to the embedder; Wasm {@code catch_all} does not catch them.
 */
public final class HostFunction extends WasmFunction {
    /** Zero-allocation body: arguments at {@code ctx.slots[base..]}, results written from {@code base}. */
    @FunctionalInterface
    public interface Raw {
        void call(ExecContext ctx, int base);
    }

    /** Array body: arguments in slot form; returns the results in slot form. */
    @FunctionalInterface
    public interface Body {
        long[] call(Instance caller, long[] args);
    }

    private final String name;
    private final Raw raw;

    private HostFunction(String name, FuncType type, Raw raw) {
        super(type, Types.canonicalId(type));
        this.name = name;
        this.raw = raw;
    }

    public static HostFunction raw(String name, FuncType type, Raw body) {
        return new HostFunction(name, type, Objects.requireNonNull(body));
    }

    public static HostFunction of(String name, FuncType type, Body body) {
        Objects.requireNonNull(body);
        int np = Values.paramSlots(type);
        int nr = Values.resultSlots(type);
        return new HostFunction(name, type, (ctx, base) -> {
            long[] args = new long[np];
            System.arraycopy(ctx.slots, base, args, 0, np);
            long[] res = body.call(ctx.caller, args);
            if (nr > 0) {
                if (res == null || res.length < nr) {
                    throw new IllegalStateException("host function " + name + " returned fewer than " + nr + " results");
                }
                System.arraycopy(res, 0, ctx.slots, base, nr);
            }
        });
    }

    @Override
    public void invoke(ExecContext ctx, int base) {
        int saved = ctx.hostTop;
        ctx.hostTop = base + Math.max(paramSlots(), resultSlots());
        try {
            raw.call(ctx, base);
        } finally {
            ctx.hostTop = saved;
        }
    }

    @Override
    public String name() {
        return name;
    }
}
