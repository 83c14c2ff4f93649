package dev.ligature.cli;

import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.Trap;
import dev.ligature.emscripten.EmscriptenHost;
import dev.ligature.python.InterpreterOptions;
import dev.ligature.python.PythonInterpreter;
import dev.ligature.python.PythonProgram;
import dev.ligature.python.PythonRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ligature python [--engine interpreter|compiler] [--dir HOST[::GUEST][:ro]]... [--env K=V]...
 * [--cwd GUEST] [-c CODE | -m MODULE | FILE | -] [ARGS...]}: Pyodide's CPython as the {@code python}
 * command behaves: FILE is read from the host, stdout and stderr are Python's, the exit status is
 * Python's; with no program it reads the program from stdin, or is an interactive REPL on a terminal.
 */
record PythonCommand(boolean compiler, List<String[]> env, List<EmscriptenHost.Mount> dirs, String cwd,
        PythonProgram program, String file, List<String> args, boolean repl, boolean help) {
    static final String USAGE = """
              python [--engine interpreter|compiler] [--dir HOST[::GUEST][:ro]]... [--env K=V]... [--cwd GUEST]
                     [-c CODE | -m MODULE | FILE | -] [ARGS...]
                  Runs Python (Pyodide 314's CPython 3.14) as the python command does: FILE is read
                  from the host and runs as __main__ with sys.argv = [FILE, ARGS...]; -c and -m as
                  python's; '-' or no program reads the program from stdin (a REPL on a terminal).
                  The exit status is Python's. --dir, --env and --cwd as for run (the default
                  directory is /home/pyodide); --engine defaults to the compiler.
            """;

    static PythonCommand parse(String[] argv) throws UsageException {
        boolean compiler = true;
        List<String[]> env = new ArrayList<>();
        List<EmscriptenHost.Mount> dirs = new ArrayList<>();
        String cwd = "/home/pyodide";
        int i = 0;
        for (; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new PythonCommand(true, env, dirs, cwd, null, null, List.of(), false, true);
            }
            if (arg.equals("-c") || arg.equals("-m")) {
                if (i + 1 >= argv.length) {
                    throw new UsageException("python: " + arg + " needs an argument");
                }
                PythonProgram p = arg.equals("-c") ? new PythonProgram.Command(argv[i + 1]) : new PythonProgram.Module(argv[i + 1]);
                return new PythonCommand(compiler, env, dirs, cwd, p, null, List.of(argv).subList(i + 2, argv.length), false, false);
            }
            if (arg.equals("-") || !arg.startsWith("-")) {
                break;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("python: unknown option '" + arg + "'");
            }
            ProgramOptions.Option o = ProgramOptions.read("python", argv, i);
            i = o.last();
            String value = o.value();
            switch (o.name()) {
                case "--engine" -> compiler = ProgramOptions.compiler("python", value);
                case "--env" -> env.add(ProgramOptions.env("python", value));
                case "--dir" -> dirs.add(ProgramOptions.dir("python", value));
                case "--cwd" -> cwd = ProgramOptions.cwd("python", value);
                default -> throw new UsageException("python: unknown option '" + o.name() + "'");
            }
        }
        if (i >= argv.length || argv[i].equals("-")) {
            List<String> rest = i >= argv.length ? List.of() : List.of(argv).subList(i + 1, argv.length);
            return new PythonCommand(compiler, env, dirs, cwd, null, null, rest, true, false);
        }
        return new PythonCommand(compiler, env, dirs, cwd, null, argv[i], List.of(argv).subList(i + 1, argv.length), false, false);
    }

    int run(InputStream in, PrintStream out, PrintStream err) {
        if (help) {
            out.print("Usage: ligature\n" + USAGE);
            return Main.OK;
        }
        PythonProgram p = program;
        List<String> argv = args;
        if (file != null) {
            try {
                p = new PythonProgram.Script(file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // As CPython words it (errno 2 is ENOENT's number on every platform it names).
                err.println("python: can't open file '" + Path.of(file).toAbsolutePath() + "': [Errno 2] No such file or directory");
                return Main.USAGE;
            }
        }
        InputStream stdin = in;
        if (repl) {
            if (System.console() != null && System.console().isTerminal() && args.isEmpty()) {
                p = new PythonProgram.Command("import code, sys\ncode.interact(banner='Python %s on %s\\nType \"help\", \"copyright\", "
                        + "\"credits\" or \"license\" for more information.' % (sys.version, sys.platform), exitmsg='')");
            } else {
                try {
                    p = new PythonProgram.Script("<stdin>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    stdin = InputStream.nullInputStream();
                } catch (IOException e) {
                    err.println("python: cannot read stdin: " + e.getMessage());
                    return Main.FAILED;
                }
            }
        }
        boolean terminal = System.console() != null && System.console().isTerminal();
        InterpreterOptions.Builder o = InterpreterOptions.builder().stdout(out).stderr(err).stdin(stdin).workingDirectory(cwd)
                .terminal(terminal);
        for (String[] kv : env) {
            o.env(kv[0], kv[1]);
        }
        for (EmscriptenHost.Mount m : dirs) {
            o.mount(m.hostDirectory(), m.guestPath(), m.readOnly());
        }
        try {
            PythonRuntime runtime = compiler ? PythonRuntime.shared() : PythonRuntime.create(Engine.interpreter());
            PythonInterpreter interpreter = runtime.newInterpreter(o.build());
            int status = interpreter.runMain(p, argv);
            out.flush();
            err.flush();
            return status;
        } catch (IllegalStateException | IllegalArgumentException | dev.ligature.python.PythonException e) {
            err.println("ligature python: " + e.getMessage());
        } catch (Trap t) {
            out.flush();
            err.println("ligature python: trap: " + t.getMessage());
            for (Trap.Frame f : t.backtrace()) {
                err.println("    at " + f);
            }
        } catch (dev.ligature.emscripten.EmscriptenAbort e) {
            out.flush();
            err.println("ligature python: " + e.getMessage());
        }
        return Main.FAILED;
    }
}
