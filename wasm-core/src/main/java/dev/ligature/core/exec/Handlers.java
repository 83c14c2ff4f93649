package dev.ligature.core.exec;

import dev.ligature.core.engine.InstanceState;
import dev.ligature.core.runtime.WasmThrow;

/**
 * Exception handler tables. Each entry covers the instructions of one try body, {@code (start, end]}
 * in terms of the loop's pc after it has read an opcode, and says what to do with an exception
 * raised there. Entries are ordered innermost first, so the first match wins; a legacy
 * {@code delegate} entry narrows the search to handlers at or outside its target block.
 */
final class Handlers {
    private Handlers() {}

    static final int WIDTH = 7;
    // Entry fields.
    static final int START = 0, END = 1, KIND = 2, TAG = 3, TARGET = 4, HEIGHT = 5, DEPTH = 6;
    // Kinds: try_table clauses (as encoded), then the legacy forms.
    static final int CATCH = 0, CATCH_REF = 1, CATCH_ALL = 2, CATCH_ALL_REF = 3, LEGACY_CATCH = 4,
            LEGACY_CATCH_ALL = 5, DELEGATE = 6;

    /** Index of the first entry (in ints) that handles {@code e} raised at {@code pc}, or -1. */
    static int find(int[] h, int pc, WasmThrow e, InstanceState inst) {
        int maxDepth = Integer.MAX_VALUE;
        for (int i = 0; i < h.length; i += WIDTH) {
            if (h[i + START] < pc && pc <= h[i + END] && h[i + DEPTH] <= maxDepth) {
                switch (h[i + KIND]) {
                    case DELEGATE -> maxDepth = h[i + TAG];
                    case CATCH_ALL, CATCH_ALL_REF, LEGACY_CATCH_ALL -> {
                        return i;
                    }
                    default -> {
                        if (inst.tags[h[i + TAG]] == e.tag()) {
                            return i;
                        }
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Lands {@code e} on handler {@code i}: pushes what the handler receives from frame-relative
     * height on, and returns the new sp.
     */
    static int land(int[] h, int i, WasmThrow e, long[] s, Object[] r, int base) {
        int sp = base + h[i + HEIGHT];
        int kind = h[i + KIND];
        if (kind == LEGACY_CATCH || kind == LEGACY_CATCH_ALL) {
            r[sp++] = e;
        }
        if (kind == CATCH || kind == CATCH_REF || kind == LEGACY_CATCH) {
            long[] p = e.payload();
            System.arraycopy(p, 0, s, sp, p.length);
            System.arraycopy(e.payloadRefs(), 0, r, sp, p.length);
            sp += p.length;
        }
        if (kind == CATCH_REF || kind == CATCH_ALL_REF) {
            r[sp++] = e;
        }
        return sp;
    }
}
