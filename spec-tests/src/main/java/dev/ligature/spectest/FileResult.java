package dev.ligature.spectest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one WAST file: how many commands passed, failed and were skipped, and the failures.
 *
 * @param file the script on disk
 * @param suitePath its path relative to the suite root, with {@code /} separators; skip entries
 *     match against this
 * @param failures one entry per failed command, in script order; its size is {@code failed}
 */
public record FileResult(Path file, String suitePath, int passed, int failed, int skipped, List<Failure> failures) {
    public FileResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(suitePath, "suitePath");
        failures = List.copyOf(failures);
        if (failures.size() != failed) {
            throw new IllegalArgumentException("failed=" + failed + " but " + failures.size() + " failures");
        }
    }

    /** Number of commands counted in any way. */
    public int total() {
        return passed + failed + skipped;
    }
}
