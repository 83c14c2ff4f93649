package dev.ligature.bench.suite;

import dev.ligature.bench.interp.KernelRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every kernel once at its benchmark size on every engine of this build and records whether the checksum
 * matched, or why the engine could not run the kernel (compile error, unsupported feature, trap, wrong checksum).
 * {@code run.sh} runs it before JMH, so the report names each failure with its reason instead of a missing figure.
 * It also tries each Pyodide startup step of {@link StartupBenchmark} once, and writes the kernels' benchmark sizes
 * (the node harness runs the same sizes).
 *
 * <p>{@code java -cp benchmarks.jar dev.ligature.bench.suite.Check OUT.json [engine...]}
 */
public final class Check {
    /** A kernel taking longer than this once is reported as a failure; the suite could not measure it anyway. */
    private static final long TIMEOUT_SECONDS = 120;

    private Check() {}

    /**
     * Instantiates {@code kernel} on {@code runner} and checks one {@code run} at the benchmark size.
     *
     * @throws IllegalStateException if the checksum is wrong
     */
    public static KernelRunner.KernelCall verified(KernelRunner runner, CKernel kernel) {
        KernelRunner.KernelCall call = runner.instantiate(kernel, kernel.binary());
        int size = kernel.benchmarkSize();
        long expected = kernel.expected(size);
        long actual = call.run(size);
        if (actual != expected) {
            throw new IllegalStateException("wrong checksum: " + runner.engine() + " computed " + actual + " for "
                    + kernel.fileName() + "(" + size + "), the native build " + expected);
        }
        return call;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: Check OUT.json [engine...]");
            System.exit(2);
        }
        List<String> engines = args.length > 1 ? List.of(args).subList(1, args.length) : Engines.available();
        StringBuilder json = new StringBuilder("{\n  \"kernels\": {\n");
        boolean allOk = true;
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "check");
            t.setDaemon(true); // a kernel that never returns must not keep the JVM alive
            return t;
        });
        CKernel[] kernels = CKernel.values();
        for (int k = 0; k < kernels.length; k++) {
            CKernel kernel = kernels[k];
            json.append("    \"").append(kernel.fileName()).append("\": {");
            for (int e = 0; e < engines.size(); e++) {
                String engine = engines.get(e);
                String outcome = outcome(pool, engine, kernel);
                allOk &= outcome.equals("ok");
                System.out.printf("%-12s %-22s %s%n", kernel.fileName(), engine, outcome);
                json.append(e == 0 ? "" : ", ").append('"').append(engine).append("\": \"").append(escape(outcome))
                        .append('"');
            }
            json.append(k == kernels.length - 1 ? "}\n" : "},\n");
        }
        json.append("  },\n  \"sizes\": {");
        for (int k = 0; k < kernels.length; k++) {
            json.append(k == 0 ? "" : ", ").append('"').append(kernels[k].fileName()).append("\": ")
                    .append(kernels[k].benchmarkSize());
        }
        json.append("},\n  \"startup\": {");
        String[] steps = {"pyodideDecodeValidate", "pyodideCompile", "pyodidePrepareLazy", "pyodideInstantiate"};
        for (int i = 0; i < steps.length; i++) {
            String outcome = startupOutcome(pool, steps[i]);
            System.out.printf("%-35s %s%n", steps[i], outcome);
            json.append(i == 0 ? "" : ", ").append('"').append(steps[i]).append("\": \"").append(escape(outcome))
                    .append('"');
        }
        json.append("}\n}\n");
        Files.writeString(Path.of(args[0]), json, StandardCharsets.UTF_8);
        pool.shutdownNow();
        System.out.println(allOk ? "every engine computed every checksum" : "some engines failed some kernels (above)");
        System.exit(0);
    }

    private static String outcome(ExecutorService pool, String engine, CKernel kernel) throws InterruptedException {
        String outcome = outcome(pool.submit(() -> verified(Engines.byName(engine), kernel)));
        // A known gap gets its explanation first; a wrong checksum is reported as it is, never explained away.
        return KnownGaps.reason(engine, kernel)
                .filter(reason -> outcome.startsWith("failed: ") && !outcome.contains("wrong checksum"))
                .map(reason -> "failed: " + reason + " [" + outcome.substring("failed: ".length()).strip() + "]")
                .orElse(outcome);
    }

    /** Runs one startup step of {@link StartupBenchmark} once. */
    private static String startupOutcome(ExecutorService pool, String step) throws InterruptedException {
        return outcome(pool.submit(() -> {
            StartupBenchmark startup = new StartupBenchmark();
            startup.setUp();
            return switch (step) {
                case "pyodideDecodeValidate" -> startup.pyodideDecodeValidate();
                case "pyodideCompile" -> startup.pyodideCompile();
                case "pyodidePrepareLazy" -> startup.pyodidePrepareLazy();
                default -> startup.pyodideInstantiate();
            };
        }));
    }

    private static String outcome(Future<?> run) throws InterruptedException {
        try {
            run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return "ok";
        } catch (TimeoutException e) {
            run.cancel(true);
            return "failed: no result within " + TIMEOUT_SECONDS + " s";
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
            String text = cause.getClass().getSimpleName() + message;
            return "failed: " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
