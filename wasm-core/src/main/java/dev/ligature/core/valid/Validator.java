package dev.ligature.core.valid;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.ast.Module;

/** Validates a module against the rules of the specification. */
public final class Validator {
    private Validator() {}

    /** Returns normally when the module is valid; otherwise throws {@link InvalidModuleException}. */
    public static void validate(Module module) {
        throw new UnsupportedOperationException("API STUB: replaced by the validation work");
    }
}
