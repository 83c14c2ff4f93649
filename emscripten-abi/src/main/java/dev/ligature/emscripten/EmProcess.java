package dev.ligature.emscripten;

import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.runtime.WasmFunction;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One run of a program: the state Emscripten's JavaScript runtime keeps beside the instance (file
 * system, environment, tempRet0, the C++ exceptions being caught) and access to the exports the
 * runtime calls (stack, malloc, setThrew, ...).
 */
final class EmProcess {
    final EmscriptenHost host;
    final EmscriptenProgram program;
    final List<String> argv;
    final List<String> environment;
    final Vfs fs;
    /** Zip archives mounted for this run, closed when it ends. */
    final java.util.List<ZipFile> archives = new java.util.ArrayList<>();
    final Abi abi;
    /** The embedder's part in this run (no-ops unless a dynamic linker or the like takes part). */
    StartHooks hooks = new StartHooks() {};
    EmscriptenProcess view;
    Instance instance;
    Memory memory;
    Table table;
    int tempRet0;
    boolean runtimeExited;
    /** C++ exceptions (JavaScript style): the catch-info records of active catch blocks, and the last thrown. */
    final ArrayDeque<Long> caught = new ArrayDeque<>();
    long exceptionLast;
    int uncaughtExceptions;
    final long startNanos = System.nanoTime();

    EmProcess(EmscriptenHost host, EmscriptenProgram program, List<String> argv) {
        this.host = host;
        this.program = program;
        this.argv = List.copyOf(argv);
        this.environment = host.environment(argv.get(0));
        this.fs = buildFileSystem(host, archives);
        if (!host.workingDirectory.equals("/")) {
            try {
                Node dir = fs.resolve(host.workingDirectory, fs.root);
                if (!dir.isDir()) {
                    throw new IllegalArgumentException("the working directory is not a directory: " + host.workingDirectory);
                }
                fs.cwd = dir;
            } catch (FsError e) {
                throw new IllegalArgumentException("the working directory does not exist: " + host.workingDirectory);
            }
        }
        this.abi = Abi.of(program);
        if (!usesFileSystem(program)) {
            for (int fd = 1; fd <= 2; fd++) {
                if (fs.get(fd).node instanceof Devices.Tty t) {
                    t.nulEndsLine = true;
                }
            }
        }
    }

    /**
     * Whether emcc linked its file system in: a program that opens no files is built without it,
     * and its runtime prints through a path where a NUL byte ends the line.
     */
    private static boolean usesFileSystem(EmscriptenProgram program) {
        for (var i : program.module().imports()) {
            String n = program.importName(i);
            if (n.equals("__syscall_open") || n.equals("__syscall_openat") || n.equals("fd_read") || n.equals("__syscall_ioctl")) {
                return true;
            }
        }
        return false;
    }

    private static Vfs buildFileSystem(EmscriptenHost host, List<ZipFile> archives) {
        MemNodes.Space space = new MemNodes.Space(() -> host.clock.millis());
        Vfs fs = new Vfs(space);
        MemNodes.Dir root = fs.root;
        root.mkdir("tmp", 0777);
        MemNodes.Dir home = (MemNodes.Dir) root.mkdir("home", 0777);
        home.mkdir("web_user", 0777);
        MemNodes.Dir dev = (MemNodes.Dir) root.mkdir("dev", 0777);
        dev.attach("null", new Devices.Null(space.nextIno()));
        dev.attach("tty", new Devices.Tty(space.nextIno(), host.stdin, host.stdout, host.rawStdio));
        dev.attach("random", new Devices.Random(space.nextIno(), host.random));
        dev.attach("urandom", new Devices.Random(space.nextIno(), host.random));
        dev.mkdir("shm", 0777).mkdir("tmp", 0777);
        Devices.Tty stdin = dev.attach("stdin", new Devices.Tty(space.nextIno(), host.stdin, null, host.rawStdio));
        Devices.Tty stdout = dev.attach("stdout", new Devices.Tty(space.nextIno(), null, host.stdout, host.rawStdio));
        Devices.Tty stderr = dev.attach("stderr", new Devices.Tty(space.nextIno(), null, host.stderr, host.rawStdio));
        root.mkdir("proc", 0777).mkdir("self", 0777).mkdir("fd", 0777);
        for (Devices.Tty t : new Devices.Tty[] {stdin, stdout, stderr}) {
            t.terminal = host.terminal;
        }
        fs.install(new OpenFile(stdin, OpenFile.O_RDONLY, "/dev/stdin"), 0);
        fs.install(new OpenFile(stdout, OpenFile.O_WRONLY, "/dev/stdout"), 1);
        fs.install(new OpenFile(stderr, OpenFile.O_WRONLY, "/dev/stderr"), 2);
        for (String d : host.directories) {
            mkdirs(fs, d);
        }
        host.sharedFiles.forEach((path, bytes) -> attachAt(fs, path, new MemNodes.SharedFile(space, bytes)));
        for (EmscriptenHost.Mount m : host.mounts) {
            mount(fs, m, archives);
        }
        return fs;
    }

    private static void mount(Vfs fs, EmscriptenHost.Mount m, List<ZipFile> archives) {
        Node mounted;
        if (Files.isRegularFile(m.hostDirectory())) {
            try {
                ZipFile zip = new ZipFile(m.hostDirectory().toFile());
                archives.add(zip);
                mounted = ZipNodes.mount(zip);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot mount " + m.hostDirectory() + " as a zip archive: " + e.getMessage(), e);
            }
        } else {
            mounted = hostDirectory(m);
        }
        attachAt(fs, m.guestPath(), mounted);
    }

    private static Node hostDirectory(EmscriptenHost.Mount m) {
        Path real;
        try {
            real = m.hostDirectory().toRealPath();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot mount " + m.hostDirectory() + ": " + e.getMessage(), e);
        }
        return new HostNodes.Dir(new HostNodes.Mount(real, m.readOnly()), real, real.hashCode() & 0x7fffffffL | (1L << 41));
    }

    /** Creates {@code guestPath} and its parents as in-memory directories where they are missing. */
    private static void mkdirs(Vfs fs, String guestPath) {
        Node dir = fs.root;
        for (String part : guestPath.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IllegalArgumentException("a directory path must not contain '..': " + guestPath);
            }
            Node next = dir.lookup(part);
            if (next == null) {
                next = dir.mkdir(part, 0777);
            }
            if (!next.isDir()) {
                throw new IllegalArgumentException("not a directory: " + guestPath);
            }
            dir = next;
        }
    }

    private static void attachAt(Vfs fs, String guestPath, Node mounted) {
        Node dir = fs.root;
        String[] parts = guestPath.split("/");
        int last = parts.length - 1;
        while (last >= 0 && parts[last].isEmpty()) {
            last--;
        }
        if (last < 0) {
            throw new IllegalArgumentException("cannot mount over /");
        }
        for (int i = 0; i < last; i++) {
            if (parts[i].isEmpty() || parts[i].equals(".")) {
                continue;
            }
            if (parts[i].equals("..")) {
                throw new IllegalArgumentException("mount point must not contain '..': " + guestPath);
            }
            Node next = dir.lookup(parts[i]);
            if (next == null) {
                next = dir.mkdir(parts[i], 0777);
            }
            if (!(next instanceof MemNodes.Dir)) {
                throw new IllegalArgumentException("mount point parent is not an in-memory directory: " + guestPath);
            }
            dir = next;
        }
        ((MemNodes.Dir) dir).attach(parts[last], mounted);
    }

    /** The function table the program imports (older emcc builds), when it does not export one. */
    Table importedTable;

    void attach(Instance instance) {
        this.instance = instance;
        Object mem = export("memory");
        this.memory = mem instanceof Memory m ? m : instance.hasMemory() ? instance.memory() : null;
        if (memory == null) {
            throw new EmscriptenLoadException("the module has no memory");
        }
        Object t = export("__indirect_function_table");
        this.table = t instanceof Table tt ? tt : importedTable;
    }

    /** The export the runtime knows as {@code name} (its minified name resolved), or null. */
    Object export(String name) {
        return instance.export(program.exportName(name)).orElse(null);
    }

    WasmFunction function(String name) {
        return export(name) instanceof WasmFunction f ? f : null;
    }

    WasmFunction requireFunction(String name) {
        WasmFunction f = function(name);
        if (f == null) {
            throw new EmscriptenAbort("the module does not export " + name + ", which the runtime needs here");
        }
        return f;
    }

    void callIfExported(String name) {
        WasmFunction f = function(name);
        if (f != null) {
            f.call(new long[f.type().paramSlots()], null, new long[f.type().resultSlots()], null);
        }
    }

    int callMain() {
        WasmFunction main = function("main");
        if (main == null) {
            main = function("__main_argc_argv");
        }
        if (main == null && function("_start") != null) {
            // A standalone (WASI) build: _start reads argv through args_get and ends in proc_exit.
            function("_start").call(new long[0], null, new long[0], null);
            return 0;
        }
        if (main == null) {
            throw new EmscriptenLoadException("the module exports no main, __main_argc_argv or _start");
        }
        long[] args = new long[main.type().paramSlots()];
        // emcc leaves out the stack allocator when main does not read its parameters; its
        // JavaScript then passes argc = 0 and argv = NULL, and so do we.
        if (args.length >= 2 && (function("stackAlloc") != null || function("_emscripten_stack_alloc") != null)) {
            int argc = argv.size();
            long argvPtr = stackAlloc(4L * (argc + 1));
            for (int i = 0; i < argc; i++) {
                memory.storeI32(argvPtr + 4L * i, (int) stringOnStack(argv.get(i)));
            }
            memory.storeI32(argvPtr + 4L * argc, 0);
            args[0] = argc;
            args[1] = argvPtr;
        }
        long[] result = new long[Math.max(1, main.type().resultSlots())];
        main.call(args, null, result, null);
        return main.type().resultSlots() == 0 ? 0 : (int) result[0];
    }

    private long stringOnStack(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long p = stackAlloc(b.length + 1);
        memory.write(p, b);
        memory.storeI8(p + b.length, (byte) 0);
        return p;
    }

    /** Allocates on the C stack through the module's stackAlloc (3.1.x) or _emscripten_stack_alloc (later). */
    long stackAlloc(long size) {
        WasmFunction f = function("stackAlloc");
        if (f == null) {
            f = function("_emscripten_stack_alloc");
        }
        if (f == null) {
            return malloc(size);
        }
        return f.call(size)[0] & 0xFFFFFFFFL;
    }

    long malloc(long size) {
        return requireFunction("malloc").call(size)[0] & 0xFFFFFFFFL;
    }

    void free(long ptr) {
        WasmFunction f = function("free");
        if (f != null) {
            f.call(ptr);
        }
    }

    long stackSave() {
        WasmFunction f = function("stackSave");
        if (f == null) {
            f = function("emscripten_stack_get_current");
        }
        return f == null ? 0 : f.call()[0] & 0xFFFFFFFFL;
    }

    void stackRestore(long sp) {
        WasmFunction f = function("stackRestore");
        if (f == null) {
            f = function("_emscripten_stack_restore");
        }
        if (f != null) {
            f.call(sp);
        }
    }

    void setThrew(int threw, int value) {
        requireFunction("setThrew").call(threw, value);
    }

    /** Sets the C errno through the module's __errno_location, as the JS runtime's setErrNo does. */
    void setErrno(int errno) {
        WasmFunction f = function("__errno_location");
        if (f != null) {
            memory.storeI32(f.call()[0] & 0xFFFFFFFFL, errno);
        }
    }

    /** Runs atexit handlers and flushes stdio, once, as Emscripten's exitRuntime does with EXIT_RUNTIME. */
    void exitRuntime() {
        if (runtimeExited) {
            return;
        }
        runtimeExited = true;
        callIfExported("__funcs_on_exit");
        callIfExported("__stdio_exit");
        fs.flushAll();
    }

    /** Closes the zip archives of this run. */
    void close() {
        for (ZipFile z : archives) {
            try {
                z.close();
            } catch (IOException ignored) {
                // read-only archive: nothing to lose
            }
        }
    }

    /** Milliseconds since the epoch by the host's clock (JavaScript's Date.now()). */
    long nowMillis() {
        return host.clock.millis();
    }

    /** Milliseconds since start, fractional (performance.now()). */
    double perfNow() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    String cString(long ptr) {
        return memory.readCString(ptr);
    }

    /** Writes {@code s} as a NUL-terminated UTF-8 string at {@code ptr}; returns the bytes written without the NUL. */
    int writeCString(long ptr, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        memory.write(ptr, b);
        memory.storeI8(ptr + b.length, (byte) 0);
        return b.length;
    }
}
