package dev.ligature.emscripten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.LinkException;
import dev.ligature.core.runtime.WasmModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's contract on small hand-written modules: linking, loading, start-up, memory growth. */
class HostTest {
    private static int run(String wat, ByteArrayOutputStream out, String... argv) {
        EmscriptenHost host = EmscriptenHost.builder().stdout(out).stderr(out).build();
        return host.run(EmscriptenProgram.of(WasmModule.parseText(wat)), List.of(argv));
    }

    @Test
    void unknownImportIsALinkExceptionNamingIt() {
        String wat = """
                (module
                  (import "env" "frobnicate" (func (param i32) (result i32)))
                  (memory (export "memory") 1)
                  (func (export "main") (param i32 i32) (result i32) (i32.const 0)))
                """;
        LinkException e = assertThrows(LinkException.class, () -> run(wat, new ByteArrayOutputStream(), "p"));
        assertTrue(e.getMessage().startsWith("unknown import \"env\".\"frobnicate\""), e.getMessage());
    }

    @Test
    void minifiedModuleWithoutItsJsSaysWhatIsMissing() {
        WasmModule m = WasmModule.parseText("""
                (module (import "a" "b" (func)) (memory (export "c") 1))
                """);
        EmscriptenLoadException e = assertThrows(EmscriptenLoadException.class, () -> EmscriptenProgram.of(m));
        assertTrue(e.getMessage().contains("minified import names (a.b)"), e.getMessage());
    }

    @Test
    void malformedJsMappingIsAClearError() {
        WasmModule m = WasmModule.parseText("(module (import \"a\" \"b\" (func)))");
        EmscriptenLoadException e = assertThrows(EmscriptenLoadException.class,
                () -> EmscriptenProgram.of(m, "console.log('not emcc output');"));
        assertTrue(e.getMessage().startsWith("malformed emcc .js: no import object"), e.getMessage());
    }

    @Test
    void jsMappingWithoutTheImportNamesIt() {
        WasmModule m = WasmModule.parseText("(module (import \"a\" \"zz\" (func)) (memory (export \"m\") 1))");
        EmscriptenProgram p = EmscriptenProgram.of(m, "var asmLibraryArg={\"a\":_fd_write};");
        EmscriptenLoadException e = assertThrows(EmscriptenLoadException.class,
                () -> EmscriptenHost.builder().build().run(p, List.of("p")));
        assertTrue(e.getMessage().contains("\"a\".\"zz\""), e.getMessage());
    }

    @Test
    void mainGetsArgcArgvOnTheStackAndItsResultIsTheStatus() {
        // argv strings are allocated by the module's stackAlloc, which here bumps a global down.
        String wat = """
                (module
                  (memory (export "memory") 1)
                  (global $sp (mut i32) (i32.const 65536))
                  (func (export "stackAlloc") (param i32) (result i32)
                    (global.set $sp (i32.and (i32.sub (global.get $sp) (local.get 0)) (i32.const -16)))
                    (global.get $sp))
                  (func (export "main") (param $argc i32) (param $argv i32) (result i32)
                    ;; status = argc * 10 + first byte of argv[2] - '0'
                    (i32.add (i32.mul (local.get $argc) (i32.const 10))
                      (i32.sub (i32.load8_u (i32.load offset=8 (local.get $argv))) (i32.const 48)))))
                """;
        assertEquals(37, run(wat, new ByteArrayOutputStream(), "prog", "x", "7"));
    }

    @Test
    void exitUnwindsToTheRunnerAfterAtexitHandlers() {
        String wat = """
                (module
                  (import "env" "exit" (func $exit (param i32)))
                  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "\\20\\00\\00\\00\\03\\00\\00\\00")
                  (data (i32.const 32) "bye")
                  (func (export "__funcs_on_exit") (drop (call $write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 48))))
                  (func (export "main") (param i32 i32) (result i32) (call $exit (i32.const 42)) (unreachable)))
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(42, run(wat, out, "p"));
        assertEquals("bye\n", out.toString(StandardCharsets.UTF_8)); // the partial line ends with a newline, as node prints it
    }

    @Test
    void resizeHeapGrowsByEmscriptensPolicy() {
        // 1 page now, 200000 bytes requested: 20% overgrowth (78643) is less than the request, so
        // the request rounds up to whole pages: 262144 bytes, 4 pages.
        String wat = """
                (module
                  (import "env" "emscripten_resize_heap" (func $grow (param i32) (result i32)))
                  (memory (export "memory") 1 100)
                  (func (export "main") (param i32 i32) (result i32)
                    (i32.add (i32.mul (call $grow (i32.const 200000)) (i32.const 100)) (memory.size))))
                """;
        assertEquals(104, run(wat, new ByteArrayOutputStream(), "p"));
    }

    @Test
    void resizeHeapPastTheMaximumFails() {
        String wat = """
                (module
                  (import "env" "emscripten_resize_heap" (func $grow (param i32) (result i32)))
                  (memory (export "memory") 1 2)
                  (func (export "main") (param i32 i32) (result i32)
                    (i32.add (i32.mul (call $grow (i32.const 1000000)) (i32.const 100)) (memory.size))))
                """;
        assertEquals(1, run(wat, new ByteArrayOutputStream(), "p"));
    }

    @Test
    void newerReleaseNamesMapFromTheirJs() {
        JsNameMap m = JsNameMap.parse("""
                var wasmImports={a:___syscall_openat,b:_fd_write,c:__abort_js,d:invoke_vii};
                var _main=Module["_main"]=(a0,a1)=>(_main=Module["_main"]=wasmExports["f"])(a0,a1);
                wasmMemory=wasmExports["e"];
                """);
        assertEquals("__syscall_openat", m.importNames().get("a"));
        assertEquals("fd_write", m.importNames().get("b"));
        assertEquals("_abort_js", m.importNames().get("c"));
        assertEquals("invoke_vii", m.importNames().get("d"));
        assertEquals("f", m.exportNames().get("main"));
        assertEquals("e", m.exportNames().get("memory"));
    }

    @Test
    void newerModulesGetTheStatLayoutWith64BitTimes() {
        // __syscall_newfstatat (a post-3.1 name): st_mode at offset 4, st_size (i64) at 24.
        String wat = """
                (module
                  (import "env" "__syscall_newfstatat" (func $stat (param i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "/tmp\\00")
                  (func (export "main") (param i32 i32) (result i32)
                    (drop (call $stat (i32.const -100) (i32.const 16) (i32.const 256) (i32.const 0)))
                    (i32.add (i32.load offset=4 (i32.const 256)) (i32.wrap_i64 (i64.load offset=24 (i32.const 256))))))
                """;
        assertEquals(040777 + 4096, run(wat, new ByteArrayOutputStream(), "p"));
    }

    @Test
    void emcc316ModulesGetTheLegacyStatLayout() {
        // __syscall_fstatat64 (3.1.x): st_mode at offset 12, st_size (i64) at 40.
        String wat = """
                (module
                  (import "env" "__syscall_fstatat64" (func $stat (param i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "/tmp\\00")
                  (func (export "main") (param i32 i32) (result i32)
                    (drop (call $stat (i32.const -100) (i32.const 16) (i32.const 256) (i32.const 0)))
                    (i32.add (i32.load offset=12 (i32.const 256)) (i32.wrap_i64 (i64.load offset=40 (i32.const 256))))))
                """;
        assertEquals(040777 + 4096, run(wat, new ByteArrayOutputStream(), "p"));
    }

    @Test
    void localtimeTakesA64BitTimeInNewerModules() {
        // 86400 * 40 seconds after the epoch is 1970-02-10 (UTC): tm_mday 10, tm_mon 1, tm_year 70.
        String wat = """
                (module
                  (import "env" "_localtime_js" (func $lt (param i64 i32)))
                  (memory (export "memory") 1)
                  (func (export "main") (param i32 i32) (result i32)
                    (call $lt (i64.const 3456000) (i32.const 64))
                    (i32.add (i32.mul (i32.load offset=12 (i32.const 64)) (i32.const 10000))
                      (i32.add (i32.mul (i32.load offset=16 (i32.const 64)) (i32.const 100)) (i32.load offset=20 (i32.const 64))))))
                """;
        assertEquals(10 * 10000 + 1 * 100 + 70, run(wat, new ByteArrayOutputStream(), "p"));
    }
}
