package dev.ligature.emscripten;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runtime services newer Emscripten releases import: console printing, keepalive, signals, timers. */
final class MiscImports {
    private MiscImports() {}

    static void register(ImportRegistry r) {
        r.add("emscripten_out", (p, a) -> print(p.host.stdout, p.cString(a.ptr())));
        r.add("emscripten_err", (p, a) -> print(p.host.stderr, p.cString(a.ptr())));
        r.alias("emscripten_dbg", "emscripten_err");
        r.add("emscripten_console_log", (p, a) -> print(p.host.stdout, p.cString(a.ptr())));
        r.add("emscripten_console_warn", (p, a) -> print(p.host.stderr, p.cString(a.ptr())));
        r.alias("emscripten_console_error", "emscripten_console_warn");
        r.add("_emscripten_runtime_keepalive_clear", (p, a) -> 0);
        // The keepalive counter keeps a JavaScript runtime alive for its event loop; without one it
        // means nothing (Pyodide's main() pushes once so that returning from it does not exit).
        r.add("emscripten_runtime_keepalive_push", (p, a) -> 0);
        r.add("emscripten_runtime_keepalive_pop", (p, a) -> 0);
        r.add("emscripten_check_blocking_allowed", (p, a) -> 0);
        r.add("_setitimer_js", (p, a) -> 0); // timers never fire: there is no event loop
        r.add("__handle_stack_overflow", (p, a) -> {
            throw new EmscriptenAbort("stack overflow");
        });
        r.add("segfault", (p, a) -> {
            throw new EmscriptenAbort("segmentation fault");
        });
        r.add("alignfault", (p, a) -> {
            throw new EmscriptenAbort("alignment fault");
        });
        r.add("_emscripten_system", (p, a) -> -1); // no shell
        r.add("emscripten_get_heap_size", (p, a) -> p.memory.byteSize());
        r.add("_emscripten_get_progname", (p, a) -> {
            long str = a.ptr();
            int len = a.i32();
            if (len > 0) {
                byte[] name = p.argv.get(0).getBytes(StandardCharsets.UTF_8);
                int n = Math.min(name.length, len - 1);
                p.memory.write(str, name, 0, n);
                p.memory.storeI8(str + n, (byte) 0);
            }
            return 0;
        });
    }

    private static long print(OutputStream out, String s) {
        try {
            out.write((s + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
