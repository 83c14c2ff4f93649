package dev.ligature.bench.suite;

import dev.ligature.core.runtime.Engine;
import dev.ligature.dylink.Dlfcn;
import dev.ligature.dylink.DylinkOptions;
import dev.ligature.dylink.DylinkProcess;
import dev.ligature.dylink.Library;
import dev.ligature.dylink.SideModuleCache;
import dev.ligature.emscripten.EmscriptenHost;
import dev.ligature.emscripten.EmscriptenProgram;
import dev.ligature.jit.JitEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 13: the time of one {@code dlopen("libdata.so", RTLD_NOW)} in a new process of the emcc 3.1.6 main module
 * {@code dylink/fixtures/main.js} (µs). Each invocation starts a new {@link DylinkProcess} (not timed) and times
 * only the load: reading the file, the cache look-up (SHA-256 of the bytes), placing the library in memory and
 * table, linking and instantiating it, its relocations and constructors.
 *
 * <ul>
 *   <li>{@code load=warm}: the side module is already compiled (a cache shared across invocations, primed in the
 *       trial's setup), as for every process after the first in a JVM. Target: under 1 ms.
 *   <li>{@code load=cold}: a fresh {@link SideModuleCache} per invocation, so the load also decodes, validates and
 *       compiles the module (with the lazy compiler, the functions run during the load are compiled on their first
 *       call, inside the timed part).
 * </ul>
 *
 * Sample time (every invocation timed): the report gives the median next to the mean, since on a 2-core machine a
 * few descheduled or GC-paused loads move the mean of a sub-millisecond operation by tens of percent. The peer is node running the same main module ({@code benchmarks/harness/dlopen-bench.mjs}, in the same
 * {@code run.sh}). The fixtures directory is {@code -Dligature.dylinkFixtures}, else {@code dylink/fixtures} or
 * {@code ../dylink/fixtures} relative to the current directory.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DlopenBenchmark {
    /** What {@code side_func(21)} returns: {@code main_func(21) + 100}, a call from the side module into the main. */
    static final int SIDE_FUNC_21 = 142;

    @Param({"ligature-compiler", "ligature-interpreter"})
    public String engine;

    @Param({"warm", "cold"})
    public String load;

    private Engine wasmEngine;
    private EmscriptenProgram main;
    private EmscriptenHost host;
    private SideModuleCache cache;
    private DylinkProcess process;
    private Library library;

    /** The fixtures directory: {@code -Dligature.dylinkFixtures}, else found from the repository root or a module. */
    static Path fixtures() {
        String property = System.getProperty("ligature.dylinkFixtures");
        List<Path> candidates = property != null ? List.of(Path.of(property))
                : List.of(Path.of("dylink/fixtures"), Path.of("../dylink/fixtures"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("main.js")) && Files.isRegularFile(p.resolve("libdata.so"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no dylink fixtures (main.js, libdata.so) at " + candidates
                + ": run from the repository root or pass -Dligature.dylinkFixtures=DIR");
    }

    @Setup(Level.Trial)
    public void setUpTrial() throws IOException {
        wasmEngine = switch (engine) {
            case "ligature-compiler" -> JitEngine.lazy();
            case "ligature-interpreter" -> Engine.interpreter();
            default -> throw new IllegalArgumentException("no dlopen figure for " + engine);
        };
        if (!load.equals("warm") && !load.equals("cold")) {
            throw new IllegalArgumentException("load is warm or cold, not " + load);
        }
        Path dir = fixtures();
        main = EmscriptenProgram.load(dir.resolve("main.js"), wasmEngine);
        host = EmscriptenHost.builder().stdout(OutputStream.nullOutputStream()).stderr(OutputStream.nullOutputStream())
                .mount(dir, "/fixtures", true).workingDirectory("/fixtures").build();
        cache = new SideModuleCache();
        if (load.equals("warm")) {
            // Compile once, as the first process of a JVM would.
            newProcess();
            library = process.dlopen("libdata.so", Dlfcn.RTLD_NOW);
            tearDownInvocation();
        }
    }

    private void newProcess() {
        process = DylinkProcess.start(host, main, List.of("./this.program"), DylinkOptions.of(wasmEngine).withCache(cache));
    }

    @Setup(Level.Invocation)
    public void setUpInvocation() {
        if (load.equals("cold")) {
            cache = new SideModuleCache();
        }
        newProcess();
    }

    @Benchmark
    public Library dlopen() {
        return library = process.dlopen("libdata.so", Dlfcn.RTLD_NOW);
    }

    /** Checks the load (a call from Java into the library and from it into the main module), then ends the process. */
    @TearDown(Level.Invocation)
    public void tearDownInvocation() {
        try {
            int got = library.function("side_func").callInt(21);
            if (got != SIDE_FUNC_21) {
                throw new IllegalStateException("side_func(21) = " + got + ", want " + SIDE_FUNC_21);
            }
            if (cache.compilations() != 1) { // warm: the trial's one compilation; cold: this invocation's
                throw new IllegalStateException(cache.compilations() + " compilations in this " + load + " cache, want 1");
            }
        } finally {
            process.close();
            library = null;
        }
    }
}
