package dev.ligature.emscripten;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** The process API: start without main, drive exports, memory and files, then main when wanted. */
class EmscriptenProcessTest {
    @Test
    void aRealProgramStartsWithoutMainAndItsFilesOutliveIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EmscriptenHost host = EmscriptenHost.builder().stdout(out).stderr(err).build();
        EmscriptenProgram program = EmscriptenProgram.load(Fixture.DIR.resolve("out/files_O0.js"), Engine.interpreter());
        try (EmscriptenProcess p = host.start(program, List.of("files"))) {
            assertEquals("", out.toString(StandardCharsets.UTF_8), "constructors ran, main did not");
            // Somewhere the program does not list, so its output stays node's.
            p.writeFile("/home/web_user/from-java.txt", "written by the embedder".getBytes(StandardCharsets.UTF_8));
            int status = p.runMain();
            assertEquals(Integer.parseInt(Files.readString(Fixture.DIR.resolve("out/files_O0.status")).trim()), status);
            assertEquals(Files.readString(Fixture.DIR.resolve("out/files_O0.stdout")), out.toString(StandardCharsets.UTF_8),
                    "main prints what node printed");
            assertEquals("written by the embedder", new String(p.readFile("/home/web_user/from-java.txt"), StandardCharsets.UTF_8));
            IOException dir = assertThrows(IOException.class, () -> p.readFile("/work"));
            assertTrue(dir.getMessage().contains("not a regular file"), dir.getMessage());
            assertThrows(IOException.class, () -> p.readFile("/no/such/file"));
            assertThrows(IllegalStateException.class, p::runMain, "main runs once");
        }
    }

    @Test
    void mallocAndCStringsGoThroughTheProgramsOwnAllocator() throws Exception {
        EmscriptenHost host = EmscriptenHost.builder().build();
        EmscriptenProgram program = EmscriptenProgram.load(Fixture.DIR.resolve("out/ctors_O2.js"), Engine.interpreter());
        try (EmscriptenProcess p = host.start(program, List.of("ctors"))) {
            long a = p.newCString("héllo, wasm");
            long b = p.newCString("second");
            assertNotEquals(0, a);
            assertTrue(b >= a + "héllo, wasm".getBytes(StandardCharsets.UTF_8).length + 1 || b + 7 <= a, "no overlap");
            assertEquals("héllo, wasm", p.readCString(a));
            assertEquals("second", p.readCString(b));
            // This build exports malloc (its runtime needs it) but not free: a clear error, not a crash.
            NoSuchElementException noFree = assertThrows(NoSuchElementException.class, () -> p.free(a));
            assertTrue(noFree.getMessage().contains("\"free\""), noFree.getMessage());
        }
    }

    /** A minimal Emscripten-shaped program: memory, a bump malloc, one host import of the embedder's own. */
    private static final String PROGRAM = """
            (module
              (import "env" "host_scale" (func $scale (param i32) (result i32)))
              (memory (export "memory") 1)
              (global $top (mut i32) (i32.const 1024))
              (func (export "malloc") (param $n i32) (result i32) (local $p i32)
                (local.set $p (global.get $top))
                (global.set $top (i32.add (global.get $top) (local.get $n)))
                (local.get $p))
              (func (export "free") (param i32))
              (func (export "scaled_plus_one") (param i32) (result i32)
                (i32.add (call $scale (local.get 0)) (i32.const 1)))
              (func (export "spin") (loop $l (br $l)))
              (func (export "main") (param i32 i32) (result i32) (i32.const 3)))
            """;

    @Test
    void theEmbeddersImportsSitBesideEmscriptensAndExportsAreCalledTyped() throws Exception {
        Imports own = Imports.empty().function("env", "host_scale", IntUnaryOperator.class, x -> x * 10);
        EmscriptenHost host = EmscriptenHost.builder().build();
        try (EmscriptenProcess p = host.start(EmscriptenProgram.of(WasmModule.parseText(PROGRAM)), List.of("prog"), own)) {
            assertEquals(41, p.function("scaled_plus_one").as(IntUnaryOperator.class).applyAsInt(4));
            NoSuchElementException missing = assertThrows(NoSuchElementException.class, () -> p.function("nope"));
            assertTrue(missing.getMessage().contains("\"nope\""), missing.getMessage());
            long s = p.newCString("abc");
            assertEquals(1024, s);
            assertArrayEquals(new byte[] {'a', 'b', 'c', 0}, p.memory().read(s, 4));
            assertEquals(3, p.runMain());
        }
        // Without the embedder's import the program does not link, and says which import is missing.
        var e = assertThrows(dev.ligature.core.runtime.LinkException.class,
                () -> host.start(EmscriptenProgram.of(WasmModule.parseText(PROGRAM)), List.of("prog")));
        assertTrue(e.getMessage().contains("host_scale"), e.getMessage());
    }

    @Test
    void anotherThreadStopsARunawayCallAndTheProcessStaysUsable() throws Exception {
        Imports own = Imports.empty().function("env", "host_scale", IntUnaryOperator.class, x -> x);
        EmscriptenHost host = EmscriptenHost.builder().build();
        try (EmscriptenProcess p = host.start(EmscriptenProgram.of(WasmModule.parseText(PROGRAM)), List.of("prog"), own)) {
            AtomicInteger stopped = new AtomicInteger();
            Thread t = new Thread(() -> {
                try {
                    p.function("spin").call();
                } catch (Trap trap) {
                    if (trap.kind() == Trap.Kind.INTERRUPTED) {
                        stopped.incrementAndGet();
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            Thread.sleep(200);
            p.interrupt();
            t.join(30_000);
            assertEquals(1, stopped.get(), "the runaway call ended with the trap \"interrupted\"");
            assertEquals(8, p.function("scaled_plus_one").callInt(7), "the process still works");
        }
    }

    @Test
    void aDeadlineStopsARunawayCallAndLeavesNothingPendingForLaterCalls() throws Exception {
        Imports own = Imports.empty().function("env", "host_scale", IntUnaryOperator.class, x -> x);
        EmscriptenHost host = EmscriptenHost.builder().build();
        try (EmscriptenProcess p = host.start(EmscriptenProgram.of(WasmModule.parseText(PROGRAM)), List.of("prog"), own)) {
            Trap t = assertThrows(Trap.class, () -> p.withDeadline(java.time.Duration.ofMillis(200), () -> {
                p.function("spin").call();
                return null;
            }));
            assertEquals(Trap.Kind.INTERRUPTED, t.kind());
            // A call well inside its deadline returns its value, and the deadline passing later interrupts nothing.
            assertEquals(6, (int) p.withDeadline(java.time.Duration.ofMillis(50), () -> p.function("scaled_plus_one").callInt(5)));
            Thread.sleep(150);
            assertEquals(6, p.function("scaled_plus_one").callInt(5));
        }
    }
}
