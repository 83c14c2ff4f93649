package dev.ligature.core.engine;

import dev.ligature.core.runtime.Engine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * From the {@link Engine} an embedder holds to the {@link ExecutionEngine} behind it. An engine
 * module's API class (the compiler's {@code JitEngine}) implements only {@link Engine}, so that its
 * public surface shows nothing of this SPI, and registers here how to reach its implementation.
 * Not API.
 */
public final class Engines {
    private Engines() {}

    private static final Map<Class<?>, Function<Engine, ExecutionEngine>> RESOLVERS = new ConcurrentHashMap<>();

    /** Registers how engines of class {@code type} reach their implementation. */
    public static <E extends Engine> void register(Class<E> type, Function<? super E, ExecutionEngine> resolver) {
        RESOLVERS.put(type, e -> resolver.apply(type.cast(e)));
    }

    /**
     * The implementation of {@code engine}.
     *
     * @throws IllegalArgumentException if {@code engine} is not one of Ligature's engines
     */
    public static ExecutionEngine resolve(Engine engine) {
        if (engine instanceof ExecutionEngine e) {
            return e;
        }
        Function<Engine, ExecutionEngine> r = engine == null ? null : RESOLVERS.get(engine.getClass());
        if (r == null) {
            throw new IllegalArgumentException("not one of Ligature's engines: "
                    + (engine == null ? "null" : engine.getClass().getName()));
        }
        return r.apply(engine);
    }
}
