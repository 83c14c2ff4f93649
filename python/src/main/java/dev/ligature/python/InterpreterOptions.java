package dev.ligature.python;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link PythonInterpreter} is set up: its standard streams, host directories mounted into its
 * file system, environment variables, current directory, {@code sys.argv[0]}, and the cap on its
 * memory. Immutable; made with {@link #builder()}.
 */
public final class InterpreterOptions {
    /** A host directory mounted into the interpreter's file system. */
    record Mount(Path host, String guest, boolean readOnly) {}

    final OutputStream stdout;
    final OutputStream stderr;
    final InputStream stdin;
    final List<Mount> mounts;
    final Map<String, String> env;
    final String cwd;
    final String argv0;
    final long maxMemoryBytes;
    final boolean terminal;

    private InterpreterOptions(Builder b) {
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.stdin = b.stdin;
        this.mounts = List.copyOf(b.mounts);
        this.env = new LinkedHashMap<>(b.env);
        this.cwd = b.cwd;
        this.argv0 = b.argv0;
        this.maxMemoryBytes = b.maxMemoryBytes;
        this.terminal = b.terminal;
    }

    /** {@return a builder with the defaults: output discarded, no stdin, no mounts, cwd {@code /home/pyodide}, no memory cap} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link InterpreterOptions}; every setter returns this builder. */
    public static final class Builder {
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private InputStream stdin;
        private final List<Mount> mounts = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private String cwd = "/home/pyodide";
        private String argv0 = "python";
        private long maxMemoryBytes = -1;
        private boolean terminal;

        private Builder() {}

        /**
         * Says whether the standard streams are terminals, as {@code isatty()} reports them to
         * Python (line-buffered output, coloured tracebacks); false by default.
         *
         * @param terminal true for an interactive terminal
         * @return this builder
         */
        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        /**
         * Sets where Python's standard output goes.
         *
         * @param out the stream (flushed, never closed)
         * @return this builder
         */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out);
            return this;
        }

        /**
         * Sets where Python's standard error (tracebacks included) goes.
         *
         * @param err the stream (flushed, never closed)
         * @return this builder
         */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err);
            return this;
        }

        /**
         * Sets what Python reads from standard input.
         *
         * @param in the stream, or null for none (end of file at once)
         * @return this builder
         */
        public Builder stdin(InputStream in) {
            this.stdin = in;
            return this;
        }

        /**
         * Mounts a host directory; nothing else on the host is reachable.
         *
         * @param host the host directory
         * @param guest where it appears, an absolute path
         * @param readOnly whether Python is refused writes
         * @return this builder
         */
        public Builder mount(Path host, String guest, boolean readOnly) {
            mounts.add(new Mount(Objects.requireNonNull(host), Objects.requireNonNull(guest), readOnly));
            return this;
        }

        /**
         * Sets an environment variable (over Pyodide's defaults: {@code HOME=/home/pyodide}, ...).
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Sets the current directory.
         *
         * @param guestPath an absolute path that exists (a mount point, or {@code /home/pyodide}, {@code /tmp})
         * @return this builder
         */
        public Builder workingDirectory(String guestPath) {
            this.cwd = Objects.requireNonNull(guestPath);
            return this;
        }

        /**
         * Sets {@code argv[0]} (and so {@code sys.executable}'s basis); {@code python} by default.
         *
         * @param name the name
         * @return this builder
         */
        public Builder programName(String name) {
            this.argv0 = Objects.requireNonNull(name);
            return this;
        }

        /**
         * Caps the interpreter's linear memory: allocations beyond it raise {@code MemoryError}.
         *
         * @param bytes the cap, at least 32 MiB (Pyodide starts with 30 MiB), rounded up to 64 KiB pages
         * @return this builder
         * @throws IllegalArgumentException if the cap is below 32 MiB
         */
        public Builder maxMemory(long bytes) {
            if (bytes < 32L << 20) {
                throw new IllegalArgumentException("the memory cap must be at least 32 MiB: " + bytes);
            }
            this.maxMemoryBytes = bytes;
            return this;
        }

        /** {@return the options} */
        public InterpreterOptions build() {
            return new InterpreterOptions(this);
        }
    }
}
