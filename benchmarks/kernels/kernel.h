/*
 * Shared by every benchmark kernel. A kernel defines `int32_t run(int32_t n)` with KERNEL_EXPORT: the Wasm build
 * exports it as `run`; the native build (build.sh --check) calls it from native_main.c to compute the checksum every
 * engine must return. Kernels use fixed-width integer types only, so the native (LP64) and Wasm (ILP32) builds
 * compute the same values.
 */
#ifndef LIGATURE_KERNEL_H
#define LIGATURE_KERNEL_H
#include <stdint.h>
#include <string.h>

#ifdef __wasm__
#define KERNEL_EXPORT __attribute__((export_name("run"), visibility("default")))
#else
#define KERNEL_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif
int32_t run(int32_t n);
#ifdef __cplusplus
}
#endif

/* Folds a double's bits into a 32-bit checksum, so f64 results are compared exactly. */
static inline int32_t fold_f64(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return (int32_t) (uint32_t) (bits ^ (bits >> 32));
}

/* A small linear congruential generator: deterministic input data without libc's rand. */
static inline uint32_t lcg_next(uint32_t *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state;
}
#endif
