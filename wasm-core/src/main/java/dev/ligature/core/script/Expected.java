package dev.ligature.core.script;

import dev.ligature.core.types.NumType;
import java.util.List;

/** One expected result of {@code assert_return}: an exact value or a pattern. */
public sealed interface Expected {
    /** Exactly this value (floats compared by bits). */
    record Exact(WastValue value) implements Expected {}

    /** {@code nan:canonical} of type f32 or f64. */
    record CanonicalNan(NumType type) implements Expected {}

    /** {@code nan:arithmetic} of type f32 or f64. */
    record ArithmeticNan(NumType type) implements Expected {}

    /**
     * A v128 given lane by lane, where some lanes are NaN patterns: {@code shape} is the lane
     * shape ({@code f32x4}, {@code f64x2}, ...) and each lane is an Exact (I32/I64/F32/F64) or a
     * NaN pattern.
     */
    record V128Lanes(String shape, List<Expected> lanes) implements Expected {
        public V128Lanes {
            lanes = List.copyOf(lanes);
        }
    }

    /**
     * A non-null reference of some kind without a specific identity: {@code (ref.func)},
     * {@code (ref.extern)}, {@code (ref.struct)}, {@code (ref.array)}, {@code (ref.i31)},
     * {@code (ref.eq)}, {@code (ref.any)}; {@code kind} is the word after {@code ref.}.
     */
    record AnyRef(String kind) implements Expected {}

    /** {@code (ref.null)} with no heap type: any null reference. */
    record AnyNull() implements Expected {}

    /** {@code (either r1 r2 ...)}: any one of the alternatives. */
    record Either(List<Expected> alternatives) implements Expected {
        public Either {
            alternatives = List.copyOf(alternatives);
        }
    }
}
