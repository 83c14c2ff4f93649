package dev.ligature.emscripten;

import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.WasmFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A started Emscripten program that the embedder drives: its instance and memory, its C exports
 * (by their C names, minified builds included), {@code malloc}/{@code free} and C strings, its
 * virtual file system and environment, and {@code main} when the embedder wants it. Made by
 * {@link EmscriptenHost#start}; the stack is initialised and the constructors have run.
 * {@link EmscriptenHost#run} is {@code start}, {@link #runMain()} and {@link #close()}.
 *
 * <p>Used by one thread at a time, except {@link #interrupt()}, which any thread may call to stop
 * running code with the trap "interrupted" (the process stays usable). A memory cap comes from
 * {@link EmscriptenHost.Builder#instanceOptions}.
 */
public final class EmscriptenProcess implements AutoCloseable {
    private final EmscriptenHost host;
    final EmProcess p;
    private boolean mainRan;
    private boolean closed;
    /** Other instances running this process's code (side modules), interrupted with it. */
    private final java.util.List<Instance> adopted = new java.util.concurrent.CopyOnWriteArrayList<>();

    EmscriptenProcess(EmscriptenHost host, EmProcess p) {
        this.host = host;
        this.p = p;
    }

    /** {@return the program's instance} */
    public Instance instance() {
        return p.instance;
    }

    /** {@return the program's linear memory} */
    public Memory memory() {
        return p.memory;
    }

    /**
     * {@return the program's function table: the one it exports, or the one bound to its
     * {@code __indirect_function_table} import; null for a program that has neither}
     */
    public dev.ligature.core.runtime.Table table() {
        return p.table;
    }

    /** {@return the program this process runs} */
    public EmscriptenProgram program() {
        return p.program;
    }

    /**
     * The runtime's own implementation of the import called {@code name}, typed {@code type}, bound
     * to this process: what a dynamic linker binds a side module's import of a runtime function
     * ({@code fd_write}, {@code emscripten_memcpy_big}, {@code invoke_vii}, ...) to.
     *
     * @param name the import's name
     * @param type the type the importer declares
     * @return the function, or empty if the runtime implements no such import
     */
    public java.util.Optional<WasmFunction> runtimeFunction(String name, dev.ligature.core.types.FuncType type) {
        return java.util.Optional.ofNullable(host.registry.function(p, name, type));
    }

    /**
     * Runs {@code body} with {@code s} as a NUL-terminated UTF-8 string on the program's C stack, as
     * Emscripten's runtime passes strings to C ({@code withStackSave} + {@code stringToUTF8OnStack}):
     * the heap is not touched, and the stack is restored afterwards.
     *
     * @param s the string
     * @param body what to run with the string's address
     * @param <T> the result type
     * @return what {@code body} returned
     */
    public <T> T withStackString(String s, java.util.function.LongFunction<T> body) {
        long sp = p.stackSave();
        try {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            long ptr = p.stackAlloc(b.length + 1);
            p.memory.write(ptr, b);
            p.memory.storeI8(ptr + b.length, (byte) 0);
            return body.apply(ptr);
        } finally {
            p.stackRestore(sp);
        }
    }

    /**
     * Whether {@code path} names a regular file in the program's virtual file system (following
     * symbolic links), as Emscripten's dynamic loader checks library candidates.
     *
     * @param path an absolute path, or one relative to the program's current directory
     * @return true for a regular file
     */
    public boolean isRegularFile(String path) {
        try {
            return p.fs.resolve(path, p.fs.cwd).isFile();
        } catch (FsError e) {
            return false;
        }
    }

    /** {@return the arguments {@link #runMain()} passes, {@code argv[0]} first} */
    public List<String> argv() {
        return p.argv;
    }

    /** {@return the environment the program sees, as {@code NAME=value} strings} */
    public List<String> environment() {
        return p.environment;
    }

    /**
     * The exported function the program's C code knows as {@code name} (in a minified build, the
     * export the {@code .js} maps it to).
     *
     * @param name the C name, e.g. {@code "malloc"} or {@code "my_function"}
     * @return the function
     * @throws NoSuchElementException if the program exports no function of that name
     */
    public WasmFunction function(String name) {
        WasmFunction f = p.function(name);
        if (f == null) {
            throw new NoSuchElementException("the program exports no function \"" + name + "\"");
        }
        return f;
    }

    /**
     * Allocates {@code size} bytes with the program's {@code malloc}.
     *
     * @param size the number of bytes
     * @return the address, 0 if {@code malloc} failed
     * @throws NoSuchElementException if the program does not export {@code malloc} (build with
     *     {@code -sEXPORTED_FUNCTIONS=_malloc,_free})
     */
    public long malloc(long size) {
        function("malloc");
        return p.malloc(size);
    }

    /**
     * Frees {@code ptr} with the program's {@code free}.
     *
     * @param ptr an address {@link #malloc} returned, or 0
     * @throws NoSuchElementException if the program does not export {@code free}
     */
    public void free(long ptr) {
        function("free");
        p.free(ptr);
    }

    /**
     * Copies {@code s} into memory {@link #malloc}'d for it, as UTF-8 with a terminating NUL.
     *
     * @param s the string
     * @return its address; {@link #free} it when done
     * @throws IllegalStateException if {@code malloc} fails
     */
    public long newCString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long ptr = malloc(b.length + 1L);
        if (ptr == 0) {
            throw new IllegalStateException("malloc(" + (b.length + 1) + ") failed");
        }
        p.memory.write(ptr, b);
        p.memory.storeI8(ptr + b.length, (byte) 0);
        return ptr;
    }

    /**
     * {@return the NUL-terminated UTF-8 string at {@code ptr}}
     *
     * @param ptr the address of its first byte
     */
    public String readCString(long ptr) {
        return p.cString(ptr);
    }

    /**
     * Runs {@code main} with {@link #argv()}, then the runtime's exit (atexit handlers, flushing
     * stdio), as {@link EmscriptenHost#run} does, and reports the end as node would: an
     * {@code exit()} or {@code main}'s return gives its status, an abort or an uncaught exception
     * prints its diagnostic to stderr and gives 1. Runs once per process.
     *
     * @return the exit status
     * @throws IllegalStateException if {@code main} already ran
     * @throws EmscriptenLoadException if the program exports no {@code main}, {@code __main_argc_argv} or {@code _start}
     * @throws dev.ligature.core.runtime.Trap if the program traps
     */
    public int runMain() {
        if (mainRan) {
            throw new IllegalStateException("main already ran in this process");
        }
        mainRan = true;
        return host.outcome(() -> EmscriptenHost.mainStatus(p));
    }

    /**
     * The contents of a file in the program's virtual file system (its in-memory files, its mounts).
     *
     * @param path an absolute path, or one relative to the program's current directory
     * @return the bytes
     * @throws IOException if there is no such regular file (the message names the errno)
     */
    public byte[] readFile(String path) throws IOException {
        try {
            Node n = p.fs.resolve(path, p.fs.cwd);
            if (!n.isFile()) {
                throw new IOException(path + ": not a regular file");
            }
            long size = n.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(path + ": too large to read into one array (" + size + " bytes)");
            }
            byte[] out = new byte[(int) size];
            int done = 0;
            while (done < out.length) {
                int k = n.read(done, out, done, out.length - done);
                if (k <= 0) {
                    break;
                }
                done += k;
            }
            return done == out.length ? out : java.util.Arrays.copyOf(out, done);
        } catch (FsError e) {
            throw new IOException(path + ": " + "errno " + e.errno);
        }
    }

    /**
     * Creates or replaces a file in the program's virtual file system.
     *
     * @param path an absolute path, or one relative to the program's current directory; its directory must exist
     * @param data the new contents
     * @throws IOException if the file cannot be written (a read-only mount, a missing directory, ...)
     */
    public void writeFile(String path, byte[] data) throws IOException {
        try {
            int fd = p.fs.open(path, p.fs.cwd, OpenFile.O_WRONLY | OpenFile.O_CREAT | OpenFile.O_TRUNC, 0666);
            try {
                Node n = p.fs.get(fd).node;
                int done = 0;
                while (done < data.length) {
                    int k = n.write(done, data, done, data.length - done);
                    if (k <= 0) {
                        throw new IOException(path + ": short write");
                    }
                    done += k;
                }
            } finally {
                p.fs.close(fd);
            }
        } catch (FsError e) {
            throw new IOException(path + ": " + "errno " + e.errno);
        }
    }

    /** Interrupts deadlines on one daemon thread for all processes; started on first use. */
    private static final class Deadlines {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ligature-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} (calls into this process) with a time limit: if it is still running after
     * {@code limit}, its Wasm code stops with the trap "interrupted", which {@code work} throws. A
     * deadline that passes after {@code work} has returned changes nothing: no interrupt is left
     * pending for later calls.
     *
     * @param limit how long {@code work} may run
     * @param work what to run, on the calling thread
     * @param <T> its result type
     * @return what {@code work} returned
     * @throws dev.ligature.core.runtime.Trap with kind {@code INTERRUPTED} if the deadline passed
     */
    public <T> T withDeadline(Duration limit, Supplier<T> work) {
        Object lock = new Object();
        boolean[] done = {false};
        ScheduledFuture<?> timer = Deadlines.TIMER.schedule(() -> {
            synchronized (lock) {
                if (!done[0]) {
                    interrupt();
                }
            }
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return work.get();
        } finally {
            timer.cancel(false);
            synchronized (lock) {
                done[0] = true;
            }
            // A request that fired as work was returning, and so was not consumed by a trap, is withdrawn.
            p.instance.clearInterrupt();
            for (Instance i : adopted) {
                i.clearInterrupt();
            }
        }
    }

    /** Asks running code of this process to stop with the trap "interrupted"; callable from any thread. */
    public void interrupt() {
        p.instance.interrupt();
        for (Instance i : adopted) {
            i.interrupt();
        }
    }

    /**
     * Makes {@code instance} part of this process for {@link #interrupt()} and
     * {@link #withDeadline}: a dynamic linker adopts each side module it instantiates, so a runaway
     * loop in a library stops like one in the main module.
     *
     * @param instance another instance sharing this process's memory
     */
    public void adopt(Instance instance) {
        adopted.add(java.util.Objects.requireNonNull(instance, "instance"));
    }

    /** Releases what the process holds open (its mounted archives); flushes nothing more. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            p.close();
        }
    }
}
