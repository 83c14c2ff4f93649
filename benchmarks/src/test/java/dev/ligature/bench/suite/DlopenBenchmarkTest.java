package dev.ligature.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DlopenBenchmark's setup, timed part and check run (a few invocations, no JMH, no timing). */
class DlopenBenchmarkTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ligature-compiler, warm", "ligature-compiler, cold", "ligature-interpreter, warm", "ligature-interpreter, cold"})
    void loadsAndChecks(String engine, String load) throws Exception {
        DlopenBenchmark b = new DlopenBenchmark();
        b.engine = engine;
        b.load = load;
        b.setUpTrial();
        for (int i = 0; i < 3; i++) {
            b.setUpInvocation();
            assertEquals(DlopenBenchmark.SIDE_FUNC_21, b.dlopen().function("side_func").callInt(21));
            b.tearDownInvocation();
        }
    }
}
