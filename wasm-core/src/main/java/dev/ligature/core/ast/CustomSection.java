package dev.ligature.core.ast;

import java.util.Arrays;
import java.util.Objects;

/**
 * A custom section, kept byte for byte. {@code after} is the id of the last known section that
 * precedes it in the binary (0 when it comes before all of them), so the encoder can put it back
 * where it was.
 */
public record CustomSection(String name, byte[] data, int after) {
    public CustomSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomSection c && name.equals(c.name) && after == c.after && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, after, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "CustomSection[" + name + ", " + data.length + " bytes, after section " + after + "]";
    }
}
