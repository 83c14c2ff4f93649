/*
 * Linked into every Wasm kernel: libc's abort/exit end in WASI's proc_exit, the only import a standalone
 * Emscripten module would otherwise have (the C++ kernel links std::terminate). Defining it here, as a trap,
 * leaves the kernels with no imports at all; a kernel that gets here has failed anyway. (em++ compiles this file
 * as C++ for the C++ kernel, hence the extern "C".)
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C"
#endif
__attribute__((noreturn)) void __wasi_proc_exit(uint32_t code) {
    (void) code;
    __builtin_trap();
}
