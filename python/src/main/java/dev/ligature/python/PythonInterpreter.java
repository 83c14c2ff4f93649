package dev.ligature.python;

import dev.ligature.core.runtime.InstanceOptions;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.dylink.DylinkOptions;
import dev.ligature.dylink.DylinkProcess;
import dev.ligature.emscripten.EmscriptenHost;
import dev.ligature.emscripten.EmscriptenProcess;
import dev.ligature.emscripten.ProgramExit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One CPython interpreter: its own memory, file system, streams and {@code __main__} namespace, on
 * the compiled code of its {@link PythonRuntime}. Run code with {@link #exec}, evaluate expressions
 * to Java values with {@link #eval}, move values in with {@link #set}. Python exceptions reach Java
 * as {@link PythonException} and leave the interpreter usable. Any thread may use an interpreter,
 * one at a time (calls are serialised); {@link #interrupt()} may come from any thread.
 *
 * <p>Values cross as: None - null, bool - Boolean, int - Long (or BigInteger beyond 64 bits),
 * float - Double, str - String, bytes - byte[], list - List, tuple - unmodifiable List (from Java:
 * Object[]), dict - Map.
 */
public final class PythonInterpreter implements AutoCloseable {
    /** How long a deadline's {@code KeyboardInterrupt} may take before the interpreter is stopped hard. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final DylinkProcess dylink;
    private final EmscriptenProcess process;
    private final PyodideImports host;
    private final CApi c;
    private final long mainDict;
    private final long hostDict;
    private final Object lock = new Object();
    private volatile boolean broken;
    private boolean closed;

    private PythonInterpreter(DylinkProcess dylink, PyodideImports host) {
        this.dylink = dylink;
        this.process = dylink.process();
        this.host = host;
        this.c = new CApi(process);
        boot();
        this.mainDict = c.moduleDict("__main__");
        c.incRef(mainDict); // kept even if code replaces sys.modules['__main__']
        this.hostDict = c.newDict();
        c.setItem(hostDict, "__builtins__", c.builtins());
        check(run(resource("host.py"), "<ligature host>", hostDict));
        // No JavaScript: the JS FFI's modules are absent, so importing them is a clean ImportError.
        check(run("for _m in ('_pyodide_core', 'js', 'pyodide_js'):\n    sys.modules[_m] = None\ndel _m\n",
                "<ligature host>", hostDict));
    }

    static PythonInterpreter boot(PythonRuntime runtime, InterpreterOptions o) {
        EmscriptenHost.Builder b = EmscriptenHost.builder().stdout(o.stdout).stderr(o.stderr).stdin(o.stdin)
                .rawStdio(true).terminal(o.terminal)
                .file("/lib/python314.zip", runtime.distribution().stdlib())
                .directory("/lib/python3.14/site-packages").directory("/lib/python3.14/lib-dynload")
                .directory("/home/pyodide")
                .env("HOME", "/home/pyodide")
                .env("LD_LIBRARY_PATH", "/usr/lib:/lib/python3.14/site-packages");
        o.env.forEach(b::env);
        for (InterpreterOptions.Mount m : o.mounts) {
            b.mount(m.host(), m.guest(), m.readOnly());
        }
        b.workingDirectory(o.cwd);
        if (o.maxMemoryBytes > 0) {
            b.instanceOptions(InstanceOptions.DEFAULT.withMaxMemoryPages((o.maxMemoryBytes + 65535) / 65536));
        }
        PyodideImports imports = new PyodideImports();
        DylinkProcess dp = DylinkProcess.start(b.build(), runtime.program(), List.of(o.argv0),
                DylinkOptions.of(runtime.engine()).withCache(runtime.cache()), imports);
        imports.process = dp.process();
        try {
            return new PythonInterpreter(dp, imports);
        } catch (RuntimeException | Error e) {
            dp.close();
            throw e;
        }
    }

    /** Pyodide's {@code main()}: configures and initialises CPython, then returns (the process stays). */
    private void boot() {
        long arg0 = process.newCString(process.argv().get(0));
        long argv = process.malloc(8);
        process.memory().storeI32(argv, (int) arg0);
        process.memory().storeI32(argv + 4, 0);
        int status = process.function("__main_argc_argv").callInt(1, (int) argv);
        if (status != 0) {
            throw new IllegalStateException("CPython's initialisation failed with status " + status);
        }
        // Let CPython poll for signals, so an interrupt becomes KeyboardInterrupt (pyodide.md §3.3).
        if (process.instance().exports().get("Py_EMSCRIPTEN_SIGNAL_HANDLING") instanceof dev.ligature.core.runtime.Global g) {
            process.memory().storeI8(g.getInt() & 0xFFFFFFFFL, (byte) 1);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PythonInterpreter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles and runs {@code source} as a module body in {@code dict}: the result object, or 0 with an exception set. */
    private long run(String source, String filename, long dict) {
        long code = c.compile(source, filename, CApi.FILE_INPUT);
        if (code == 0) {
            return 0;
        }
        try {
            return c.evalCode(code, dict, dict);
        } finally {
            c.decRef(code);
        }
    }

    /** Throws the pending Python exception as a {@link PythonException} when {@code result} is 0; else releases it. */
    private void check(long result) {
        if (result != 0) {
            c.decRef(result);
            return;
        }
        throw pythonException();
    }

    private PythonException pythonException() {
        long exc = c.takeException();
        if (exc == 0) {
            return new PythonException("SystemError", "a C API call failed without setting an exception", "", 1);
        }
        try {
            long described = c.call(c.getItem(hostDict, "describe"), exc);
            if (described == 0) {
                c.decRef(c.takeException());
                return new PythonException("SystemError", "the exception could not be described", "", 1);
            }
            try {
                List<?> d = (List<?>) ValueCodec.decode(c.bytes(described));
                return new PythonException((String) d.get(0), (String) d.get(1), (String) d.get(2), ((Long) d.get(3)).intValue());
            } finally {
                c.decRef(described);
            }
        } finally {
            c.decRef(exc);
        }
    }

    /** Calls host.py's {@code name} with one value from Java; returns the result object (new reference). */
    private long callHost(String name, Object arg) {
        long bytes = c.newBytes(ValueCodec.encode(arg));
        if (bytes == 0) {
            throw pythonException();
        }
        try {
            long value = c.call(c.getItem(hostDict, "decode"), bytes);
            if (value == 0) {
                throw pythonException();
            }
            try {
                long result = c.call(c.getItem(hostDict, name), value);
                if (result == 0) {
                    throw pythonException();
                }
                return result;
            } finally {
                c.decRef(value);
            }
        } finally {
            c.decRef(bytes);
        }
    }

    private Object toJava(long obj) {
        long encoded = c.call(c.getItem(hostDict, "encode"), obj);
        if (encoded == 0) {
            throw pythonException();
        }
        try {
            return ValueCodec.decode(c.bytes(encoded));
        } finally {
            c.decRef(encoded);
        }
    }

    private <T> T locked(Supplier<T> work) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the interpreter is closed");
            }
            if (broken) {
                throw new IllegalStateException("the interpreter stopped in the middle of C code (a trap, an abort, or a hard stop"
                        + " of code that ignored KeyboardInterrupt) and cannot run more code");
            }
            try {
                return work.get();
            } catch (Trap | dev.ligature.emscripten.EmscriptenAbort | ProgramExit | dev.ligature.core.runtime.WasmThrow | Error e) {
                // A trap, an abort or a stop in the middle of C code leaves CPython's state unknown:
                // nothing more may run in this interpreter.
                broken = true;
                throw e;
            } finally {
                flushStreams();
            }
        }
    }

    private void flushStreams() {
        if (!broken && !closed) {
            long r = c.call(c.getItem(hostDict, "flush"), hostDict);
            if (r == 0) {
                c.decRef(c.takeException());
            } else {
                c.decRef(r);
            }
        }
    }

    /**
     * Runs {@code code} (statements) in {@code __main__}.
     *
     * @param code Python source
     * @throws PythonException if it raises (a {@code SyntaxError} included)
     */
    public void exec(String code) {
        Objects.requireNonNull(code, "code");
        locked(() -> {
            check(run(code, "<string>", mainDict));
            return null;
        });
    }

    /**
     * Evaluates an expression in {@code __main__} and converts its value to Java.
     *
     * @param expression a Python expression
     * @return the value (see the class description for the types)
     * @throws PythonException if it raises, or its value has no Java form ({@code TypeError})
     */
    public Object eval(String expression) {
        Objects.requireNonNull(expression, "expression");
        return locked(() -> {
            long code = c.compile(expression, "<string>", CApi.EVAL_INPUT);
            if (code == 0) {
                throw pythonException();
            }
            long value;
            try {
                value = c.evalCode(code, mainDict, mainDict);
            } finally {
                c.decRef(code);
            }
            if (value == 0) {
                throw pythonException();
            }
            try {
                return toJava(value);
            } finally {
                c.decRef(value);
            }
        });
    }

    /**
     * Binds a global of {@code __main__} to a value from Java.
     *
     * @param name the variable
     * @param value null, Boolean, Integer/Long/BigInteger, Float/Double, String, byte[], List, Object[], Map
     * @throws IllegalArgumentException if the value (or something in it) has no Python form
     */
    public void set(String name, Object value) {
        Objects.requireNonNull(name, "name");
        byte[] encoded = ValueCodec.encode(value); // fails before touching the interpreter
        locked(() -> {
            long bytes = c.newBytes(encoded);
            long obj = c.call(c.getItem(hostDict, "decode"), bytes);
            c.decRef(bytes);
            if (obj == 0) {
                throw pythonException();
            }
            try {
                if (c.setItem(mainDict, name, obj) != 0) {
                    throw pythonException();
                }
            } finally {
                c.decRef(obj);
            }
            return null;
        });
    }

    /**
     * The value of a global of {@code __main__}, converted to Java.
     *
     * @param name the variable
     * @return its value
     * @throws NoSuchElementException if {@code __main__} has no such global
     */
    public Object get(String name) {
        Objects.requireNonNull(name, "name");
        return locked(() -> {
            long obj = c.getItem(mainDict, name);
            if (obj == 0) {
                throw new NoSuchElementException("name '" + name + "' is not defined");
            }
            return toJava(obj);
        });
    }

    /**
     * Runs a program as the {@code python} command does and returns its exit status: a traceback on
     * stderr and 1 for an uncaught exception, {@code sys.exit}'s status, 0 otherwise. CPython is
     * finalised afterwards (atexit handlers run, streams flushed): the interpreter is then closed.
     *
     * @param program what to run
     * @param args {@code sys.argv[1:]}
     * @return the exit status
     */
    public int runMain(PythonProgram program, List<String> args) {
        Objects.requireNonNull(program, "program");
        List<String> argv = new ArrayList<>();
        String path0;
        switch (program) {
            case PythonProgram.Command cmd -> {
                argv.add("-c");
                path0 = "";
            }
            case PythonProgram.Script s -> {
                argv.add(s.fileName());
                int slash = s.fileName().lastIndexOf('/');
                path0 = slash < 0 ? "" : slash == 0 ? "/" : s.fileName().substring(0, slash);
            }
            case PythonProgram.Module m -> {
                argv.add("-m");
                path0 = "";
            }
        }
        argv.addAll(args);
        synchronized (lock) {
            if (closed || broken) {
                throw new IllegalStateException("the interpreter is closed");
            }
            closed = true;
            try {
                c.decRef(callHost("set_argv", List.of(argv, path0)));
                c.decRef(callHost("set_executable", process.argv().get(0)));
                long result = switch (program) {
                    case PythonProgram.Command cmd -> run(cmd.code(), "<string>", mainDict);
                    case PythonProgram.Script s -> {
                        c.decRef(callHost("set_main_file", s.fileName()));
                        if (!s.fileName().startsWith("<")) {
                            c.decRef(callHost("place_script", List.of(s.fileName(), s.source().getBytes(StandardCharsets.UTF_8))));
                        }
                        yield run(s.source(), s.fileName(), mainDict);
                    }
                    // Called from C, as CPython's -m does, so no frame of ours shows in a traceback.
                    case PythonProgram.Module m -> c.callModuleFunction("runpy", "_run_module_as_main", m.name());
                };
                if (result == 0) {
                    int status = uncaught();
                    finish();
                    return status;
                }
                c.decRef(result);
                return finish();
            } catch (ProgramExit e) {
                return e.status();
            } finally {
                dylink.close();
            }
        }
    }

    /**
     * What the {@code python} command does with an exception that ends the program: the status of a
     * {@code SystemExit} (its message printed if it is not a number), else the traceback through
     * {@code sys.excepthook} and 1.
     */
    private int uncaught() {
        long exc = c.takeException();
        long status = c.call(c.getItem(hostDict, "exit_status"), exc);
        Object s = status == 0 ? null : toJava(status);
        c.decRef(status);
        if (s instanceof Long code) {
            c.decRef(exc);
            return code.intValue();
        }
        c.restoreException(exc); // steals the reference
        c.printError();
        return 1;
    }

    /** {@code Py_FinalizeEx}: atexit handlers, flushing; 120 if flushing failed, as CPython exits. */
    private int finish() {
        WasmFunction fin = process.function("Py_FinalizeEx");
        return fin.call()[0] < 0 ? 120 : 0;
    }

    /** Interrupts deadlines on one daemon thread for all interpreters. */
    private static final class Deadlines {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ligature-python-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} (calls into this interpreter) with a time limit: when it passes, Python gets a
     * {@code KeyboardInterrupt} (which {@code work} then throws as a {@link PythonException}); code
     * that ignores it for two more seconds is stopped hard, with a trap, and the interpreter cannot
     * be used again.
     *
     * @param limit how long {@code work} may run
     * @param work what to run on the calling thread
     * @param <T> its result type
     * @return what {@code work} returned
     */
    public <T> T withDeadline(Duration limit, Supplier<T> work) {
        Object done = new Object();
        boolean[] finished = {false};
        ScheduledFuture<?> soft = Deadlines.TIMER.schedule(this::interrupt, limit.toNanos(), TimeUnit.NANOSECONDS);
        ScheduledFuture<?> hard = Deadlines.TIMER.schedule(() -> {
            synchronized (done) {
                if (!finished[0]) {
                    process.interrupt();
                }
            }
        }, limit.plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        try {
            return work.get();
        } finally {
            soft.cancel(false);
            hard.cancel(false);
            synchronized (done) {
                finished[0] = true;
            }
            host.sigintPending = false;
        }
    }

    /** Raises {@code KeyboardInterrupt} in the running Python code (soon after: at its next check); callable from any thread. */
    public void interrupt() {
        host.sigintPending = true;
    }

    /** {@return the underlying process (memory, file system), for what this API does not cover} */
    public DylinkProcess process() {
        return dylink;
    }

    /** Releases the interpreter; idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                dylink.close();
            }
        }
    }
}
