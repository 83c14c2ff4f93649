package dev.ligature.bench.python;

import dev.ligature.jit.JitEngine;
import dev.ligature.python.InterpreterOptions;
import dev.ligature.python.PyodideDistribution;
import dev.ligature.python.PythonInterpreter;
import dev.ligature.python.PythonProgram;
import dev.ligature.python.PythonRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.ObjectName;

/**
 * Issue 14's in-JVM Python figures, through the public embedding API only (no timing hooks in the python module):
 * driven by {@code harness/python-bench.mjs}, which also times {@code ligature python FILE} processes and node +
 * Pyodide from outside. Every mode prints JSON lines on stdout.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.ligature.bench.python.PythonBench steady ROUNDS FILE...
 *   java -cp benchmarks.jar dev.ligature.bench.python.PythonBench startup [lazy|eager]
 *   java -cp benchmarks.jar dev.ligature.bench.python.PythonBench many COUNT THREADS
 * </pre>
 *
 * <ul>
 *   <li>{@code steady}: one runtime; ROUNDS times, every workload script in a new interpreter
 *       ({@code runMain}, as {@code ligature python FILE} does); the script's own lines (workload, pass, ms) are
 *       printed with the round added, so the last round is the JVM's steady state.</li>
 *   <li>{@code startup}: the parts of a cold start, each step timed separately: the JVM's uptime when main
 *       starts, reading the bundled distribution, decode+validate ({@code PythonRuntime.create}; with
 *       {@code eager} also compiling every function), the first interpreter (instantiation, compiling and loading
 *       the classes of every function it calls, CPython's {@code main()}), running {@code pass}, a set of
 *       imports, and a second interpreter in the same JVM (everything already compiled: the difference to the
 *       first is class generation and loading plus the JVM's own warm-up).</li>
 *   <li>{@code many}: COUNT interpreters of one runtime alive at once, each with its own stdout, then all of them
 *       running code on THREADS threads; heap and loaded classes as interpreters are added, wall time, and
 *       whether each interpreter's output is exactly its own.</li>
 * </ul>
 */
public final class PythonBench {
    private PythonBench() {}

    static final String IMPORTS = "import json, re, decimal, hashlib, asyncio, email.message, argparse, dataclasses, typing, "
            + "pathlib, traceback";

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "steady" -> steady(Integer.parseInt(args[1]), List.of(args).subList(2, args.length));
            case "startup" -> startup(args.length > 1 ? args[1] : "lazy");
            case "many" -> many(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> {
                System.err.println("usage: PythonBench steady ROUNDS FILE... | startup [lazy|eager] | many COUNT THREADS");
                System.exit(2);
            }
        }
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void steady(int rounds, List<String> files) throws IOException {
        PythonRuntime runtime = PythonRuntime.shared();
        List<PythonProgram> programs = new ArrayList<>();
        for (String f : files) {
            programs.add(new PythonProgram.Script(f, Files.readString(Path.of(f), StandardCharsets.UTF_8)));
        }
        for (int round = 1; round <= rounds; round++) {
            for (PythonProgram p : programs) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int status;
                try (PythonInterpreter py = runtime.newInterpreter(InterpreterOptions.builder().stdout(out).stderr(err).build())) {
                    status = py.runMain(p, List.of());
                }
                if (status != 0) {
                    System.err.print(err.toString(StandardCharsets.UTF_8));
                    throw new IllegalStateException(((PythonProgram.Script) p).fileName() + " exited with " + status);
                }
                for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("{")) {
                        System.out.println("{\"round\": " + round + ", " + line.substring(1));
                    }
                }
                System.out.flush();
            }
        }
    }

    private static void startup(String compilation) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long t = System.nanoTime();
        PyodideDistribution d = PyodideDistribution.bundled().orElseThrow();
        double distribution = ms(t);
        t = System.nanoTime();
        PythonRuntime runtime = PythonRuntime.create(d, compilation.equals("eager") ? JitEngine.eager() : JitEngine.lazy());
        double decode = ms(t);
        int classes0 = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t = System.nanoTime();
        PythonInterpreter first = runtime.newInterpreter(InterpreterOptions.builder().stdout(out).stderr(out).build());
        double boot1 = ms(t);
        int classes1 = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        t = System.nanoTime();
        first.exec("pass");
        double pass = ms(t);
        t = System.nanoTime();
        first.exec(IMPORTS);
        double imports = ms(t);
        int classes2 = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        t = System.nanoTime();
        PythonInterpreter second = runtime.newInterpreter(InterpreterOptions.builder().stdout(out).stderr(out).build());
        double boot2 = ms(t);
        t = System.nanoTime();
        second.exec(IMPORTS);
        double imports2 = ms(t);
        int classes3 = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        first.close();
        second.close();
        System.out.println("{\"kind\": \"startup\", \"compilation\": \"" + compilation + "\", \"jvmUptimeAtMain\": " + uptime
                + ", \"distribution\": " + num(distribution) + ", \"decodeValidate\": " + num(decode)
                + ", \"firstInterpreter\": " + num(boot1) + ", \"pass\": " + num(pass) + ", \"imports\": " + num(imports)
                + ", \"secondInterpreter\": " + num(boot2) + ", \"secondImports\": " + num(imports2)
                + ", \"classesBeforeBoot\": " + classes0 + ", \"classesAfterBoot\": " + classes1
                + ", \"classesAfterImports\": " + classes2 + ", \"classesAfterSecond\": " + classes3
                + ", \"jvmJitMs\": " + ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
                + ", \"totalMs\": " + ManagementFactory.getRuntimeMXBean().getUptime() + "}");
    }

    /** Heap in use after two full collections, in bytes. */
    private static long heapUsed() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }

    /** Live instances per class name containing {@code fragment}, from the JVM's class histogram (GC.class_histogram). */
    private static String histogram(String... classNames) throws Exception {
        String h = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        StringBuilder sb = new StringBuilder("{");
        for (String name : classNames) {
            long count = 0;
            for (String line : h.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[3].equals(name)) {
                    count += Long.parseLong(f[1]);
                }
            }
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(name.substring(name.lastIndexOf('.') + 1)).append("\": ").append(count);
        }
        return sb.append('}').toString();
    }

    private static void many(int count, int threads) throws Exception {
        PythonRuntime runtime = PythonRuntime.shared();
        // One interpreter made and dropped first, so the baseline has the runtime's compiled classes loaded.
        try (PythonInterpreter warm = runtime.newInterpreter(InterpreterOptions.builder()
                .stdout(new ByteArrayOutputStream()).stderr(new ByteArrayOutputStream()).build())) {
            warm.exec("x = sum(i * i for i in range(20000))");
        }
        long heap0 = heapUsed();
        long rss0 = rssKb();
        int classes0 = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.println("{\"kind\": \"many-step\", \"interpreters\": 0, \"heapMB\": " + num(heap0 / 1048576.0) + ", \"rssMB\": "
                + num(rss0 / 1024.0) + ", \"classes\": " + classes0 + "}");
        List<PythonInterpreter> interpreters = new ArrayList<>();
        List<ByteArrayOutputStream> outs = new ArrayList<>();
        long t = System.nanoTime();
        String backing = null;
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PythonInterpreter py = runtime.newInterpreter(InterpreterOptions.builder().stdout(out).stderr(out).build());
            py.set("ID", (long) i);
            interpreters.add(py);
            outs.add(out);
            if (backing == null) {
                backing = String.valueOf(py.process().process().memory().backing());
            }
            int n = i + 1;
            if (n == 1 || n == 10 || n == 25 || n == 50 || n == count) {
                System.out.println("{\"kind\": \"many-step\", \"interpreters\": " + n + ", \"heapMB\": " + num(heapUsed() / 1048576.0)
                        + ", \"rssMB\": " + num(rssKb() / 1024.0) + ", \"classes\": "
                        + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + "}");
                System.out.flush();
            }
        }
        double createMs = ms(t);
        long heap1 = heapUsed();
        long rss1 = rssKb();
        int classes1 = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        String counts = histogram("dev.ligature.core.runtime.WasmModule", "dev.ligature.python.PythonRuntime",
                "dev.ligature.python.PythonInterpreter", "dev.ligature.core.runtime.Instance");

        // Every interpreter runs the same code ROUNDS times, in parallel on THREADS threads; each prints lines
        // naming itself, so any output reaching another interpreter's stream shows.
        String code = """
                import json as _j
                _acc = 0
                for _k in range(30000):
                    _acc = (_acc + _k * ID) % 1000003
                _d = _j.loads(_j.dumps({"id": ID, "v": [ID] * 50}))
                print(f"interpreter {ID} round {ROUND}: {_acc} {sum(_d['v'])}")
                """;
        int rounds = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        t = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (PythonInterpreter py : interpreters) {
                int r = round;
                futures.add(pool.submit(() -> {
                    py.set("ROUND", (long) r);
                    py.exec(code);
                }));
            }
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double runMs = ms(t);
        pool.shutdown();
        int wrong = 0;
        for (int i = 0; i < count; i++) {
            StringBuilder want = new StringBuilder();
            long acc = 0;
            for (long k = 0; k < 30000; k++) {
                acc = (acc + k * i) % 1000003;
            }
            for (int round = 1; round <= rounds; round++) {
                want.append("interpreter ").append(i).append(" round ").append(round).append(": ").append(acc).append(' ')
                        .append(50L * i).append('\n');
            }
            String got = outs.get(i).toString(StandardCharsets.UTF_8);
            if (!got.contentEquals(want)) {
                wrong++;
                if (wrong <= 3) {
                    System.err.println("interpreter " + i + " printed:\n" + got + "expected:\n" + want);
                }
            }
        }
        int classes2 = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        long heap2 = heapUsed();
        System.out.println("{\"kind\": \"many\", \"interpreters\": " + count + ", \"threads\": " + threads + ", \"memoryBacking\": \""
                + backing + "\", \"createMs\": " + num(createMs) + ", \"runs\": " + count * rounds + ", \"runMs\": " + num(runMs)
                + ", \"heapBeforeMB\": " + num(heap0 / 1048576.0) + ", \"heapAfterMB\": " + num(heap1 / 1048576.0)
                + ", \"heapAfterRunMB\": " + num(heap2 / 1048576.0)
                + ", \"heapPerInterpreterMB\": " + num((heap1 - heap0) / 1048576.0 / count)
                + ", \"rssBeforeMB\": " + num(rss0 / 1024.0) + ", \"rssAfterMB\": " + num(rss1 / 1024.0)
                + ", \"rssPerInterpreterMB\": " + num((rss1 - rss0) / 1024.0 / count)
                + ", \"classesBefore\": " + classes0 + ", \"classesAfter\": " + classes1 + ", \"classesAfterRun\": " + classes2
                + ", \"liveInstances\": " + counts + ", \"wrongOutputs\": " + wrong + "}");
        for (PythonInterpreter py : interpreters) {
            py.close();
        }
        if (wrong > 0) {
            System.exit(1);
        }
    }
}
