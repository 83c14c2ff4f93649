package dev.ligature.core.runtime;

import dev.ligature.core.engine.TypedCalls;
import dev.ligature.core.types.FuncType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * Functions implemented in Java, importable by Wasm modules. Three forms:
 * <ul>
 *   <li>{@link #of(String, Class, Object)}: a lambda through a functional interface whose method
 *       gives the Wasm type ({@code int} is i32, {@code long} i64, {@code float} f32, {@code double}
 *       f64, {@code void} no result); a leading {@link Instance} parameter receives the caller.</li>
 *   <li>{@link #of(String, FuncType, Body)}: arguments and results as {@code long[]} in slot form.</li>
 *   <li>{@link #raw(String, FuncType, Raw)}: allocates nothing; the body reads its arguments from
 *       and writes its results to a {@link HostCall}.</li>
 * </ul>
 * The caller is the instance whose code made the call (during instantiation too, when the start
 * function calls an import), whose memory the host may read and write; it is null only when the
 * embedder calls a host function directly. Exceptions a host function throws propagate unchanged
 * through Wasm frames to the embedder; Wasm {@code catch_all} does not catch them. Two kinds mean
 * something to Wasm: a {@link Trap} traps the calling code as Wasm's own traps do, and a
 * {@link WasmThrow} raises a Wasm exception that the calling code's handlers can catch.
 *
 * <p>A host function may be imported by many instances and called from many threads at once, so
 * its body must be thread-safe if it is shared that way.
 */
public final class HostFunction {
    private HostFunction() {}

    /** Array body: arguments in slot form; returns the results in slot form. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the host function.
         *
         * @param caller the instance whose code made the call, or null when the embedder called the
         *     function directly
         * @param args the arguments in slot form, a new array the body may keep or modify
         * @return the results in slot form, at least as many slots as the type's results take (extra
         *     slots are ignored); may be null or empty for a function with no results
         */
        long[] call(Instance caller, long[] args);
    }

    /** Zero-allocation body: reads arguments from and writes results to {@code call}. */
    @FunctionalInterface
    public interface Raw {
        /**
         * Runs the host function.
         *
         * @param call this call's arguments, results and caller, valid only until the body returns
         */
        void call(HostCall call);
    }

    /**
     * A host function with a zero-allocation body.
     *
     * @param name a name for backtraces and messages
     * @param type the function's Wasm type, which importing modules must match exactly
     * @param body the implementation
     * @return the function, to import with {@link Imports#function(String, String, WasmFunction)}
     */
    public static WasmFunction raw(String name, FuncType type, Raw body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        return new HostFunctionImpl(name, type, Objects.requireNonNull(body, "body"));
    }

    /**
     * A host function with the array body form, which allocates an argument array per call.
     *
     * @param name a name for backtraces and messages
     * @param type the function's Wasm type, which importing modules must match exactly
     * @param body the implementation; if it returns fewer result slots than the type needs, the call
     *     throws {@link IllegalStateException}
     * @return the function, to import with {@link Imports#function(String, String, WasmFunction)}
     */
    public static WasmFunction of(String name, FuncType type, Body body) {
        Objects.requireNonNull(body, "body");
        int np = dev.ligature.core.engine.Values.paramSlots(type);
        int nr = dev.ligature.core.engine.Values.resultSlots(type);
        return raw(name, type, call -> {
            long[] res = body.call(call.caller(), call.argSlots(np));
            if (nr > 0) {
                if (res == null || res.length < nr) {
                    throw new IllegalStateException("host function " + name + " returned fewer than " + nr + " results");
                }
                call.resultSlots(res, nr);
            }
        });
    }

    /**
     * A host function from a typed implementation of {@code functionalInterface}, whose one abstract
     * method gives the Wasm type, for example {@code HostFunction.of("add", IntBinaryOperator.class,
     * (a, b) -> a + b)} is {@code (i32, i32) -> i32}. The interface must be public and accessible to
     * Ligature. Calls box their arguments; for the hottest host functions use {@link #raw}.
     *
     * @param <T> the functional interface
     * @param name a name for backtraces and messages
     * @param functionalInterface the interface; its method takes {@code int}, {@code long},
     *     {@code float} and {@code double} parameters (optionally after a leading {@link Instance},
     *     which receives the caller) and returns one of those or {@code void}
     * @param implementation the implementation, for example a lambda
     * @return the function, to import with {@link Imports#function(String, String, WasmFunction)}
     * @throws IllegalArgumentException if {@code functionalInterface} is not an interface with exactly
     *     one abstract method, is not accessible to Ligature, or its method has a parameter or result
     *     with no Wasm type
     */
    public static <T> WasmFunction of(String name, Class<T> functionalInterface, T implementation) {
        Objects.requireNonNull(implementation, "implementation");
        Method m = TypedCalls.functionalMethod(functionalInterface);
        FuncType type = TypedCalls.hostType(m);
        boolean takesCaller = m.getParameterCount() > 0 && m.getParameterTypes()[0] == Instance.class;
        MethodHandle target;
        try {
            target = MethodHandles.lookup().unreflect(m).bindTo(implementation);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(functionalInterface.getName() + " is not accessible to Ligature: " + e.getMessage());
        }
        int n = m.getParameterCount();
        MethodHandle spread = target.asType(target.type().generic()).asSpreader(Object[].class, n);
        var params = type.params();
        var result = type.results().isEmpty() ? null : type.results().get(0);
        return raw(name, type, call -> {
            Object[] args = new Object[n];
            int a = 0;
            if (takesCaller) {
                args[a++] = call.caller();
            }
            for (int i = 0; i < params.size(); i++) {
                args[a++] = TypedCalls.box(params.get(i), call.argSlot(i));
            }
            Object r;
            try {
                r = (Object) spread.invokeExact(args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new java.lang.reflect.UndeclaredThrowableException(e);
            }
            if (result != null) {
                call.resultSlot(0, TypedCalls.unbox(result, r));
            }
        });
    }
}
