package dev.ligature.core.ast;

import dev.ligature.core.types.GlobalType;
import java.util.Objects;

/** A global defined in the module, with its constant initialiser. */
public record Global(GlobalType type, Expr init) {
    public Global {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(init, "init");
    }
}
