/*
 * Indirect calls: libc's qsort with a comparator function pointer over n (<= 256 Ki) pseudo-random integers, then
 * a dispatch loop through a table of operation pointers. Both become call_indirect in Wasm.
 */
#include "kernel.h"
#include <stdlib.h>

#define MAX (256 << 10)
static int32_t values[MAX];

static int compare(const void *a, const void *b) {
    int32_t x = *(const int32_t *) a, y = *(const int32_t *) b;
    return (x > y) - (x < y);
}

typedef uint32_t (*operation)(uint32_t, uint32_t);
static uint32_t op_add(uint32_t a, uint32_t b) { return a + b; }
static uint32_t op_xor(uint32_t a, uint32_t b) { return a ^ b; }
static uint32_t op_mul(uint32_t a, uint32_t b) { return a * (b | 1); }
static uint32_t op_rot(uint32_t a, uint32_t b) { return (a << (b & 31)) | (a >> ((32 - (b & 31)) & 31)); }
/* volatile: the optimiser must not turn the table into a switch; the calls stay indirect as in real code. */
static operation volatile operations[4] = {op_add, op_xor, op_mul, op_rot};

KERNEL_EXPORT int32_t run(int32_t n) {
    if (n < 0 || n > MAX) return -1;
    uint32_t seed = 1;
    for (int32_t i = 0; i < n; i++) values[i] = (int32_t) (lcg_next(&seed) >> 8) - (1 << 23);
    qsort(values, (size_t) n, sizeof values[0], compare);
    uint32_t sum = 0;
    for (int32_t i = 0; i < n; i++) {
        if (i > 0 && values[i - 1] > values[i]) return -2; /* not sorted */
        sum = operations[(uint32_t) values[i] & 3](sum, (uint32_t) values[i]);
    }
    return (int32_t) sum;
}
