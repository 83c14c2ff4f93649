package dev.ligature.core.binary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every binary module of the official test suite through the decoder: binary
 * {@code assert_malformed} modules must fail with the suite's phrase, every other binary module
 * (plain commands and those inside assert_invalid, assert_unlinkable, ...) must decode, and must
 * survive an encode/decode round trip unchanged.
 */
class SpecSuiteBinaryTest {
    /** Folders of the suite we do not run yet, and why. */
    static final Map<String, String> SKIPPED = Map.of(
            "proposals/threads", "shared memories and atomics are not implemented yet",
            "proposals/custom-page-sizes", "custom page sizes change the memory type encoding; not ours yet",
            "proposals/wide-arithmetic", "wide-arithmetic opcodes are not in the opcode table yet",
            "proposals/custom-descriptors", "descriptor and exact types are not in the type model yet");

    /** Folders we run: the 3.0 core tests, the legacy exception handling tests, custom-section tests. */
    static final List<String> RUN = List.of("", "legacy", "custom");

    static Path suite() {
        for (Path p : List.of(Path.of("/work/shared/wasm-testsuite"), Path.of("../../shared/wasm-testsuite"),
                Path.of("../shared/wasm-testsuite"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    static List<WastBinaryModules.Case> cases() throws IOException {
        Path root = suite();
        Assumptions.assumeTrue(root != null, "the official test suite is not checked out next to the worktree");
        List<WastBinaryModules.Case> out = new ArrayList<>();
        for (String dir : RUN) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".wast")).sorted().toList()) {
                    String name = dir.isEmpty() ? f.getFileName().toString() : dir + "/" + f.getFileName();
                    out.addAll(WastBinaryModules.read(f, name));
                }
            }
        }
        return out;
    }

    @Test
    void skippedFoldersAreTheOnlyOnesNotRun() throws IOException {
        Path root = suite();
        Assumptions.assumeTrue(root != null);
        try (Stream<Path> dirs = Files.list(root.resolve("proposals"))) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                String key = "proposals/" + d.getFileName();
                assertTrue(SKIPPED.containsKey(key), "proposal folder neither run nor listed as skipped: " + key);
            }
        }
    }

    @Test
    void theSuiteHasBinaryCasesOfEveryKind() throws IOException {
        List<WastBinaryModules.Case> all = cases();
        for (WastBinaryModules.Kind k : WastBinaryModules.Kind.values()) {
            assertFalse(all.stream().noneMatch(c -> c.kind() == k), "no case of kind " + k);
        }
    }

    @TestFactory
    Stream<DynamicTest> malformedBinaryModulesFailWithTheSuitesPhrase() throws IOException {
        return cases().stream().filter(c -> c.kind() == WastBinaryModules.Kind.MALFORMED)
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
                    MalformedModuleException e =
                            assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(c.bytes()));
                    assertTrue(e.getMessage().startsWith(c.message()) || e.getMessage().contains(c.message()),
                            "expected \"" + c.message() + "\" but got \"" + e.getMessage() + "\"");
                }));
    }

    @TestFactory
    Stream<DynamicTest> wellFormedBinaryModulesDecodeAndRoundTrip() throws IOException {
        return cases().stream().filter(c -> c.kind() != WastBinaryModules.Kind.MALFORMED)
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
                    Module m = assertDoesNotThrow(() -> ModuleDecoder.decode(c.bytes()));
                    Module again = ModuleDecoder.decode(ModuleEncoder.encode(m));
                    org.junit.jupiter.api.Assertions.assertEquals(m, again);
                }));
    }
}
