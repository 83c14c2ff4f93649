package dev.ligature.spectest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts of one file while it runs. The worker thread writes it; the thread that guards the file
 * reads it, also after a timeout while the worker may still be running, hence the locking and the
 * {@link #close} that makes late writes of an abandoned worker vanish.
 */
final class Tally {
    private int passed;
    private int skipped;
    private final List<Failure> failures = new ArrayList<>();
    private int currentLine;
    private String currentKind = Failure.SCRIPT;
    private boolean closed;

    synchronized void at(int line, CommandKind kind) {
        currentLine = line;
        currentKind = kind.wastName();
    }

    synchronized void pass() {
        if (!closed) {
            passed++;
        }
    }

    synchronized void skip(int count) {
        if (!closed) {
            skipped += count;
        }
    }

    synchronized void fail(Failure failure) {
        if (!closed) {
            failures.add(failure);
        }
    }

    /** Records a failure of the command that was running, then ignores every later write. */
    synchronized void abort(String reason) {
        if (!closed) {
            failures.add(new Failure(currentLine, currentKind, reason));
            closed = true;
        }
    }

    synchronized FileResult result(Path file, String suitePath) {
        closed = true;
        return new FileResult(file, suitePath, passed, failures.size(), skipped, failures);
    }
}
