package dev.ligature.spectest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The skip file: the ONLY way a command of the test suite can count as skipped. Every entry names
 * what it skips and why. The runner asks this list before it runs anything; a command it does not
 * cover either passes or fails, never silently vanishes.
 *
 * <p>Format, one entry per line; {@code #} starts a comment, blank lines are ignored; the reason
 * (the rest of the line after the selector) is mandatory:
 *
 * <pre>
 * dir   proposals/threads/     threads: atomics and shared memory are not implemented
 * file  legacy/throw.wast      legacy exceptions: ...
 * cmd   binary.wast:123        why this one command is skipped
 * kind  assert_return          needs execution: ...
 * exec  struct.wast            GC: struct instructions do not execute yet
 * </pre>
 *
 * Paths are relative to the suite root and use {@code /}. A {@code dir} or {@code file} entry skips
 * every command of the matching files; a {@code cmd} entry names the line of one command; a
 * {@code kind} entry skips every command of that {@link CommandKind} anywhere. An {@code exec} entry
 * skips the commands of one file that need execution ({@link CommandKind#needsExecution()}) while
 * the rest still run: its modules are decoded and validated but not instantiated, and its
 * {@code assert_malformed} and {@code assert_invalid} are checked as usual. The list records which
 * entries matched, so that a full run can report entries that no longer match anything.
 */
public final class SkipList {
    /** Resource path of the skip file bundled with this module (its source is {@code spec-tests/skips.txt}). */
    public static final String RESOURCE = "/dev/ligature/spectest/skips.txt";

    /** One line of the skip file. */
    public sealed interface Entry {
        /** Line of the entry in the skip file. */
        int sourceLine();

        /** Why it is skipped. */
        String reason();

        /** The selector as written, e.g. {@code dir proposals/threads/}. */
        String selector();
    }

    /** Skips every file under {@code dir} (which ends with {@code /}). */
    public record DirEntry(int sourceLine, String dir, String reason) implements Entry {
        @Override
        public String selector() {
            return "dir " + dir;
        }
    }

    /** Skips every command of one file. */
    public record FileEntry(int sourceLine, String file, String reason) implements Entry {
        @Override
        public String selector() {
            return "file " + file;
        }
    }

    /** Skips the command at {@code line} of {@code file}. */
    public record CommandEntry(int sourceLine, String file, int line, String reason) implements Entry {
        @Override
        public String selector() {
            return "cmd " + file + ":" + line;
        }
    }

    /** Skips the commands of one file that need execution; its modules are only decoded and validated. */
    public record ExecEntry(int sourceLine, String file, String reason) implements Entry {
        @Override
        public String selector() {
            return "exec " + file;
        }
    }

    /** Skips every command of one kind. */
    public record KindEntry(int sourceLine, CommandKind kind, String reason) implements Entry {
        @Override
        public String selector() {
            return "kind " + kind.wastName();
        }
    }

    /** A syntax error in the skip file. */
    public static final class SkipFileException extends RuntimeException {
        SkipFileException(String origin, int line, String message) {
            super(origin + ":" + line + ": " + message);
        }
    }

    private final List<Entry> entries;
    // Written by the worker threads that run files, read by whoever asks for unused entries.
    private final Set<Entry> used = ConcurrentHashMap.newKeySet();

    private SkipList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A list that skips nothing. */
    public static SkipList empty() {
        return new SkipList(List.of());
    }

    /** The skip file bundled with this module. */
    public static SkipList bundled() {
        try (InputStream in = SkipList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("skip file " + RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "skips.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses skip-file text; {@code origin} names it in error messages.
     *
     * @throws SkipFileException on an unknown keyword, a missing reason, a bad path or line number,
     *     an unknown command kind, or a duplicate selector
     */
    public static SkipList parse(String text, String origin) {
        List<Entry> entries = new ArrayList<>();
        Set<String> selectors = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                throw new SkipFileException(origin, lineNo, "expected '<dir|file|cmd|exec|kind> <selector> <reason>', got '" + line + "'");
            }
            Entry entry = entry(parts[0], parts[1], parts[2].strip(), origin, lineNo);
            if (!selectors.add(entry.selector())) {
                throw new SkipFileException(origin, lineNo, "duplicate entry '" + entry.selector() + "'");
            }
            entries.add(entry);
        }
        return new SkipList(entries);
    }

    private static Entry entry(String keyword, String selector, String reason, String origin, int lineNo) {
        switch (keyword) {
            case "dir" -> {
                checkPath(selector, origin, lineNo);
                if (!selector.endsWith("/")) {
                    throw new SkipFileException(origin, lineNo, "a dir entry must end with '/': " + selector);
                }
                return new DirEntry(lineNo, selector, reason);
            }
            case "file" -> {
                checkPath(selector, origin, lineNo);
                if (!selector.endsWith(".wast")) {
                    throw new SkipFileException(origin, lineNo, "a file entry must name a .wast file: " + selector);
                }
                return new FileEntry(lineNo, selector, reason);
            }
            case "cmd" -> {
                int colon = selector.lastIndexOf(':');
                if (colon < 0) {
                    throw new SkipFileException(origin, lineNo, "a cmd entry must be <file>:<line>: " + selector);
                }
                String file = selector.substring(0, colon);
                checkPath(file, origin, lineNo);
                int line;
                try {
                    line = Integer.parseInt(selector.substring(colon + 1));
                } catch (NumberFormatException e) {
                    line = 0;
                }
                if (line <= 0) {
                    throw new SkipFileException(origin, lineNo, "bad line number in " + selector);
                }
                return new CommandEntry(lineNo, file, line, reason);
            }
            case "exec" -> {
                checkPath(selector, origin, lineNo);
                if (!selector.endsWith(".wast")) {
                    throw new SkipFileException(origin, lineNo, "an exec entry must name a .wast file: " + selector);
                }
                return new ExecEntry(lineNo, selector, reason);
            }
            case "kind" -> {
                CommandKind kind = CommandKind.byName(selector)
                        .orElseThrow(() -> new SkipFileException(origin, lineNo, "unknown command kind '" + selector + "'"));
                return new KindEntry(lineNo, kind, reason);
            }
            default -> throw new SkipFileException(origin, lineNo, "unknown entry type '" + keyword + "' (expected dir, file, cmd, exec or kind)");
        }
    }

    private static void checkPath(String path, String origin, int lineNo) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("..")
                || path.startsWith("./") || path.contains("//")) {
            throw new SkipFileException(origin, lineNo, "path must be relative to the suite root, with '/' separators: " + path);
        }
    }

    /** All entries in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry that skips the whole file at {@code suitePath}, if any; marks it used. */
    public Optional<Entry> forFile(String suitePath) {
        for (Entry e : entries) {
            boolean hit = switch (e) {
                case DirEntry d -> suitePath.startsWith(d.dir());
                case FileEntry f -> suitePath.equals(f.file());
                default -> false;
            };
            if (hit) {
                used.add(e);
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The entry that skips one command, if any; marks it used. A {@code cmd} entry for the exact line
     * wins over a {@code kind} entry, so the report names the most specific reason.
     */
    public Optional<Entry> forCommand(String suitePath, int line, CommandKind kind) {
        Entry byKind = null;
        for (Entry e : entries) {
            if (e instanceof CommandEntry c && c.file().equals(suitePath) && c.line() == line) {
                used.add(e);
                return Optional.of(e);
            }
            if (byKind == null && kind.needsExecution() && e instanceof ExecEntry x && x.file().equals(suitePath)) {
                byKind = e;
            }
            if (byKind == null && e instanceof KindEntry k && k.kind() == kind) {
                byKind = e;
            }
        }
        if (byKind != null) {
            used.add(byKind);
        }
        return Optional.ofNullable(byKind);
    }

    /** Whether the file's modules must not be instantiated, because an {@code exec} entry covers it. */
    public boolean validateOnly(String suitePath) {
        return entries.stream().anyMatch(e -> e instanceof ExecEntry x && x.file().equals(suitePath));
    }

    /** Entries that matched nothing so far; after a run over the whole suite these are stale. */
    public List<Entry> unused() {
        return entries.stream().filter(e -> !used.contains(e)).toList();
    }
}
