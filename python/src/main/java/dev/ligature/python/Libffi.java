package dev.ligature.python;

import dev.ligature.core.runtime.HostFunction;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.types.FuncType;
import dev.ligature.emscripten.EmscriptenAbort;

/**
 * libffi's JavaScript half, which ctypes calls through (pyodide.md §3.6): {@code ffi_call_js}
 * calls a C function pointer with arguments described by an {@code ffi_cif}; closures
 * ({@code ffi_closure_alloc_js}, {@code ffi_prep_closure_loc_js}, {@code ffi_closure_free_js})
 * turn a Python callable into a C function pointer: a host function put into the table.
 */
final class Libffi {
    private final PyodideImports host;

    Libffi(PyodideImports host) {
        this.host = host;
    }

    WasmFunction function(String name, FuncType type) {
        return switch (name) {
            case "ffi_closure_alloc_js" -> HostFunction.raw("env." + name, type, c -> {
                // closure = malloc(size); a table slot for its code, written to *code and closure[0].
                long size = c.argI32(0) & 0xFFFFFFFFL;
                long codePtr = c.argI32(1) & 0xFFFFFFFFL;
                long closure = host.process.malloc(size);
                if (closure == 0) {
                    c.resultI32(0, 0);
                    return;
                }
                long slot = host.process.table().grow(1, null);
                host.process.memory().storeI32(codePtr, (int) slot);
                host.process.memory().storeI32(closure, (int) slot);
                c.resultI32(0, (int) closure);
            });
            case "ffi_closure_free_js" -> HostFunction.raw("env." + name, type, c -> {
                long closure = c.argI32(0) & 0xFFFFFFFFL;
                if (closure != 0) {
                    long slot = host.process.memory().loadI32(closure) & 0xFFFFFFFFL;
                    host.process.table().set(slot, null);
                    host.process.free(closure);
                }
            });
            default -> HostFunction.raw("env." + name, type, c -> {
                throw new EmscriptenAbort(name + " is not implemented yet: ctypes calls need libffi (issue 14)");
            });
        };
    }
}
