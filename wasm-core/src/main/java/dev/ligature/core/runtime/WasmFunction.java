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
 */
public interface WasmFunction {
    /** The function's Wasm type. */
    FuncType type();

    /** A name for backtraces and messages: from the name section, an export name, or the host function's name. */
    String name();

    /**
     * Calls with values in slot form: {@code args} must hold exactly the parameters' slots; results
     * go to {@code results}/{@code resultRefs} (either may be null when not wanted). {@code argRefs}
     * carries reference arguments at their slot index (null when there are none). Allocates nothing.
     */
    void call(long[] args, Object[] argRefs, long[] results, Object[] resultRefs);

    /** Calls with numeric arguments in slot form (exactly one per parameter slot); returns all result slots. */
    long[] call(long... args);

    /**
     * Calls with boxed arguments: {@code Integer} for i32, {@code Long} for i64, {@code Float} for
     * f32, {@code Double} for f64 (or any value Java would widen to that type), a {@link WasmFunction}
     * or null for funcref, any object or null for externref. Returns the results boxed the same way.
     */
    Object[] callValues(Object... args);

    /**
     * Calls with boxed arguments (as {@link #callValues}) a function whose one result is an i32.
     *
     * @throws IllegalStateException before calling, if the function does not return exactly one i32
     */
    default int callInt(Object... args) {
        expectResult(this, NumType.I32);
        return (Integer) callValues(args)[0];
    }

    /** As {@link #callInt}, for a function whose one result is an i64. */
    default long callLong(Object... args) {
        expectResult(this, NumType.I64);
        return (Long) callValues(args)[0];
    }

    /** As {@link #callInt}, for a function whose one result is an f32. */
    default float callFloat(Object... args) {
        expectResult(this, NumType.F32);
        return (Float) callValues(args)[0];
    }

    /** As {@link #callInt}, for a function whose one result is an f64. */
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
     * The match is checked here, once.
     *
     * @throws IllegalArgumentException if the interface does not fit the function's type
     */
    <T> T as(Class<T> functionalInterface);
}
