package dev.ligature.bench.suite;

import java.util.Map;
import java.util.Optional;

/**
 * Kernels an engine is known not to run today, with the reason. The checksum test reports these pairs as skipped
 * with the reason (an engine that gains the feature simply passes); the suite's report shows them as failures, from
 * what {@link Check} observed. A wrong checksum is never excused: only an engine refusing the module or the call.
 */
public final class KnownGaps {
    private static final Map<String, String> GAPS = Map.of(
            "chicory-compiler/exceptions",
            "Chicory 1.7.5 decodes only the exnref encoding (try_table); emcc 3.1.6 emits the legacy try/catch/rethrow",
            "chicory-interpreter/exceptions",
            "Chicory 1.7.5 decodes only the exnref encoding (try_table); emcc 3.1.6 emits the legacy try/catch/rethrow",
            "graalwasm/exceptions",
            "GraalWasm 25.0.2 has no exception handling (the tag section, id 13, is rejected)");

    private KnownGaps() {}

    /** Why {@code engine} cannot run {@code kernel} today, if it is a known gap. */
    public static Optional<String> reason(String engine, CKernel kernel) {
        return Optional.ofNullable(GAPS.get(engine + "/" + kernel.fileName()));
    }
}
