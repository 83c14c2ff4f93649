package dev.ligature.core.engine;

/** Gives display names to the function indices of one instance, for backtraces. Not API. */
@FunctionalInterface
public interface FrameNamer {
    /** The function's display name, or null. */
    String functionName(int functionIndex);
}
