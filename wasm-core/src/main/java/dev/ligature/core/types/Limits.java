package dev.ligature.core.types;

/**
 * Size limits of a memory (in 64 KiB pages) or a table (in elements), as a module declares them.
 *
 * @param min the initial and least size
 * @param max the greatest size, or {@link #NO_MAX} when the module declares none
 */
public record Limits(long min, long max) {
    /** The value of {@link #max()} when no maximum is declared. */
    public static final long NO_MAX = -1;

    /** {@return whether a maximum is declared} */
    public boolean hasMax() {
        return max != NO_MAX;
    }

    /** {@return the limits as in the text format: {@code min}, or {@code min max}} */
    @Override
    public String toString() {
        return hasMax() ? min + " " + max : Long.toString(min);
    }
}
