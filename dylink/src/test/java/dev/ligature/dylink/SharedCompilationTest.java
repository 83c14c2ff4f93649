package dev.ligature.dylink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.emscripten.EmscriptenHost;
import dev.ligature.emscripten.EmscriptenProgram;
import dev.ligature.jit.JitEngine;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13: one side module loaded by many processes of one main module is compiled once per
 * engine, every process links the same {@link WasmModule}, and the processes stay independent
 * (each has its own memory, so one process's writes to the library's data are not seen by another).
 * 100 processes of the emcc 3.1.6 fixture {@code main.js}, each {@code dlopen}ing {@code libdata.so}.
 */
class SharedCompilationTest {
    static final Path FIXTURES = Path.of("fixtures").toAbsolutePath().normalize();
    static final int PROCESSES = 100;
    /** {@code call_ptrs()}: 7 + 5*10 + own_fn(2)*100 + main_data*1000 + main_func(4)*10000, all through relocated pointers. */
    static final int CALL_PTRS = 7 + 50 + 600 + 3000 + 80000;

    static Stream<Arguments> engines() {
        return Stream.of(Arguments.of("interpreter", Engine.interpreter()), Arguments.of("compiler", JitEngine.lazy()));
    }

    private static EmscriptenHost host() {
        return EmscriptenHost.builder().stdout(OutputStream.nullOutputStream()).stderr(OutputStream.nullOutputStream())
                .mount(FIXTURES, "/fixtures", true).workingDirectory("/fixtures").build();
    }

    private static int counter(DylinkProcess p, Library lib) {
        return p.process().memory().loadI32(lib.address("data_counter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void oneCompilationForAHundredProcesses(String name, Engine engine) throws Exception {
        EmscriptenProgram main = EmscriptenProgram.load(FIXTURES.resolve("main.js"), engine);
        EmscriptenHost host = host();
        SideModuleCache cache = new SideModuleCache();
        DylinkOptions options = DylinkOptions.of(engine).withCache(cache);
        List<String> argv = List.of("./this.program");

        // The first process stays open throughout, beside each of the others in turn.
        try (DylinkProcess first = DylinkProcess.start(host, main, argv, options)) {
            assertEquals(0, cache.compilations(), "nothing is compiled before the first dlopen");
            Library firstLib = first.dlopen("libdata.so", Dlfcn.RTLD_NOW);
            assertEquals(1, cache.compilations(), "the first load compiles");
            WasmModule shared = firstLib.module();
            assertEquals(CALL_PTRS, firstLib.function("call_ptrs").callInt());
            assertEquals(7, counter(first, firstLib));

            for (int i = 1; i < PROCESSES; i++) {
                try (DylinkProcess p = DylinkProcess.start(host, main, argv, options)) {
                    Library lib = p.dlopen("libdata.so", Dlfcn.RTLD_NOW);
                    assertSame(shared, lib.module(), "process " + i + " links the module the first one compiled");
                    assertEquals(CALL_PTRS, lib.function("call_ptrs").callInt(), "process " + i);
                    assertEquals(21 * 2 + 100, lib.function("side_func").callInt(21), "process " + i);
                    // Independence: a fresh copy of the library's data, and a write to it stays in this process.
                    assertEquals(7, counter(p, lib), "process " + i + " starts from the library's initial data");
                    lib.function("side_bump").call(i);
                    assertEquals(7 + i, counter(p, lib), "process " + i + " sees its own write");
                    assertEquals(7, counter(first, firstLib), "process " + i + "'s write is not seen by the first process");
                }
            }
            assertEquals(CALL_PTRS, firstLib.function("call_ptrs").callInt(), "the first process still works");
            assertEquals(1, cache.compilations(), "libdata.so compiled exactly once for " + PROCESSES + " processes");
            assertEquals(1, cache.size());
            assertSame(shared, cache.module(Files.readAllBytes(FIXTURES.resolve("libdata.so")), engine));
            assertEquals(1, cache.compilations(), "asking the cache again compiles nothing");
        }
    }
}
