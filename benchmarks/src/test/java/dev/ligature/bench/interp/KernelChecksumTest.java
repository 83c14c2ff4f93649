package dev.ligature.bench.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The kernels compute what their Java references say, on each engine, and the references agree with known facts. */
class KernelChecksumTest {

    static Stream<Arguments> enginesAndKernels() {
        List<Supplier<KernelRunner>> engines = List.of(ChicoryInterpreterRunner::new, LigatureRunner::interpreter,
                LigatureRunner::compiler);
        return engines.stream().flatMap(e -> Arrays.stream(Kernel.values()).map(k -> Arguments.of(e.get(), k)));
    }

    @ParameterizedTest
    @MethodSource("enginesAndKernels")
    void everyEngineMatchesTheJavaReference(KernelRunner runner, Kernel kernel) {
        KernelRunner.KernelCall call = runner.instantiate(kernel, kernel.binary());
        for (int size : new int[] {1, 2, 3, 17, kernel.benchmarkSize()}) {
            assertEquals(kernel.expected(size), call.run(size), runner.engine() + " " + kernel + "(" + size + ")");
        }
    }

    @Test
    void referencesAgreeWithKnownValues() {
        assertEquals(6765, KernelReference.fib(20));
        assertEquals(9592, KernelReference.sieve(100_000)); // primes below 10^5
        assertEquals(25, KernelReference.sieve(100));
        // 1x1: A = [0], B = [0], C = [0]; checksum (0 * 1) ^ 0.
        assertEquals(0, KernelReference.matmul(1));
        // 2x2: A = [[0,2],[1,3]], B = [[0,-1],[1,0]], C = [[2,0],[3,-1]]; (2*1)^0 + (0*1)^1 + (3*2)^0 + (-1*2)^1.
        assertEquals(2 + 1 + 6 + (-2 ^ 1), KernelReference.matmul(2));
        // i = 0: 0 ^ 0; i = 1: 1 ^ 0; i = 2: 4 ^ 0.
        assertEquals(5, KernelReference.loop(3));
        // r0 = 2: r1 = (4 ^ 0) + 7 = 11; r0 = 1: r1 = (1 ^ 11) + 7 = 17.
        assertEquals(17, KernelReference.brTable(2));
        // i = 0: (1 ^ 0) + 1 = 2; i = 1: (2 ^ 1) * 3 = 9.
        assertEquals(9, KernelReference.callIndirect(2));
        double energy = Double.longBitsToDouble(KernelReference.nbody(Kernel.NBODY.benchmarkSize()));
        assertFalse(Double.isNaN(energy) || Double.isInfinite(energy), "energy stays finite: " + energy);
    }
}
