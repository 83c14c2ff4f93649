/*
 * C++ exceptions: n iterations, one in four throws from a few frames deep and is caught by type; destructors of
 * objects in the unwound frames count themselves. Built with -fwasm-exceptions (Wasm exception handling: try,
 * catch, throw, rethrow with the C++ tag), so no JavaScript invoke_* trampolines are needed.
 */
#include "kernel.h"

namespace {
struct Failure {
    int32_t code;
};

int32_t destroyed = 0;

struct Guard {
    int32_t id;
    ~Guard() { destroyed += id & 7; }
};

__attribute__((noinline)) int32_t leaf(int32_t i) {
    Guard g{i};
    if ((i & 3) == 0) throw Failure{i % 1000};
    return i * 3;
}

__attribute__((noinline)) int32_t middle(int32_t i) {
    Guard g{i + 1};
    return leaf(i) + 1;
}

__attribute__((noinline)) int32_t outer(int32_t i) {
    Guard g{i + 2};
    try {
        return middle(i);
    } catch (const Failure &f) {
        if (f.code % 3 == 0) throw; /* rethrown to run() */
        return -f.code;
    }
}
} // namespace

extern "C" KERNEL_EXPORT int32_t run(int32_t n) {
    destroyed = 0;
    uint32_t sum = 0;
    for (int32_t i = 0; i < n; i++) {
        try {
            sum = sum * 31u + (uint32_t) outer(i);
        } catch (const Failure &f) {
            sum ^= (uint32_t) f.code * 2654435761u;
        }
    }
    return (int32_t) (sum + (uint32_t) destroyed);
}
