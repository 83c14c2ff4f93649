package dev.ligature.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code ligature} command. Exit status: 0 on success, 1 when a test failed, 2 on a usage
 * error.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: ligature --version | --help | COMMAND [ARGS]

            Commands:
              wast [--engine interpreter|compiler] [--json FILE] [--suite-root DIR] PATH...
                  Runs WebAssembly test scripts. PATH is a .wast file or a directory searched
                  recursively for *.wast files. Prints one line per file, then the totals as
                  'N passed, N failed, N skipped'. Exits 0 only when no command failed.
                  --engine      execution engine to use (default: interpreter). The compiler
                                compiles every function of every module up front, and the run
                                fails a module if any of its functions would run interpreted.
                                Commands are skipped only through spec-tests/skips.txt
                  --json FILE   also write per-file counts as JSON to FILE
                  --suite-root  directory that the skip file's paths are relative to (default:
                                the nearest directory at or above PATH that has a 'proposals'
                                folder, as the WebAssembly/testsuite root has; else PATH itself)
              compile MODULE.wasm [-o MODULE.jar]
                  Compiles every function of MODULE.wasm to JVM classes and writes them to a jar
                  (default: beside the module), which later runs load instead of compiling. The
                  jar records the module's SHA-256 and the engine build; any other module or
                  build refuses it.
            """ + RunCommand.USAGE + PythonCommand.USAGE + """

            Options:
              --version   prints the version
              --help      prints this help
            """;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit status; never calls {@code System.exit}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            Overrides.check();
            switch (args[0]) {
                case "--version", "-V", "version" -> {
                    out.println("ligature " + Version.get());
                    return OK;
                }
                case "--help", "-h", "help" -> {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                case "compile" -> {
                    return CompileCommand.parse(Arrays.copyOfRange(args, 1, args.length)).run(out, err);
                }
                case "wast" -> {
                    return WastCommand.parse(Arrays.copyOfRange(args, 1, args.length)).run(out, err);
                }
                case "run" -> {
                    return RunCommand.parse(Arrays.copyOfRange(args, 1, args.length)).run(System.in, out, err);
                }
                case "python" -> {
                    return PythonCommand.parse(Arrays.copyOfRange(args, 1, args.length)).run(System.in, out, err);
                }
                default -> throw new UsageException(args[0].startsWith("-")
                        ? "unknown option '" + args[0] + "'"
                        : "unknown command '" + args[0] + "'");
            }
        } catch (UsageException e) {
            err.println("ligature: " + e.getMessage());
            err.println("Run 'ligature --help' for usage.");
            return USAGE;
        }
    }
}
