package dev.ligature.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs suite scripts through {@link WastHarness}; set -Dligature.suiteScan=true to print a scan of the whole core suite. */
class SpecSuiteSmokeTest {
    static final Path SUITE = Path.of("../../shared/wasm-testsuite").toAbsolutePath().normalize();

    static WastHarness runFile(Path p) throws Exception {
        WastHarness[] out = new WastHarness[1];
        Throwable[] err = new Throwable[1];
        Thread t = Thread.ofPlatform().stackSize(64L << 20).start(() -> {
            try {
                out[0] = WastHarness.run(Files.readString(p));
            } catch (Throwable e) {
                err[0] = e;
            }
        });
        t.join(120_000);
        if (err[0] != null) {
            throw new AssertionError(p + ": " + err[0], err[0]);
        }
        return out[0];
    }

    @Test
    void scan() throws Exception {
        if (!Boolean.getBoolean("ligature.suiteScan")) {
            return;
        }
        String dir = System.getProperty("ligature.suiteDir", "");
        List<Path> files;
        try (Stream<Path> s = Files.list(SUITE.resolve(dir))) {
            files = s.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
        int pass = 0;
        int fail = 0;
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            WastHarness h;
            try {
                h = runFile(f);
            } catch (Throwable e) {
                lines.add("CRASH " + f.getFileName() + " " + e);
                continue;
            }
            pass += h.passed;
            fail += h.failures.size();
            if (!h.failures.isEmpty()) {
                lines.add(f.getFileName() + " pass " + h.passed + " fail " + h.failures.size() + " first: "
                        + h.failures.subList(0, Math.min(3, h.failures.size())));
            }
        }
        lines.forEach(System.out::println);
        System.out.println("TOTAL pass " + pass + " fail " + fail);
    }

    @Test
    void coreScriptsPass() throws Exception {
        if (!Files.isDirectory(SUITE)) {
            throw new AssertionError("test suite missing at " + SUITE);
        }
        // Scripts that need neither GC nor the numerics/SIMD helpers beyond the scalar basics.
        for (String name : List.of("i32.wast", "i64.wast", "fac.wast", "br_table.wast", "call_indirect.wast",
                "call_indirect64.wast", "call_ref.wast", "br_on_null.wast", "br_on_non_null.wast", "return_call.wast",
                "return_call_indirect.wast", "return_call_ref.wast", "throw.wast", "throw_ref.wast", "try_table.wast",
                "memory64.wast", "load64.wast", "address64.wast", "memory-multi.wast", "memory_copy64.wast",
                "table64.wast", "table_grow64.wast", "imports.wast", "linking.wast", "start.wast", "elem.wast",
                "data.wast", "global.wast", "exports.wast", "func_ptrs.wast", "memory_grow.wast", "left-to-right.wast",
                "legacy/try_catch.wast", "legacy/try_delegate.wast", "legacy/rethrow.wast", "legacy/throw.wast")) {
            WastHarness h = runFile(SUITE.resolve(name));
            assertEquals(List.of(), h.failures, name);
        }
    }
}
