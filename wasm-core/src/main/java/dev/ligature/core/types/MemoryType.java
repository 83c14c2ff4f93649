package dev.ligature.core.types;

import java.util.Objects;

/**
 * The type of a linear memory.
 *
 * @param limits initial and greatest size, in pages of {@link #PAGE_SIZE} bytes
 * @param shared whether the memory is shared between threads (the threads proposal)
 * @param is64 whether the memory is addressed with i64 (memory64) rather than i32
 */
public record MemoryType(Limits limits, boolean shared, boolean is64) implements ExternType {
    /** Bytes per page: 65,536 (64 KiB). */
    public static final int PAGE_SIZE = 65536;

    /**
     * A memory type.
     *
     * @throws NullPointerException if {@code limits} is null
     */
    public MemoryType {
        Objects.requireNonNull(limits, "limits");
    }

    /** {@return {@link ExternKind#MEMORY}} */
    @Override
    public ExternKind kind() {
        return ExternKind.MEMORY;
    }
}
