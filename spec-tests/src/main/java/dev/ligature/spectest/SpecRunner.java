package dev.ligature.spectest;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.WasmException;
import dev.ligature.core.script.Command;
import dev.ligature.core.script.Script;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs WAST scripts of the official test suite and counts, per file, the commands that passed,
 * failed and were skipped.
 *
 * <p>What a command must do to pass, today:
 *
 * <ul>
 *   <li>{@code module} (also {@code module definition}): the module parses or decodes, and validates.
 *       Modules are not instantiated yet: that comes with the runtime and interpreter (issue 3).
 *   <li>{@code assert_malformed}: obtaining the module throws {@link MalformedModuleException}. For a
 *       binary module the message must contain the phrase the script expects; for a text or quoted
 *       module the exception type is enough, because text-format error messages differ between
 *       implementations and the suite's phrases follow the reference interpreter's parser.
 *   <li>{@code assert_invalid}: the module is obtained, and validation throws
 *       {@link dev.ligature.core.InvalidModuleException} whose message contains the expected phrase. A module that is
 *       already rejected as malformed fails the command, with a reason saying so.
 *   <li>Every other kind needs execution or custom-section checks that do not exist yet. Such a
 *       command is skipped ONLY when the {@link SkipList} covers it; otherwise it fails.
 * </ul>
 *
 * Any other exception or error (a NullPointerException, a StackOverflowError, an unimplemented stub)
 * fails that one command with the exception named, and the run goes on. Each file runs on its own
 * worker thread with a large stack and a time limit, so one pathological file cannot hang the run.
 */
public final class SpecRunner {
    /** Time one file may take before it is abandoned and reported as failed. */
    public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofSeconds(60);

    // Deeply nested modules recurse deeply in parsers; a big stack on the worker keeps that legal
    // input from turning into a StackOverflowError that would be our bug, not the input's.
    private static final long WORKER_STACK_BYTES = 256L << 20;

    private final SkipList skips;
    private final Frontend frontend;
    private final Executor executor;
    private final Duration fileTimeout;

    /** A runner over wasm-core and the given engine, with the default per-file time limit. */
    public SpecRunner(SkipList skips, Executor executor) {
        this(skips, Frontend.wasmCore(), executor, DEFAULT_FILE_TIMEOUT);
    }

    public SpecRunner(SkipList skips, Frontend frontend, Executor executor, Duration fileTimeout) {
        this.skips = Objects.requireNonNull(skips, "skips");
        this.frontend = Objects.requireNonNull(frontend, "frontend");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.fileTimeout = Objects.requireNonNull(fileTimeout, "fileTimeout");
    }

    /** The skip list this runner consults. */
    public SkipList skips() {
        return skips;
    }

    /** All {@code *.wast} files under {@code dir}, recursively, sorted by their path relative to it. */
    public static List<Path> findScripts(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".wast") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> suitePath(p, dir)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** {@code file} relative to {@code root}, with {@code /} separators whatever the platform. */
    public static String suitePath(Path file, Path root) {
        Path rel = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        List<String> parts = new ArrayList<>();
        rel.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    /** Runs every script under {@code dir} in sorted order; skip entries match paths relative to {@code root}. */
    public List<FileResult> runDirectory(Path dir, Path root) {
        return findScripts(dir).stream().map(f -> runFile(f, root)).toList();
    }

    /**
     * Runs one script file, guarded: on its own thread, within the time limit. Never throws for
     * anything the file or the engine does; every problem becomes a {@link Failure}.
     *
     * @param root the suite root, against which skip entries match
     */
    public FileResult runFile(Path file, Path root) {
        String suitePath = suitePath(file, root);
        Tally tally = new Tally();
        FutureTask<Void> task = new FutureTask<>(() -> {
            runSource(tally, suitePath, Files.readString(file));
            return null;
        });
        Thread worker = Thread.ofPlatform()
                .name("spec " + suitePath)
                .daemon(true) // an abandoned worker must not keep the JVM alive
                .stackSize(WORKER_STACK_BYTES)
                .unstarted(task);
        worker.start();
        try {
            task.get(fileTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            tally.abort("timed out after " + fileTimeout.toSeconds()
                    + " s while running this command; the rest of the file was not run");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof IOException ? "cannot read the file: " : "runner crashed: ";
            tally.fail(new Failure(0, Failure.SCRIPT, what + describe(cause)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            tally.abort("interrupted");
        }
        return tally.result(file, suitePath);
    }

    /** Parses and runs script text, unguarded (on the calling thread, without a time limit). */
    public FileResult runSource(Path file, String suitePath, String source) {
        Tally tally = new Tally();
        runSource(tally, suitePath, source);
        return tally.result(file, suitePath);
    }

    /** Runs an already parsed script, unguarded. */
    public FileResult runScript(Path file, String suitePath, Script script) {
        Tally tally = new Tally();
        runScript(tally, suitePath, script, skips.forFile(suitePath));
        return tally.result(file, suitePath);
    }

    private void runSource(Tally tally, String suitePath, String source) {
        Optional<SkipList.Entry> fileSkip = skips.forFile(suitePath);
        Script script;
        try {
            script = frontend.parseScript(source);
        } catch (Throwable t) {
            if (fileSkip.isPresent()) {
                // Nothing to count, but the file is skipped anyway: count it once, not as a failure.
                tally.skip(1);
                return;
            }
            int line = t instanceof MalformedModuleException m ? Math.max(m.line(), 0) : 0;
            String what = t instanceof MalformedModuleException ? "script does not parse: " : "script parser crashed: ";
            tally.fail(new Failure(line, Failure.SCRIPT, what + describe(t)));
            return;
        }
        runScript(tally, suitePath, script, fileSkip);
    }

    private void runScript(Tally tally, String suitePath, Script script, Optional<SkipList.Entry> fileSkip) {
        if (fileSkip.isPresent()) {
            tally.skip(script.commands().size());
            return;
        }
        ScriptSession session = new ScriptSession(frontend, executor, skips.validateOnly(suitePath));
        for (Command command : script.commands()) {
            CommandKind kind = CommandKind.of(command);
            tally.at(command.line(), kind);
            if (skips.forCommand(suitePath, command.line(), kind).isPresent()) {
                tally.skip(1);
                continue;
            }
            String reason;
            try {
                reason = session.check(command);
            } catch (Throwable t) {
                reason = "unexpected " + describe(t);
            }
            if (reason == null) {
                tally.pass();
            } else {
                tally.fail(new Failure(command.line(), kind.wastName(), reason));
            }
        }
    }

    /**
     * Names a throwable for a report line: our own typed exceptions by their message (it already
     * says what and where), anything else by class, message and the frame that threw it, so the
     * line is enough to start debugging.
     */
    static String describe(Throwable t) {
        if (t instanceof WasmException && t.getMessage() != null) {
            return t.getMessage();
        }
        StringBuilder sb = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) {
            sb.append(": ").append(t.getMessage());
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length > 0) {
            sb.append(" (at ").append(trace[0]).append(')');
        }
        return sb.toString();
    }
}
