package dev.ligature.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ligature.bench.interp.KernelRunner;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JVM engine of this build computes every C kernel's checksum, at a small size (fast, no JMH): the values
 * come from kernels.txt, which a native build of the same C sources wrote. A pair listed in {@link KnownGaps} that
 * still cannot run is reported as skipped with its reason; any wrong checksum fails.
 */
class CKernelChecksumTest {

    static Stream<Arguments> enginesAndKernels() {
        return Engines.available().stream()
                .flatMap(e -> Arrays.stream(CKernel.values()).map(k -> Arguments.of(e, k)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndKernels")
    void everyEngineMatchesTheNativeBuild(String engine, CKernel kernel) {
        Optional<String> gap = KnownGaps.reason(engine, kernel);
        KernelRunner.KernelCall call;
        try {
            call = Engines.byName(engine).instantiate(kernel, kernel.binary());
        } catch (RuntimeException e) {
            if (gap.isEmpty()) {
                throw e;
            }
            Assumptions.abort(engine + " cannot run " + kernel.fileName() + ": " + gap.get() + " (" + e + ")");
            return;
        }
        int size = kernel.testSize();
        assertEquals(kernel.expected(size), call.run(size), engine + " " + kernel.fileName() + "(" + size + ")");
        // A second call on the same instance: harnesses call run repeatedly, so state must not leak between calls.
        assertEquals(kernel.expected(size), call.run(size), engine + " " + kernel.fileName() + "(" + size + "), again");
    }
}
