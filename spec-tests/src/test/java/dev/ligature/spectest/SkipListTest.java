package dev.ligature.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkipListTest {
    @Test
    void parsesEveryEntryTypeAndIgnoresCommentsAndBlankLines() {
        SkipList skips = SkipList.parse("""
                # a comment

                dir  proposals/threads/   threads: not implemented
                file legacy/throw.wast    legacy: reasons
                cmd  binary.wast:12       one command
                kind assert_return        needs execution
                """, "test");
        List<SkipList.Entry> e = skips.entries();
        assertEquals(4, e.size());
        assertEquals(new SkipList.DirEntry(3, "proposals/threads/", "threads: not implemented"), e.get(0));
        assertEquals(new SkipList.FileEntry(4, "legacy/throw.wast", "legacy: reasons"), e.get(1));
        assertEquals(new SkipList.CommandEntry(5, "binary.wast", 12, "one command"), e.get(2));
        assertEquals(new SkipList.KindEntry(6, CommandKind.ASSERT_RETURN, "needs execution"), e.get(3));
    }

    @Test
    void matchesFilesCommandsAndKindsAndTracksUnusedEntries() {
        SkipList skips = SkipList.parse("""
                dir  proposals/threads/   t
                file legacy/throw.wast    l
                cmd  binary.wast:12       c
                kind assert_return        k
                kind assert_trap          never used
                """, "test");
        assertEquals("t", skips.forFile("proposals/threads/atomic.wast").orElseThrow().reason());
        assertTrue(skips.forFile("proposals/threadsx/a.wast").isEmpty());
        assertEquals("l", skips.forFile("legacy/throw.wast").orElseThrow().reason());
        assertTrue(skips.forFile("throw.wast").isEmpty());
        // the line entry wins over the kind entry
        assertEquals("c", skips.forCommand("binary.wast", 12, CommandKind.ASSERT_RETURN).orElseThrow().reason());
        assertEquals("k", skips.forCommand("binary.wast", 13, CommandKind.ASSERT_RETURN).orElseThrow().reason());
        assertTrue(skips.forCommand("binary.wast", 13, CommandKind.MODULE).isEmpty());
        assertEquals(List.of("kind assert_trap"), skips.unused().stream().map(SkipList.Entry::selector).toList());
    }

    @Test
    void rejectsMalformedEntries() {
        for (String bad : List.of(
                "dir proposals/threads",           // no trailing slash
                "dir proposals/threads/",          // no reason
                "file a.txt reason",               // not a .wast
                "file /abs/a.wast reason",         // absolute
                "file ../a.wast reason",           // escapes the root
                "cmd a.wast reason here",          // no line
                "cmd a.wast:0 reason",             // bad line
                "cmd a.wast:x reason",             // bad line
                "kind assert_nothing reason",      // unknown kind
                "skip a.wast reason",              // unknown keyword
                "kind action a\nkind action b")) { // duplicate
            SkipList.SkipFileException e = assertThrows(SkipList.SkipFileException.class, () -> SkipList.parse(bad, "s.txt"), bad);
            assertTrue(e.getMessage().startsWith("s.txt:"), e.getMessage());
        }
    }

    @Test
    void bundledSkipFileParsesAndGivesEveryEntryAReason() {
        SkipList skips = SkipList.bundled();
        assertTrue(skips.entries().size() > 0);
        for (SkipList.Entry e : skips.entries()) {
            assertTrue(e.reason().length() >= 10, "entry without a real reason: " + e);
        }
    }
}
