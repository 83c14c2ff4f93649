package dev.ligature.python;

import dev.ligature.core.runtime.HostCall;
import dev.ligature.core.runtime.HostFunction;
import dev.ligature.core.runtime.ImportResolver;
import dev.ligature.core.runtime.ImportType;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.types.FuncType;
import dev.ligature.emscripten.EmscriptenProcess;

/**
 * The imports Pyodide's CPython needs from its host beyond Emscripten's runtime (pyodide.md §3):
 * the C-method trampoline, the runtime name, the signal hook that turns an interrupt into
 * {@code KeyboardInterrupt}, and harmless answers for the hooks of Pyodide's JavaScript FFI that a
 * bare boot touches. Everything else Pyodide imports from JavaScript is left to the linker, whose
 * stub aborts with the import's name if it is ever called. One instance per interpreter.
 */
final class PyodideImports implements ImportResolver {
    /** Set once the process exists (the imports are bound before it does). */
    EmscriptenProcess process;
    /** A SIGINT the interpreter has not seen yet (set from any thread). */
    volatile boolean sigintPending;
    final Libffi ffi = new Libffi(this);

    @Override
    public Object resolve(ImportType imp) {
        String n = imp.name();
        FuncType t = imp.functionType();
        if (t == null) {
            return null;
        }
        return switch (n) {
            case "_PyEM_TrampolineCall_JS" -> HostFunction.raw("env." + n, t, this::trampoline);
            case "_Py_emscripten_runtime" -> HostFunction.raw("env." + n, t, c -> c.resultI32(0, (int) process.newCString("Ligature")));
            case "_Py_CheckEmscriptenSignals_Helper" -> HostFunction.raw("env." + n, t, c -> {
                boolean pending = sigintPending;
                sigintPending = false;
                c.resultI32(0, pending ? 2 : 0); // SIGINT, once
            });
            // Pyodide's socket wrapper asks whether fd is a socket first: it is not.
            case "_try_fcntl64" -> HostFunction.raw("env." + n, t, c -> c.resultI32(0, 0));
            // Three snippets of JavaScript (pyodide.md §3.5); none has a meaning here.
            case "emscripten_asm_const_int" -> HostFunction.raw("env." + n, t, c -> c.resultI32(0, 0));
            // Pyodide's hooks that let sockets wait on JavaScript promises: null means "not handled
            // here", and the C code goes on with the ordinary system call.
            case "_maybe_poll_async", "_maybe_connect_async", "_maybe_recvfrom_async", "_maybe_sendto_async" ->
                    HostFunction.raw("env." + n, t, c -> c.resultRef(0, null));
            // The JS FFI's value-deduplication map: no JavaScript values exist, so it stays empty.
            case "__hiwire_deduplicate_new", "__hiwire_deduplicate_get" -> HostFunction.raw("env." + n, t, c -> {
                if (!t.results().isEmpty()) {
                    c.resultRef(0, null);
                }
            });
            case "__hiwire_deduplicate_set", "__hiwire_deduplicate_delete" -> HostFunction.raw("env." + n, t, c -> {});
            case "ffi_call_js", "ffi_closure_alloc_js", "ffi_closure_free_js", "ffi_prep_closure_loc_js" -> ffi.function(n, t);
            default -> null;
        };
    }

    /**
     * {@code _PyEM_TrampolineCall_JS(fn, a1, a2, a3)}: CPython calls a C function pointer whose
     * arity it does not know; JavaScript passes the arguments the callee takes (surplus dropped,
     * missing ones 0) and turns no result into 0.
     */
    private void trampoline(HostCall c) {
        Table table = process.table();
        long index = c.argI32(0) & 0xFFFFFFFFL;
        if (!(table.get(index) instanceof WasmFunction f)) {
            throw new dev.ligature.emscripten.EmscriptenAbort("null function or function signature mismatch (table index " + index + ")");
        }
        FuncType type = f.type();
        int n = type.params().size();
        long[] args = new long[n];
        for (int i = 0; i < n && i < 3; i++) {
            args[i] = c.argI32(i + 1);
        }
        long[] result = new long[Math.max(1, type.results().size())];
        f.call(args, null, result, null);
        c.resultI32(0, type.results().isEmpty() ? 0 : (int) result[0]);
    }
}
