package dev.ligature.core.ast;

import dev.ligature.core.types.ExternKind;
import java.util.Objects;

/** An export: a name and an entity of the given kind, by index in that kind's index space. */
public record Export(String name, ExternKind kind, int index) {
    public Export {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
