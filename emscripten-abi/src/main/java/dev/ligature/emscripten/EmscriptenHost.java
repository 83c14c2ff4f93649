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
 * module's {@code env.*} and {@code wasi_snapshot_preview1.*} imports by name (see
 * {@link ImportRegistry} for the names each Emscripten release uses), starts the program as that
 * runtime does (constructors, {@code main} with argc/argv, atexit handlers, exit status), and gives
 * it a virtual file system with Emscripten's semantics.
 *
 * <pre>{@code
 * EmscriptenHost host = EmscriptenHost.builder()
 *         .stdout(System.out).stderr(System.err)
 *         .env("GREETING", "hi")
 *         .mount(Path.of("data"), "/data", true)
 *         .build();
 * int status = host.run(EmscriptenProgram.load(Path.of("prog.js"), new Interpreter()), List.of("prog", "arg"));
 * }</pre>
 *
 * A host is immutable and may run many programs; every run gets a fresh file system (host mounts
 * are shared: they are the host's directories).
 */
public final class EmscriptenHost {
    /** A host directory (or, for {@link Builder#mountZip}, a zip archive) mounted into the virtual file system. */
    public record Mount(Path hostDirectory, String guestPath, boolean readOnly) {
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
    final ImportRegistry registry;
    final InstanceOptions instanceOptions;

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
        this.registry = b.registry;
        this.instanceOptions = b.instanceOptions;
    }

    /** A builder with the defaults described on {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The environment a program sees: Emscripten's defaults, then the embedder's variables. */
    List<String> environment(String programName) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("USER", "web_user");
        all.put("LOGNAME", "web_user");
        all.put("PATH", "/");
        all.put("PWD", "/");
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
     *
     * @throws LinkException if the module imports something this host does not provide (named)
     * @throws dev.ligature.core.runtime.Trap if the program traps (after stdout/stderr are flushed)
     */
    public int run(EmscriptenProgram program, List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv needs at least the program name");
        }
        EmProcess p = new EmProcess(this, program, argv);
        try {
            return run(p);
        } finally {
            p.close();
        }
    }

    private int run(EmProcess p) {
        Imports imports = registry.imports(p);
        Instance instance = p.program.module().instantiate(imports, instanceOptions);
        p.attach(instance);
        try {
            p.callIfExported("emscripten_stack_init");
            p.callIfExported("__wasm_call_ctors");
            int status = p.callMain();
            p.exitRuntime();
            return status;
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

    /** Builds an {@link EmscriptenHost}. Defaults: no stdin, output discarded, UTC, real clock, secure random. */
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
        private final ImportRegistry registry = ImportRegistry.standard();
        private InstanceOptions instanceOptions = InstanceOptions.DEFAULT;

        private Builder() {}

        /** Where the program's fd 1 (and /dev/stdout, /dev/tty) writes. */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out);
            return this;
        }

        /** Where the program's fd 2 (and /dev/stderr) writes. */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err);
            return this;
        }

        /** What the program reads from fd 0; none (end of file at once) by default. */
        public Builder stdin(InputStream in) {
            this.stdin = in;
            return this;
        }

        /** Sets a variable; a null value removes one of Emscripten's defaults (USER, HOME, ...). */
        public Builder env(String name, String value) {
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("bad environment variable name: " + name);
            }
            env.put(name, value);
            return this;
        }

        /**
         * Mounts the host directory {@code hostDirectory} at {@code guestPath} (created in the
         * virtual tree as needed). Nothing outside it can be reached through the mount.
         */
        public Builder mount(Path hostDirectory, String guestPath, boolean readOnly) {
            if (!Files.isDirectory(hostDirectory)) {
                throw new IllegalArgumentException("not a directory: " + hostDirectory);
            }
            mounts.add(new Mount(hostDirectory, guestPath, readOnly));
            return this;
        }

        /**
         * Mounts the zip archive {@code zip} read-only at {@code guestPath}: its entries appear as
         * files and directories (the archive stays open while the host is in use).
         */
        public Builder mountZip(Path zip, String guestPath) {
            if (!Files.isRegularFile(zip)) {
                throw new IllegalArgumentException("not a file: " + zip);
            }
            mounts.add(new Mount(zip, guestPath, true));
            return this;
        }

        /** The wall clock for time(), gettimeofday(), file times; the monotonic clock is System.nanoTime. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The source of getentropy(), random_get and /dev/urandom. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** The local time zone of localtime(), mktime() and tzset() (UTC by default). */
        public Builder timeZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /**
         * Passes stdout/stderr bytes through unchanged. By default they go out a line at a time as
         * under node (NUL dropped, a final partial line ends with a newline).
         */
        public Builder rawStdio(boolean raw) {
            this.rawStdio = raw;
            return this;
        }

        /** Options of the program's instance (memory cap, memory backing); {@link InstanceOptions#DEFAULT} by default. */
        public Builder instanceOptions(InstanceOptions options) {
            this.instanceOptions = java.util.Objects.requireNonNull(options, "options");
            return this;
        }

        /** The host; the builder may be reused. */
        public EmscriptenHost build() {
            return new EmscriptenHost(this);
        }
    }
}
