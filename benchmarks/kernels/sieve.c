/* Sieve of Eratosthenes over bytes below n (n <= 4 Mi): byte loads and stores, memset. */
#include "kernel.h"

#define MAX (4 << 20)
static uint8_t composite[MAX];

KERNEL_EXPORT int32_t run(int32_t n) {
    if (n < 0 || n > MAX) return -1;
    memset(composite, 0, (size_t) n);
    int32_t count = 0;
    uint32_t hash = 0;
    for (int32_t i = 2; i < n; i++) {
        if (composite[i]) continue;
        count++;
        hash = hash * 31u + (uint32_t) i;
        for (int64_t j = (int64_t) i * i; j < n; j += i) composite[j] = 1;
    }
    return count ^ (int32_t) hash;
}
