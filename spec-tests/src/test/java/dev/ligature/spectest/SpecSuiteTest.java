package dev.ligature.spectest;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official WebAssembly test suite, one dynamic test per WAST file, on the interpreter and on
 * the compiler, then one test that the skip file has no stale entries. The suite's location comes
 * from the system property {@code wasm.testsuite}, which the root POM sets; a missing suite is a
 * failure, never a skip.
 */
class SpecSuiteTest {
    private static final int MAX_LISTED = 40;
    /**
     * Eager compilation, with the test override -Dligature.jit.* applied (e.g.
     * {@code JAVA_TOOL_OPTIONS=-Dligature.jit.forceSplit=300} splits every function).
     */
    private static final dev.ligature.jit.JitOptions JIT_OPTIONS = dev.ligature.jit.JitOptions.fromSystemProperties(
            dev.ligature.jit.JitOptions.DEFAULT.withCompilation(dev.ligature.jit.JitOptions.Compilation.EAGER));
    /** The defaults, with the test override -Dligature.memory.backing applied. */
    private static final dev.ligature.core.runtime.InstanceOptions INSTANCE_OPTIONS =
            dev.ligature.core.runtime.InstanceOptions.fromSystemProperties(dev.ligature.core.runtime.InstanceOptions.DEFAULT);

    @TestFactory
    Stream<DynamicNode> officialSuite() {
        return suite(new RuntimeExecutor(INSTANCE_OPTIONS), true);
    }

    /**
     * The same suite on the compiler, every function of every module compiled up front (the
     * executor fails any module whose functions would run interpreted): it must pass the same
     * commands as the interpreter.
     */
    @TestFactory
    Stream<DynamicNode> officialSuiteOnTheCompiler() {
        return suite(new RuntimeExecutor(new dev.ligature.jit.JitEngine(JIT_OPTIONS), INSTANCE_OPTIONS), false);
    }

    private static Stream<DynamicNode> suite(RuntimeExecutor executor, boolean checkStaleSkips) {
        String property = System.getProperty("wasm.testsuite");
        if (property == null || property.isBlank()) {
            fail("system property wasm.testsuite is not set; run through Maven (the root POM sets it) "
                    + "or pass -Dwasm.testsuite=/path/to/WebAssembly/testsuite");
        }
        Path root = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            fail("the WebAssembly test suite is missing: " + root + " is not a directory. Check out "
                    + "WebAssembly/testsuite there (see README.md for the commit) or pass -Dwasm.testsuite=DIR");
        }
        List<Path> files = SpecRunner.findScripts(root);
        if (files.isEmpty()) {
            fail("no .wast files under " + root);
        }
        SpecRunner runner = new SpecRunner(SkipList.bundled(), executor);
        Stream<DynamicNode> perFile = files.stream().map(file -> DynamicTest.dynamicTest(
                SpecRunner.suitePath(file, root), file.toUri(), () -> {
                    FileResult r = runner.runFile(file, root);
                    if (r.failed() > 0) {
                        fail(describe(r));
                    }
                }));
        // Dynamic tests run in stream order, so this one sees every file's matches.
        Stream<DynamicNode> stale = Stream.of(DynamicTest.dynamicTest("skips.txt has no stale entries", () -> {
            List<SkipList.Entry> unused = runner.skips().unused();
            if (!unused.isEmpty()) {
                fail("skip entries that matched nothing in the whole suite (delete them from spec-tests/skips.txt):\n"
                        + unused.stream().map(e -> "  line " + e.sourceLine() + ": " + e.selector())
                                .collect(Collectors.joining("\n")));
            }
        }));
        return checkStaleSkips ? Stream.concat(perFile, stale) : perFile;
    }

    private static String describe(FileResult r) {
        StringBuilder sb = new StringBuilder()
                .append(r.suitePath()).append(": ").append(r.passed()).append(" passed, ")
                .append(r.failed()).append(" failed, ").append(r.skipped()).append(" skipped");
        r.failures().stream().limit(MAX_LISTED).forEach(f -> sb.append("\n  ").append(f));
        if (r.failures().size() > MAX_LISTED) {
            sb.append("\n  ... and ").append(r.failures().size() - MAX_LISTED).append(" more");
        }
        return sb.toString();
    }
}
