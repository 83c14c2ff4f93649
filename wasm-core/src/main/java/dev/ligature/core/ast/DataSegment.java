package dev.ligature.core.ast;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data segment: bytes copied into memory {@code memory} at {@code offset} when active (offset is
 * null for passive segments).
 */
public record DataSegment(SegmentMode mode, int memory, Expr offset, byte[] init) {
    public DataSegment {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(init, "init");
        if (mode == SegmentMode.DECLARATIVE) {
            throw new IllegalArgumentException("data segments are active or passive");
        }
        if ((mode == SegmentMode.ACTIVE) != (offset != null)) {
            throw new IllegalArgumentException("an offset is required exactly for active segments");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSegment d && mode == d.mode && memory == d.memory
                && Objects.equals(offset, d.offset) && Arrays.equals(init, d.init);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, memory, offset, Arrays.hashCode(init));
    }

    @Override
    public String toString() {
        return "DataSegment[" + mode + ", memory=" + memory + ", offset=" + offset + ", " + init.length + " bytes]";
    }
}
