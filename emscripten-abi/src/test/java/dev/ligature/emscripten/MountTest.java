package dev.ligature.emscripten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.Engine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host directory mounts, driven through the fsops fixture program: what a program may do inside a
 * mount, and that no path (.., absolute, symbolic links) reaches or changes anything outside it.
 */
class MountTest {
    @TempDir
    Path tmp;
    Path data;
    Path secret;

    @BeforeEach
    void tree() throws Exception {
        data = Files.createDirectory(tmp.resolve("data"));
        Files.writeString(data.resolve("in.txt"), "inside");
        Files.createDirectory(data.resolve("sub"));
        secret = Files.writeString(tmp.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(data.resolve("escape"), Path.of("../secret.txt"));
        Files.createSymbolicLink(data.resolve("alias"), Path.of("in.txt"));
        Files.createSymbolicLink(data.resolve("rootlink"), Path.of("/"));
    }

    @org.junit.jupiter.api.AfterEach
    void unlinkRoot() throws Exception {
        Files.deleteIfExists(data.resolve("rootlink")); // a link to "/" inside @TempDir makes JUnit warn
    }

    private String run(boolean readOnly, String... commands) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmscriptenHost host = EmscriptenHost.builder().stdout(out).mount(data, "/mnt/data", readOnly).build();
        List<String> argv = new ArrayList<>(List.of("fsops"));
        argv.addAll(List.of(commands));
        EmscriptenProgram p = EmscriptenProgram.load(Fixture.DIR.resolve("out/fsops_O2.js"), Engine.interpreter());
        assertEquals(0, host.run(p, argv));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readsWritesAndListsInsideTheMount() throws Exception {
        String out = run(false, "cat:/mnt/data/in.txt", "write:/mnt/data/sub/new.txt:fresh", "ls:/mnt/data/sub",
                "cd:/mnt/data", "cat:sub/new.txt", "mv:sub/new.txt:moved.txt", "stat:moved.txt", "cat:alias");
        assertEquals("""
                cat:/mnt/data/in.txt: [inside]
                write:/mnt/data/sub/new.txt:fresh: ok
                ls:/mnt/data/sub: . .. new.txt
                cd:/mnt/data: ok
                cat:sub/new.txt: [fresh]
                mv:sub/new.txt:moved.txt: ok
                stat:moved.txt: size=5 dir=0
                cat:alias: [inside]
                """, out);
        assertEquals("fresh", Files.readString(data.resolve("moved.txt")));
    }

    @Test
    void dotDotAndSymlinksDoNotLeaveTheMount() throws Exception {
        String out = run(false, "cat:/mnt/data/../../secret.txt", "cat:/mnt/data/../secret.txt",
                "cat:/mnt/data/escape", "ls:/mnt/data/rootlink", "write:/mnt/data/escape:overwritten",
                "cd:/mnt/data/sub", "cat:../../../secret.txt", "ls:../..");
        assertEquals("""
                cat:/mnt/data/../../secret.txt: error No such file or directory
                cat:/mnt/data/../secret.txt: error No such file or directory
                cat:/mnt/data/escape: error Permission denied
                ls:/mnt/data/rootlink: error Permission denied
                write:/mnt/data/escape:overwritten: error Permission denied
                cd:/mnt/data/sub: ok
                cat:../../../secret.txt: error No such file or directory
                ls:../..: . .. data
                """, out);
        assertEquals("top secret", Files.readString(secret));
    }

    @Test
    void readOnlyMountRefusesChanges() throws Exception {
        String out = run(true, "cat:/mnt/data/in.txt", "write:/mnt/data/in.txt:changed", "write:/mnt/data/new:x",
                "rm:/mnt/data/in.txt", "mkdir:/mnt/data/d", "mv:/mnt/data/in.txt:/mnt/data/out.txt");
        assertEquals("""
                cat:/mnt/data/in.txt: [inside]
                write:/mnt/data/in.txt:changed: error Read-only file system
                write:/mnt/data/new:x: error Read-only file system
                rm:/mnt/data/in.txt: error Read-only file system
                mkdir:/mnt/data/d: error Read-only file system
                mv:/mnt/data/in.txt:/mnt/data/out.txt: error Read-only file system
                """, out);
        assertEquals("inside", Files.readString(data.resolve("in.txt")));
        assertFalse(Files.exists(data.resolve("new")));
        assertTrue(Files.exists(data.resolve("in.txt")));
    }

    @Test
    void renameAcrossFileSystemsIsExdev() throws Exception {
        String out = run(false, "write:/tmp/t:x", "mv:/tmp/t:/mnt/data/t");
        assertEquals("""
                write:/tmp/t:x: ok
                mv:/tmp/t:/mnt/data/t: error Cross-device link
                """, out);
    }

    @Test
    void zipArchiveMountsReadOnlyAndKeepsItsEntriesInside() throws Exception {
        Path zip = tmp.resolve("lib.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String[] e : new String[][] {{"lib/a.txt", "alpha"}, {"lib/sub/b.txt", "beta"},
                    {"../evil.txt", "escaped"}, {"lib/../../evil2.txt", "escaped"}}) {
                z.putNextEntry(new java.util.zip.ZipEntry(e[0]));
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmscriptenHost host = EmscriptenHost.builder().stdout(out).mountZip(zip, "/zip").build();
        EmscriptenProgram p = EmscriptenProgram.load(Fixture.DIR.resolve("out/fsops_O2.js"), Engine.interpreter());
        assertEquals(0, host.run(p, List.of("fsops", "ls:/zip", "ls:/zip/lib", "cat:/zip/lib/sub/b.txt", "stat:/zip/lib/a.txt",
                "write:/zip/lib/a.txt:x", "mkdir:/zip/new", "rm:/zip/lib/a.txt", "cat:/zip/../evil.txt", "ls:/")));
        assertEquals("""
                ls:/zip: . .. lib
                ls:/zip/lib: . .. a.txt sub
                cat:/zip/lib/sub/b.txt: [beta]
                stat:/zip/lib/a.txt: size=5 dir=0
                write:/zip/lib/a.txt:x: error Read-only file system
                mkdir:/zip/new: error Read-only file system
                rm:/zip/lib/a.txt: error Read-only file system
                cat:/zip/../evil.txt: error No such file or directory
                ls:/: . .. tmp home dev proc zip
                """, out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.notExists(tmp.resolve("evil.txt")));
    }
}
