package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The ladder of per-entry loads: distinct region starts ascending, each entry on the rung of its start. */
class EntryLoadsTest {
    @Test
    void entriesShareRungsByRegionStartAndWholeChunkEntriesStartAtZero() {
        EntryLoads.Ladder l = EntryLoads.ladder(new int[] {44, 3, -1, 44, 0});
        assertArrayEquals(new int[] {0, 3, 44}, l.rungs());
        assertArrayEquals(new int[] {2, 1, 0, 2, 0}, l.rungOf());
    }

    @Test
    void oneEntryOneRung() {
        EntryLoads.Ladder l = EntryLoads.ladder(new int[] {17});
        assertArrayEquals(new int[] {17}, l.rungs());
        assertArrayEquals(new int[] {0}, l.rungOf());
    }
}
