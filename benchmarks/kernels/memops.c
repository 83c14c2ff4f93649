/*
 * memcpy, memmove and memset over a 256 KiB buffer, n rounds of mixed sizes (small, medium, 16 KiB), as
 * serialisation and string code do: bulk memory (memory.copy/fill) and libc's copy loops.
 */
#include "kernel.h"

#define SIZE (256 << 10)
static uint8_t buf[SIZE];
static uint8_t other[SIZE];

KERNEL_EXPORT int32_t run(int32_t n) {
    uint32_t seed = 7;
    for (int32_t i = 0; i < SIZE; i++) buf[i] = (uint8_t) i;
    memset(other, 0, SIZE);
    uint32_t sum = 0;
    for (int32_t round = 0; round < n; round++) {
        uint32_t r = lcg_next(&seed);
        uint32_t small = r & 63, medium = (r >> 6) & 4095;
        uint32_t from = (r >> 8) % (SIZE - 20000), to = (r >> 3) % (SIZE - 20000);
        for (int32_t k = 0; k < 16; k++) {
            memcpy(other + to + k * 64, buf + from + k * 37, small);
        }
        memcpy(other + to, buf + from, medium);
        memmove(buf + from + 3, buf + from, 16384);
        memset(buf + to, (int) (r & 255), medium / 2 + 1);
        memcpy(buf + from, other + to, 16384);
        sum = sum * 31u + other[(to + medium / 2) % SIZE] + buf[(from + small) % SIZE];
    }
    for (int32_t i = 0; i < SIZE; i += 97) sum += (uint32_t) buf[i] * (uint32_t) i ^ other[i];
    return (int32_t) sum;
}
