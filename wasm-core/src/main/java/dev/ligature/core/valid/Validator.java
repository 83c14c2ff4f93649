package dev.ligature.core.valid;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.ast.Module;

/**
 * Validates a module against the rules of the WebAssembly 3.0 specification: types (recursion
 * groups, subtyping, iso-recursive equivalence), every instruction of every function body,
 * constant expressions, limits, segments, imports, exports and the start function.
 */
public final class Validator {
    private Validator() {}

    /** Returns normally when the module is valid; otherwise throws {@link InvalidModuleException}. */
    public static void validate(Module module) {
        validate(module, new TypeRegistry());
    }

    /**
     * Validates {@code module}, canonicalising its types in {@code registry} (share one registry
     * between modules whose types must be compared, e.g. for imports), and returns its types.
     */
    public static TypeContext validate(Module module, TypeRegistry registry) {
        ModuleValidator v = new ModuleValidator(module, registry);
        v.validate();
        return v.types();
    }
}
