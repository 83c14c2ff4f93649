/* Recursive calls: the naive Fibonacci recursion, about 1.6^n calls. */
#include "kernel.h"

__attribute__((noinline)) static int32_t fib(int32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

KERNEL_EXPORT int32_t run(int32_t n) {
    return fib(n);
}
