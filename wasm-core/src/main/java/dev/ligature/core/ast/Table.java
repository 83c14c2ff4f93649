package dev.ligature.core.ast;

import dev.ligature.core.types.TableType;
import java.util.Objects;

/** A table defined in the module; {@code init} is its element initialiser, or null (ref.null). */
public record Table(TableType type, Expr init) {
    public Table {
        Objects.requireNonNull(type, "type");
    }
}
