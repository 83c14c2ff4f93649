/* f64 matrix multiply, n x n (n <= 128): row-major loads and stores with address arithmetic. */
#include "kernel.h"

#define MAX 128
static double a[MAX * MAX], b[MAX * MAX], c[MAX * MAX];

KERNEL_EXPORT int32_t run(int32_t n) {
    if (n < 1 || n > MAX) return -1;
    for (int32_t i = 0; i < n; i++) {
        for (int32_t j = 0; j < n; j++) {
            a[i * n + j] = (double) (i + j) / n;
            b[i * n + j] = (double) (i - j) / (j + 1);
        }
    }
    for (int32_t i = 0; i < n; i++) {
        for (int32_t j = 0; j < n; j++) {
            double s = 0.0;
            for (int32_t k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
    }
    double sum = 0.0;
    for (int32_t i = 0; i < n * n; i++) sum += c[i] * (double) (i % 7 + 1);
    return fold_f64(sum);
}
