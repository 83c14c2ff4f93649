package dev.ligature.core.runtime;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import java.util.List;

/**
 * A WebAssembly function: an export of an {@link Instance}, a host function ({@link HostFunction}),
 * or a {@code funcref} value read from a table or global. Functions are made only by Ligature.
 *
 * <p>Three ways to call one, from the most convenient to the fastest:
 * <ul>
 *   <li>{@link #as(Class)}: a typed view through a functional interface of your choice, checked
 *       against the Wasm type once, when the view is made:
 *       {@code IntBinaryOperator add = f.as(IntBinaryOperator.class); add.applyAsInt(2, 3)}.</li>
 *   <li>{@link #callValues(Object...)}: boxed values, checked on every call against the Wasm type
 *       (Java's widening conversions apply: an {@code int} argument may go to an f64 parameter).</li>
 *   <li>{@link #call(long[], Object[], long[], Object[])}: the slot form, which allocates nothing:
 *       one {@code long} per value (an i32 in the low 32 bits, an f32/f64 as its raw bits, a v128 as
 *       two slots), references in a parallel array.</li>
 * </ul>
 * Every form throws {@link Trap} when the code traps (including "call stack exhausted" and
 * "interrupted"), {@link WasmThrow} when a Wasm exception escapes, and
 * {@link IllegalArgumentException} for arguments that do not fit the type.
 *
 * <p>A function may be called from any thread, but calls into one instance's functions must not run
 * on two threads at once (see {@link Instance}). Calls may nest: a host function may call back into
 * Wasm.
 */
public interface WasmFunction {
    /** {@return the function's Wasm type} */
    FuncType type();

    /**
     * {@return a name for backtraces and messages: from the name section, an export name, or the
     * host function's name}
     */
    String name();

    /**
     * Calls with values in slot form, allocating nothing. An i32 argument is taken from the low 32
     * bits of its slot (the high bits are ignored), an f32 from the low 32 bits as float bits; of
     * an i32 or f32 result only the low 32 bits are meaningful. Reference arguments are not checked
     * against the parameter types: a funcref argument must be a {@link WasmFunction} or null.
     *
     * @param args the parameters' slots, exactly {@link FuncType#paramSlots()} of them
     * @param argRefs reference arguments at their slot indices, as long as {@code args}; null when
     *     there are none
     * @param results receives the first {@code results.length} result slots (at most
     *     {@link FuncType#resultSlots()}); null when not wanted
     * @param resultRefs receives reference results at their slot indices, like {@code results}; null
     *     when not wanted
     * @throws IllegalArgumentException if {@code args} or {@code argRefs} has the wrong length
     */
    void call(long[] args, Object[] argRefs, long[] results, Object[] resultRefs);

    /**
     * Calls with numeric arguments in slot form. References cannot be passed or returned this way:
     * reference arguments are null, and reference results are dropped.
     *
     * @param args the parameters' slots, exactly {@link FuncType#paramSlots()} of them
     * @return a new array of all {@link FuncType#resultSlots()} result slots
     * @throws IllegalArgumentException if {@code args} has the wrong length
     */
    long[] call(long... args);

    /**
     * Calls with boxed arguments: {@code Integer} for i32, {@code Long} for i64, {@code Float} for
     * f32, {@code Double} for f64 (or any value Java would widen to that type), a {@link WasmFunction}
     * or null for funcref, any object or null for externref, and a {@code long[2]} for v128.
     *
     * @param args one value per parameter (a null array counts as one null argument)
     * @return a new array of the results, one per result, boxed the same way
     * @throws IllegalArgumentException if the number of arguments or the type of one does not fit
     */
    Object[] callValues(Object... args);

    /**
     * Calls with boxed arguments (as {@link #callValues}) a function whose one result is an i32.
     *
     * @param args one value per parameter, as for {@link #callValues}
     * @return the result
     * @throws IllegalStateException before calling, if the function does not return exactly one i32
     * @throws IllegalArgumentException if the number of arguments or the type of one does not fit
     */
    default int callInt(Object... args) {
        expectResult(this, NumType.I32);
        return (Integer) callValues(args)[0];
    }

    /**
     * As {@link #callInt}, for a function whose one result is an i64.
     *
     * @param args one value per parameter, as for {@link #callValues}
     * @return the result
     * @throws IllegalStateException before calling, if the function does not return exactly one i64
     * @throws IllegalArgumentException if the number of arguments or the type of one does not fit
     */
    default long callLong(Object... args) {
        expectResult(this, NumType.I64);
        return (Long) callValues(args)[0];
    }

    /**
     * As {@link #callInt}, for a function whose one result is an f32.
     *
     * @param args one value per parameter, as for {@link #callValues}
     * @return the result
     * @throws IllegalStateException before calling, if the function does not return exactly one f32
     * @throws IllegalArgumentException if the number of arguments or the type of one does not fit
     */
    default float callFloat(Object... args) {
        expectResult(this, NumType.F32);
        return (Float) callValues(args)[0];
    }

    /**
     * As {@link #callInt}, for a function whose one result is an f64.
     *
     * @param args one value per parameter, as for {@link #callValues}
     * @return the result
     * @throws IllegalStateException before calling, if the function does not return exactly one f64
     * @throws IllegalArgumentException if the number of arguments or the type of one does not fit
     */
    default double callDouble(Object... args) {
        expectResult(this, NumType.F64);
        return (Double) callValues(args)[0];
    }

    private static void expectResult(WasmFunction f, NumType want) {
        if (!f.type().results().equals(List.of(want))) {
            throw new IllegalStateException(f.name() + f.type() + " does not return exactly one " + want);
        }
    }

    /**
     * A typed view of this function through {@code functionalInterface}, an interface with one
     * abstract method whose parameters and return type match the Wasm type: {@code int} for i32,
     * {@code long} for i64, {@code float} for f32, {@code double} for f64, {@code void} for no result
     * (for example {@code java.util.function.IntBinaryOperator} for {@code (i32, i32) -> i32}).
     * The match is checked here, once, so calls through the view need no checks of their own.
     *
     * @param <T> the functional interface
     * @param functionalInterface an interface with exactly one abstract method
     * @return an implementation of the interface that calls this function
     * @throws IllegalArgumentException if {@code functionalInterface} is not an interface with one
     *     abstract method, or its method does not fit the function's type (only number types and at
     *     most one result fit)
     */
    <T> T as(Class<T> functionalInterface);
}
