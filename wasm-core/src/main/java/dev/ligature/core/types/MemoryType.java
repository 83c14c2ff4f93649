package dev.ligature.core.types;

import java.util.Objects;

/** A memory type: limits in 64 KiB pages, shared (threads), and whether it is addressed with i64. */
public record MemoryType(Limits limits, boolean shared, boolean is64) implements ExternType {
    public static final int PAGE_SIZE = 65536;

    public MemoryType {
        Objects.requireNonNull(limits, "limits");
    }

    @Override
    public ExternKind kind() {
        return ExternKind.MEMORY;
    }
}
