package dev.ligature.core.valid;

import dev.ligature.core.types.SubType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns recursion groups so that iso-recursively equal types get the same canonical id, also
 * across modules that share a registry (the runtime needs that for call_indirect signature checks
 * and import matching). A group is keyed by its members with every type index rewritten: indices
 * into the group itself become {@code -1 - position}, all others the canonical id of the type they
 * name. Records give the rewritten members structural equality, so equal keys mean equal groups.
 * Thread-safe.
 */
public final class TypeRegistry {
    /** Kinds of canonical types. */
    public static final int KIND_FUNC = 0, KIND_STRUCT = 1, KIND_ARRAY = 2;

    private final Map<List<SubType>, Integer> groups = new HashMap<>();
    private int[] supers = new int[64];
    private int size;

    /**
     * The canonical id of the first member of the group with the given rewritten members; the
     * others follow it consecutively. {@code superOf} of each member is recorded on first sight.
     */
    public synchronized int intern(List<SubType> rewrittenMembers) {
        Integer known = groups.get(rewrittenMembers);
        if (known != null) {
            return known;
        }
        int base = size;
        int n = rewrittenMembers.size();
        if (supers.length < base + n) {
            supers = java.util.Arrays.copyOf(supers, Math.max(supers.length * 2, base + n));
        }
        for (int i = 0; i < n; i++) {
            List<Integer> s = rewrittenMembers.get(i).supertypes();
            int sup = -1;
            if (!s.isEmpty()) {
                int v = s.get(0);
                sup = v < 0 ? base + (-1 - v) : v;
            }
            supers[base + i] = sup;
        }
        size = base + n;
        groups.put(rewrittenMembers, base);
        return base;
    }

    /** The canonical id of the declared supertype of canonical type {@code id}, or -1. */
    public synchronized int superOf(int id) {
        return supers[id];
    }

    /** Whether canonical type {@code sub} is {@code sup} or declares it, transitively, as supertype. */
    public synchronized boolean isSubtype(int sub, int sup) {
        for (int t = sub; t >= 0; t = supers[t]) {
            if (t == sup) {
                return true;
            }
        }
        return false;
    }

    /** Number of canonical types interned so far. */
    public synchronized int size() {
        return size;
    }
}
