package dev.ligature.emscripten;

import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.InstanceOptions;
import dev.ligature.core.runtime.LinkException;
import dev.ligature.core.runtime.WasmThrow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Runs programs emcc built, in place of the JavaScript runtime emcc wrote for them: it supplies the
 * module's {@code env.*} and {@code wasi_snapshot_preview1.*} imports by name (the names of
 * Emscripten 3.1.6, 4.0.9 and 5.0.3, including the legalised and BigInt forms of 64-bit arguments),
 * starts the program as that runtime does (constructors, {@code main} with argc/argv, atexit
 * handlers, exit status), and gives it a virtual file system with Emscripten's semantics.
 *
 * <pre>{@code
 * EmscriptenHost host = EmscriptenHost.builder()
 *         .stdout(System.out).stderr(System.err)
 *         .env("GREETING", "hi")
 *         .mount(Path.of("data"), "/data", true)
 *         .build();
 * int status = host.run(EmscriptenProgram.load(Path.of("prog.js"), Engine.interpreter()), List.of("prog", "arg"));
 * }</pre>
 *
 * A host is immutable and may run many programs; every run gets a fresh instance and a fresh file
 * system (host mounts are shared: they are the host's directories). Runs may proceed on several
 * threads at once; they then share the host's streams, clock and random generator, which must
 * tolerate that.
 */
public final class EmscriptenHost {
    /**
     * A host directory (or, for {@link Builder#mountZip}, a zip archive) mounted into the virtual
     * file system.
     *
     * @param hostDirectory the host directory, or a zip archive (a regular file)
     * @param guestPath where it appears in the virtual file system, an absolute path
     * @param readOnly whether the program is refused writes through the mount
     */
    public record Mount(Path hostDirectory, String guestPath, boolean readOnly) {
        /**
         * A mount.
         *
         * @throws NullPointerException if {@code hostDirectory} or {@code guestPath} is null
         * @throws IllegalArgumentException if {@code guestPath} does not start with {@code /}
         */
        public Mount {
            Objects.requireNonNull(hostDirectory, "hostDirectory");
            Objects.requireNonNull(guestPath, "guestPath");
            if (!guestPath.startsWith("/")) {
                throw new IllegalArgumentException("guest path must be absolute: " + guestPath);
            }
        }
    }

    final OutputStream stdout;
    final OutputStream stderr;
    final InputStream stdin;
    final Map<String, String> env;
    final List<Mount> mounts;
    final Clock clock;
    final RandomGenerator random;
    final ZoneId zone;
    final boolean rawStdio;
    final boolean terminal;
    final ImportRegistry registry;
    final InstanceOptions instanceOptions;
    final String workingDirectory;
    /** Read-only files shared by every run, by guest path. */
    final Map<String, byte[]> sharedFiles;
    /** In-memory directories every run starts with. */
    final List<String> directories;

    private EmscriptenHost(Builder b) {
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.stdin = b.stdin;
        this.env = new LinkedHashMap<>(b.env);
        this.mounts = List.copyOf(b.mounts);
        this.clock = b.clock;
        this.random = b.random;
        this.zone = b.zone;
        this.rawStdio = b.rawStdio;
        this.terminal = b.terminal;
        this.registry = b.registry;
        this.instanceOptions = b.instanceOptions;
        this.workingDirectory = b.workingDirectory;
        this.sharedFiles = new LinkedHashMap<>(b.sharedFiles);
        this.directories = List.copyOf(b.directories);
    }

    /** {@return a new builder, with the defaults described on {@link Builder}} */
    public static Builder builder() {
        return new Builder();
    }

    /** The environment a program sees: Emscripten's defaults, then the embedder's variables. */
    List<String> environment(String programName) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("USER", "web_user");
        all.put("LOGNAME", "web_user");
        all.put("PATH", "/");
        all.put("PWD", "/"); // Emscripten's fixed default, whatever the current directory
        all.put("HOME", "/home/web_user");
        all.put("LANG", "C.UTF-8");
        all.put("_", programName);
        env.forEach((k, v) -> {
            if (v == null) {
                all.remove(k);
            } else {
                all.put(k, v);
            }
        });
        List<String> out = new ArrayList<>();
        all.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /**
     * Runs the program with {@code argv} ({@code argv[0]} is the program's name) and returns its
     * exit status: what {@code main} returned, or what it passed to {@code exit}; 1 after an abort
     * or an uncaught JavaScript-style C++ exception, reported on stderr as an optimised build's
     * runtime reports them under node ({@code Aborted(...)}, {@code exiting due to exception: ...}).
     * Runs on the calling thread and returns when the program has ended.
     *
     * @param program the program to run
     * @param argv the program's arguments, {@code argv[0]} first
     * @return the exit status
     * @throws IllegalArgumentException if {@code argv} is empty, or a zip archive cannot be mounted
     * @throws LinkException if the module imports something this host does not provide (named)
     * @throws EmscriptenLoadException if the module exports no {@code main},
     *     {@code __main_argc_argv} or {@code _start}, or the {@code .js} maps an import it lacks
     * @throws dev.ligature.core.runtime.Trap if the program traps (after stdout/stderr are flushed)
     */
    public int run(EmscriptenProgram program, List<String> argv) {
        return run(program, argv, new StartHooks() {});
    }

    /**
     * As {@link #run(EmscriptenProgram, List)}, with {@code hooks} taking part in starting the
     * program (see {@link #start(EmscriptenProgram, List, StartHooks)}).
     *
     * @param program the program to run
     * @param argv the program's arguments, {@code argv[0]} first
     * @param hooks the embedder's part in starting the program
     * @return the exit status
     */
    public int run(EmscriptenProgram program, List<String> argv, StartHooks hooks) {
        EmscriptenProcess process = newProcess(program, argv, hooks);
        try {
            return outcome(() -> {
                startProcess(process, hooks);
                return mainStatus(process.p);
            });
        } finally {
            process.p.close();
        }
    }

    /**
     * Starts {@code program} without running {@code main}: instantiates it with Emscripten's imports
     * (and {@code extra}, which wins where both bind an import), initialises the stack and runs the
     * constructors. The process is then driven through {@link EmscriptenProcess}; close it when done.
     *
     * @param program the program to start
     * @param argv the arguments {@link EmscriptenProcess#runMain()} passes, {@code argv[0]} first
     * @param extra the embedder's own imports, next to Emscripten's
     * @return the started process
     * @throws IllegalArgumentException if {@code argv} is empty, or a zip archive cannot be mounted
     * @throws LinkException if the module imports something neither this host nor {@code extra} provides
     * @throws dev.ligature.core.runtime.Trap if a constructor traps
     */
    public EmscriptenProcess start(EmscriptenProgram program, List<String> argv, Imports extra) {
        Objects.requireNonNull(extra, "extra");
        return start(program, argv, new StartHooks() {
            @Override
            public Object bindFirst(EmscriptenProcess process, dev.ligature.core.runtime.ImportType imp) {
                return extra.lookup(imp.module(), imp.name());
            }
        });
    }

    /**
     * Starts {@code program} as {@link #start(EmscriptenProgram, List, Imports)} does, with
     * {@code hooks} taking part: they bind imports before and after Emscripten's runtime and run
     * between instantiation and the constructors, and after the constructors.
     *
     * @param program the program to start
     * @param argv the arguments {@link EmscriptenProcess#runMain()} passes, {@code argv[0]} first
     * @param hooks the embedder's part in starting the program
     * @return the started process
     * @throws IllegalArgumentException if {@code argv} is empty, or a zip archive cannot be mounted
     * @throws LinkException if the module imports something neither this host nor {@code hooks} provides
     * @throws dev.ligature.core.runtime.Trap if a constructor traps
     */
    public EmscriptenProcess start(EmscriptenProgram program, List<String> argv, StartHooks hooks) {
        EmscriptenProcess process = newProcess(program, argv, hooks);
        try {
            startProcess(process, hooks);
        } catch (RuntimeException | Error e) {
            process.p.close();
            throw e;
        }
        return process;
    }

    /** A process of {@code program}, its file system built, nothing instantiated yet. */
    private EmscriptenProcess newProcess(EmscriptenProgram program, List<String> argv, StartHooks hooks) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv needs at least the program name");
        }
        Objects.requireNonNull(hooks, "hooks");
        return new EmscriptenProcess(this, new EmProcess(this, program, argv));
    }

    /**
     * As {@link #start(EmscriptenProgram, List, Imports)} with no imports of the embedder's own.
     *
     * @param program the program to start
     * @param argv the arguments {@code main} will get, {@code argv[0]} first
     * @return the started process
     */
    public EmscriptenProcess start(EmscriptenProgram program, List<String> argv) {
        return start(program, argv, Imports.empty());
    }

    private void startProcess(EmscriptenProcess process, StartHooks hooks) {
        EmProcess p = process.p;
        p.hooks = hooks;
        p.view = process;
        Imports imports = registry.imports(p, process, hooks);
        Instance instance = p.program.module().instantiate(imports, instanceOptions);
        p.attach(instance);
        hooks.instantiated(process);
        p.callIfExported("emscripten_stack_init");
        p.callIfExported("__wasm_call_ctors");
        hooks.constructed(process);
    }

    /** Runs main, then the runtime's exit (atexit handlers, stdio flush): the status main returned. */
    static int mainStatus(EmProcess p) {
        int status = p.callMain();
        p.hooks.mainReturned(p.view);
        p.exitRuntime();
        return status;
    }

    /** Runs {@code body} as the JavaScript runtime would report its end: an exit status, or 1 after an abort. */
    int outcome(java.util.function.IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (ProgramExit e) {
            // exit() already ran exitRuntime, which flushed; proc_exit/_exit do not flush a partial
            // line, and neither does Emscripten's runtime (under rawStdio nothing is held back).
            return e.status();
        } catch (EmscriptenAbort e) {
            // As an optimised build's runtime reports it under node; a partial line stays unprinted.
            writeDiagnostic(e.getMessage());
            writeDiagnostic("exiting due to exception: RuntimeError: " + e.getMessage() + ". Build with -s ASSERTIONS=1 for more info.");
            return 1;
        } catch (WasmThrow e) {
            // A native Wasm exception (-fwasm-exceptions) nobody caught, in JavaScript's words.
            writeDiagnostic("exiting due to exception: [object WebAssembly.Exception]");
            return 1;
        } catch (JsThrow e) {
            // JavaScript reports the thrown number: the exception object's address, or Infinity for longjmp.
            writeDiagnostic("exiting due to exception: " + (e.value < 0 ? "Infinity" : Long.toString(e.value)));
            return 1;
        }
    }

    private void writeDiagnostic(String message) {
        try {
            stderr.write((message + "\n").getBytes(StandardCharsets.UTF_8));
            stderr.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds an {@link EmscriptenHost}. Defaults: no stdin, output discarded, Emscripten's default
     * environment, no mounts, UTC, the system clock, a {@link SecureRandom}, output a line at a
     * time. Not thread-safe; every setter returns this builder.
     */
    public static final class Builder {
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private InputStream stdin;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Mount> mounts = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new SecureRandom();
        private ZoneId zone = ZoneOffset.UTC;
        private boolean rawStdio;
        private boolean terminal = true;
        private final ImportRegistry registry = ImportRegistry.standard();
        private InstanceOptions instanceOptions = InstanceOptions.DEFAULT;
        private String workingDirectory = "/";
        private final Map<String, byte[]> sharedFiles = new LinkedHashMap<>();
        private final List<String> directories = new ArrayList<>();

        private Builder() {}

        /**
         * Puts a read-only file into every run's file system. The bytes are shared by all runs, not
         * copied: the caller must not change them afterwards.
         *
         * @param guestPath where it appears, an absolute path (its parents are created in memory)
         * @param contents the file's bytes
         * @return this builder
         * @throws IllegalArgumentException if {@code guestPath} is not absolute
         */
        public Builder file(String guestPath, byte[] contents) {
            if (!guestPath.startsWith("/")) {
                throw new IllegalArgumentException("guest path must be absolute: " + guestPath);
            }
            sharedFiles.put(guestPath, Objects.requireNonNull(contents, "contents"));
            return this;
        }

        /**
         * Creates an empty, writable in-memory directory (and its parents) in every run's file system.
         *
         * @param guestPath an absolute path
         * @return this builder
         * @throws IllegalArgumentException if {@code guestPath} is not absolute
         */
        public Builder directory(String guestPath) {
            if (!guestPath.startsWith("/")) {
                throw new IllegalArgumentException("guest path must be absolute: " + guestPath);
            }
            directories.add(guestPath);
            return this;
        }

        /**
         * Sets the program's current directory, where relative paths (and library names without a
         * {@code /}) are looked up; {@code /} by default.
         *
         * @param guestPath an absolute path in the virtual file system; it must exist as a directory
         *     when a run starts (for example a mount point)
         * @return this builder
         * @throws IllegalArgumentException if {@code guestPath} is not absolute
         */
        public Builder workingDirectory(String guestPath) {
            if (!guestPath.startsWith("/")) {
                throw new IllegalArgumentException("the working directory must be an absolute path: " + guestPath);
            }
            this.workingDirectory = guestPath;
            return this;
        }

        /**
         * Sets where the program's standard output goes.
         *
         * @param out the stream for fd 1, {@code /dev/stdout} and {@code /dev/tty}; flushed, never closed
         * @return this builder
         * @throws NullPointerException if {@code out} is null
         */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out);
            return this;
        }

        /**
         * Sets where the program's standard error and the runner's diagnostics go.
         *
         * @param err the stream for fd 2 and {@code /dev/stderr}; flushed, never closed
         * @return this builder
         * @throws NullPointerException if {@code err} is null
         */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err);
            return this;
        }

        /**
         * Sets what the program reads from its standard input.
         *
         * @param in the stream for fd 0 and {@code /dev/stdin}, or null for none (end of file at
         *     once), the default
         * @return this builder
         */
        public Builder stdin(InputStream in) {
            this.stdin = in;
            return this;
        }

        /**
         * Sets an environment variable, over Emscripten's defaults ({@code USER=web_user},
         * {@code HOME=/home/web_user}, {@code LANG=C.UTF-8}, ...).
         *
         * @param name the variable's name, non-empty and without {@code =}
         * @param value its value, or null to remove a default
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is empty or contains {@code =}
         */
        public Builder env(String name, String value) {
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("bad environment variable name: " + name);
            }
            env.put(name, value);
            return this;
        }

        /**
         * Mounts a host directory into the virtual file system. Nothing outside it can be reached
         * through the mount.
         *
         * @param hostDirectory the host directory
         * @param guestPath where it appears, an absolute path (its parents are created in the
         *     virtual tree as needed)
         * @param readOnly whether the program is refused writes
         * @return this builder
         * @throws IllegalArgumentException if {@code hostDirectory} is not a directory, or
         *     {@code guestPath} is not absolute
         */
        public Builder mount(Path hostDirectory, String guestPath, boolean readOnly) {
            if (!Files.isDirectory(hostDirectory)) {
                throw new IllegalArgumentException("not a directory: " + hostDirectory);
            }
            mounts.add(new Mount(hostDirectory, guestPath, readOnly));
            return this;
        }

        /**
         * Mounts a zip archive read-only: its entries appear as files and directories. The archive
         * is opened when each run starts and closed when it ends.
         *
         * @param zip the archive
         * @param guestPath where its root appears, an absolute path
         * @return this builder
         * @throws IllegalArgumentException if {@code zip} is not a regular file, or {@code guestPath}
         *     is not absolute
         */
        public Builder mountZip(Path zip, String guestPath) {
            if (!Files.isRegularFile(zip)) {
                throw new IllegalArgumentException("not a file: " + zip);
            }
            mounts.add(new Mount(zip, guestPath, true));
            return this;
        }

        /**
         * Sets the wall clock the program sees.
         *
         * @param clock the clock of {@code time()}, {@code gettimeofday()}, {@code clock_gettime(CLOCK_REALTIME)}
         *     and file times; the monotonic clock is always {@link System#nanoTime()}
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Sets the program's source of random bytes, for example a seeded generator for reproducible
         * runs.
         *
         * @param random the source of {@code getentropy()}, {@code random_get} and {@code /dev/urandom}
         * @return this builder
         * @throws NullPointerException if {@code random} is null
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /**
         * Sets the program's local time zone.
         *
         * @param zone the zone of {@code localtime()}, {@code mktime()} and {@code tzset()}; UTC by default
         * @return this builder
         * @throws NullPointerException if {@code zone} is null
         */
        public Builder timeZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /**
         * Chooses how the program's stdout and stderr bytes reach the streams.
         *
         * @param raw true to pass the bytes through unchanged; false (the default) to write them a line
         *     at a time as under node (NUL bytes dropped, a final partial line ended with a newline)
         * @return this builder
         */
        public Builder rawStdio(boolean raw) {
            this.rawStdio = raw;
            return this;
        }

        /**
         * Chooses whether the standard streams answer as terminals ({@code isatty}, terminal
         * ioctls): true by default, as Emscripten's TTY device does under node. A host whose streams
         * are files or pipes says false, so that programs which ask (CPython's buffering and
         * coloured tracebacks) behave as they would on a pipe.
         *
         * @param terminal whether fds 0, 1 and 2 are terminals
         * @return this builder
         */
        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        /**
         * Sets the options of each run's instance.
         *
         * @param options the memory cap and memory backing; {@link InstanceOptions#DEFAULT} by default
         * @return this builder
         * @throws NullPointerException if {@code options} is null
         */
        public Builder instanceOptions(InstanceOptions options) {
            this.instanceOptions = java.util.Objects.requireNonNull(options, "options");
            return this;
        }

        /** {@return a host with this builder's settings; the builder may be reused} */
        public EmscriptenHost build() {
            return new EmscriptenHost(this);
        }
    }
}
