package dev.ligature.bench.interp;

/**
 * Plain Java reimplementations of the kernels in {@code resources/kernels}, written from each kernel's comment, so
 * an engine's checksum is checked against something that never ran through a Wasm engine. Arithmetic wraps as
 * Wasm's does; floating point follows the kernels' operation order exactly, so f64 results agree bit for bit.
 */
public final class KernelReference {
    private KernelReference() {}

    /** {@code fib.wat}: the n-th Fibonacci number, computed recursively. */
    public static long fib(int n) {
        return fibRecursive(n);
    }

    private static int fibRecursive(int n) {
        return Integer.compareUnsigned(n, 2) < 0 ? n : fibRecursive(n - 1) + fibRecursive(n - 2);
    }

    /** {@code loop.wat}: the sum over {@code i < n} of {@code (i * i) xor (i >>> 3)}. */
    public static long loop(int n) {
        int sum = 0;
        for (int i = 0; Integer.compareUnsigned(i, n) < 0; i++) {
            sum += (i * i) ^ (i >>> 3);
        }
        return sum;
    }

    /** {@code matmul.wat}: checksum of C = A x B with A[i][j] = i + 2j, B[i][j] = i - j. */
    public static long matmul(int n) {
        int[] a = new int[n * n];
        int[] b = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = i + 2 * j;
                b[i * n + j] = i - j;
            }
        }
        int sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int c = 0;
                for (int k = 0; k < n; k++) {
                    c += a[i * n + k] * b[k * n + j];
                }
                sum += (c * (i + 1)) ^ j;
            }
        }
        return sum;
    }

    /** {@code sieve.wat}: the number of primes below n. */
    public static long sieve(int n) {
        boolean[] composite = new boolean[n];
        for (int i = 2; (long) i * i < n; i++) {
            if (!composite[i]) {
                for (int j = i * i; j < n; j += i) {
                    composite[j] = true;
                }
            }
        }
        int count = 0;
        for (int i = 2; i < n; i++) {
            if (!composite[i]) {
                count++;
            }
        }
        return count;
    }

    /** {@code nbody.wat}: bits of the energy of five bodies after {@code steps} steps of dt = 0.01. */
    public static long nbody(int steps) {
        final int bodies = 5;
        double[] x = new double[bodies], y = new double[bodies], z = new double[bodies];
        double[] vx = new double[bodies], vy = new double[bodies], vz = new double[bodies], m = new double[bodies];
        for (int b = 0; b < bodies; b++) {
            double f = b;
            x[b] = f;
            y[b] = f * 0.5;
            z[b] = 1 - f;
            vx[b] = f * 0.01;
            vy[b] = f * -0.02;
            vz[b] = 0.005;
            m[b] = f + 1;
        }
        final double dt = 0.01;
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < bodies; i++) {
                for (int j = i + 1; j < bodies; j++) {
                    double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
                    double d2 = dx * dx + dy * dy + dz * dz;
                    double mag = dt / (d2 * Math.sqrt(d2));
                    vx[i] = vx[i] - dx * (m[j] * mag);
                    vy[i] = vy[i] - dy * (m[j] * mag);
                    vz[i] = vz[i] - dz * (m[j] * mag);
                    vx[j] = vx[j] + dx * (m[i] * mag);
                    vy[j] = vy[j] + dy * (m[i] * mag);
                    vz[j] = vz[j] + dz * (m[i] * mag);
                }
            }
            for (int i = 0; i < bodies; i++) {
                x[i] = x[i] + dt * vx[i];
                y[i] = y[i] + dt * vy[i];
                z[i] = z[i] + dt * vz[i];
            }
        }
        double e = 0;
        for (int i = 0; i < bodies; i++) {
            e = e + 0.5 * m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
            for (int j = i + 1; j < bodies; j++) {
                double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
                e = e - m[i] * m[j] / Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return Double.doubleToRawLongBits(e);
    }

    /** {@code callindirect.wat}: the accumulator after n calls through the four-function table. */
    public static long callIndirect(int n) {
        int acc = 1;
        for (int i = 0; Integer.compareUnsigned(i, n) < 0; i++) {
            int x = acc ^ i;
            acc = switch (i & 3) {
                case 0 -> x + 1;
                case 1 -> x * 3;
                case 2 -> Integer.rotateLeft(x, 5);
                default -> x ^ (x >>> 7);
            };
        }
        return acc;
    }

    /** {@code brtable.wat}: register r1 after the bytecode program's loop ran with r0 = n. */
    public static long brTable(int n) {
        int r0 = n;
        int r1 = 0;
        do {
            r1 = ((r0 * r0) ^ r1) + 7;
            r0--;
        } while (r0 != 0);
        return r1;
    }
}
