package dev.ligature.cli;

import dev.ligature.core.runtime.InstanceOptions;
import dev.ligature.jit.JitEngine;
import dev.ligature.jit.JitOptions;
import dev.ligature.spectest.Failure;
import dev.ligature.spectest.FileResult;
import dev.ligature.spectest.JsonReport;
import dev.ligature.spectest.SkipList;
import dev.ligature.spectest.RuntimeExecutor;
import dev.ligature.spectest.SpecRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * {@code ligature wast}: runs WAST scripts through the spec-test runner and reports per file.
 *
 * @param engine the engine named on the command line, which runs the modules; recorded in the
 *     JSON report
 * @param json where to write the JSON report, or null
 * @param suiteRoot the root that skip entries are relative to, or null to detect it per PATH
 * @param paths the files and directories to run
 * @param help whether {@code --help} was given
 */
record WastCommand(Engine engine, Path json, Path suiteRoot, List<Path> paths, boolean help) {
    /** How many failures of one file the per-file line lists. */
    static final int FIRST_FAILURES = 3;

    enum Engine {
        INTERPRETER,
        COMPILER;

        String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static WastCommand parse(String[] args) throws UsageException {
        Engine engine = Engine.INTERPRETER;
        Path json = null;
        Path suiteRoot = null;
        List<Path> paths = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && (arg.equals("--help") || arg.equals("-h"))) {
                return new WastCommand(engine, json, suiteRoot, paths, true);
            } else if (options && arg.startsWith("-") && !arg.equals("-")) {
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (!name.equals("--engine") && !name.equals("--json") && !name.equals("--suite-root")) {
                    throw new UsageException("wast: unknown option '" + arg + "'");
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("wast: option " + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (value.isEmpty()) {
                    throw new UsageException("wast: option " + name + " needs a non-empty value");
                }
                switch (name) {
                    case "--engine" -> engine = switch (value) {
                        case "interpreter" -> Engine.INTERPRETER;
                        case "compiler" -> Engine.COMPILER;
                        default -> throw new UsageException(
                                "wast: unknown engine '" + value + "' (expected interpreter or compiler)");
                    };
                    case "--json" -> json = Path.of(value);
                    default -> suiteRoot = Path.of(value);
                }
            } else {
                paths.add(Path.of(arg));
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("wast: no PATH given (a .wast file or a directory of them)");
        }
        return new WastCommand(engine, json, suiteRoot, paths, false);
    }

    int run(PrintStream out, PrintStream err) throws UsageException {
        if (help) {
            out.print(Main.USAGE_TEXT);
            return Main.OK;
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UsageException("wast: no such file or directory: " + p);
            }
        }
        if (suiteRoot != null && !Files.isDirectory(suiteRoot)) {
            throw new UsageException("wast: --suite-root is not a directory: " + suiteRoot);
        }
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            if (Files.isDirectory(json) || parent == null || !Files.isDirectory(parent)) {
                throw new UsageException("wast: cannot write the JSON report to " + json
                        + " (it must be a file in an existing directory)");
            }
        }

        // Eager: every function compiles. -Dligature.jit.* and -Dligature.memory.backing override the defaults.
        InstanceOptions instanceOptions = Overrides.instanceOptions();
        RuntimeExecutor executor = engine == Engine.COMPILER
                ? new RuntimeExecutor(new JitEngine(Overrides.jitOptions(JitOptions.Compilation.EAGER)), instanceOptions)
                : new RuntimeExecutor(instanceOptions);
        SpecRunner runner = new SpecRunner(SkipList.bundled(), executor);
        LinkedHashMap<String, FileResult> results = new LinkedHashMap<>();
        long passed = 0;
        long failed = 0;
        long skipped = 0;
        for (Path path : paths) {
            boolean dir = Files.isDirectory(path);
            List<Path> files = dir ? SpecRunner.findScripts(path) : List.of(path);
            if (files.isEmpty()) {
                err.println("ligature: warning: no .wast files under " + path);
            }
            Path root = suiteRoot != null ? suiteRoot : detectSuiteRoot(path);
            for (Path file : files) {
                FileResult r = runner.runFile(file, root);
                String key = dir ? SpecRunner.suitePath(file, path) : String.valueOf(file.getFileName());
                if (results.containsKey(key)) {
                    key = dir ? path.resolve(key).toString() : file.toString();
                }
                results.put(key, r);
                printFile(out, key, r);
                passed += r.passed();
                failed += r.failed();
                skipped += r.skipped();
            }
        }
        out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");

        if (json != null) {
            try {
                Files.writeString(json, JsonReport.toJson(engine.cliName(), results));
            } catch (IOException e) {
                err.println("ligature: cannot write the JSON report to " + json + ": " + e.getMessage());
                return Main.FAILED;
            }
        }
        return failed == 0 ? Main.OK : Main.FAILED;
    }

    private static void printFile(PrintStream out, String key, FileResult r) {
        out.println(key + ": " + r.passed() + " passed, " + r.failed() + " failed, " + r.skipped() + " skipped");
        List<Failure> failures = r.failures();
        for (int i = 0; i < Math.min(FIRST_FAILURES, failures.size()); i++) {
            out.println("    " + failures.get(i));
        }
        if (failures.size() > FIRST_FAILURES) {
            out.println("    ... and " + (failures.size() - FIRST_FAILURES) + " more");
        }
    }

    /**
     * The directory that skip-file paths are relative to: the nearest directory at or above
     * {@code path} that has a {@code proposals} folder (the layout of WebAssembly/testsuite), so that
     * running a sub-folder of the suite still honours entries like {@code dir proposals/threads/};
     * otherwise the directory given (or a file's folder).
     */
    static Path detectSuiteRoot(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path start = Files.isDirectory(abs) ? abs : abs.getParent();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("proposals"))) {
                return d;
            }
        }
        return start;
    }
}
