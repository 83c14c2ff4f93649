package dev.ligature.core.ast;

import dev.ligature.core.types.RefType;
import java.util.List;
import java.util.Objects;

/**
 * An element segment. Each element is a constant expression; the binary form that lists function
 * indices decodes to {@code ref.func} expressions, and the encoder picks that compact form back
 * whenever it applies. {@code table} and {@code offset} are meaningful for active segments only
 * (offset is null otherwise).
 */
public record ElementSegment(SegmentMode mode, int table, Expr offset, RefType type, List<Expr> init) {
    public ElementSegment {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(type, "type");
        init = List.copyOf(init);
        if ((mode == SegmentMode.ACTIVE) != (offset != null)) {
            throw new IllegalArgumentException("an offset is required exactly for active segments");
        }
    }
}
