package dev.ligature.core.text;

import java.util.HashMap;
import java.util.Map;

/**
 * One index space of the text format (types, functions, locals, fields of one struct, ...): the
 * number of entries defined so far and the symbolic identifiers bound to them.
 */
final class IdSpace {
    private final String what;
    private final Map<String, Integer> ids = new HashMap<>();
    private int count;

    /** {@code what} names the space in errors: "duplicate func", "unknown func". */
    IdSpace(String what) {
        this.what = what;
    }

    int count() {
        return count;
    }

    /** Defines the next entry, bound to the identifier token {@code idToken} (or anonymous when -1). */
    int define(Tokens t, int idToken) {
        if (idToken >= 0) {
            String name = t.lx.idName(idToken);
            if (ids.putIfAbsent(name, count) != null) {
                throw t.error("duplicate " + what, idToken);
            }
        }
        return count++;
    }

    /** The index bound to {@code name}, or -1. */
    int lookup(String name) {
        Integer i = ids.get(name);
        return i == null ? -1 : i;
    }

    /**
     * Resolves the index at the cursor (a number, or an identifier that must be bound here) and
     * advances. {@code unknown} is the error phrase for an unbound identifier.
     */
    int resolve(Tokens t, String unknown) {
        if (t.at(Lexer.ID)) {
            int i = lookup(t.lx.idName(t.p));
            if (i < 0) {
                throw t.error(unknown);
            }
            t.p++;
            return i;
        }
        return (int) t.u32();
    }
}
