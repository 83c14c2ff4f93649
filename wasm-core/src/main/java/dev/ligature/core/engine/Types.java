package dev.ligature.core.engine;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.RecType;
import dev.ligature.core.types.SubType;
import dev.ligature.core.valid.TypeContext;
import dev.ligature.core.valid.TypeRegistry;
import java.util.List;

/**
 * The process-wide type registry. Every module is validated against it, so canonical type ids are
 * comparable across all modules and instances: call_indirect, call_ref and import matching compare
 * ids, never structures. The registry only grows; that is bounded by the distinct types loaded.
 */
public final class Types {
    private static final TypeRegistry REGISTRY = new TypeRegistry();

    private Types() {}

    public static TypeRegistry registry() {
        return REGISTRY;
    }

    /** Canonical id of a standalone (non-recursive, final) function type, e.g. a host function's. */
    public static int canonicalId(FuncType type) {
        TypeContext c = TypeContext.build(List.of(new RecType(List.of(SubType.of(type)))), REGISTRY);
        return c.canonicalId(0);
    }
}
