package dev.ligature.cli;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.LinkException;
import dev.ligature.core.runtime.Trap;
import dev.ligature.dylink.DylinkInfo;
import dev.ligature.dylink.DylinkOptions;
import dev.ligature.dylink.DylinkProcess;
import dev.ligature.emscripten.EmscriptenHost;
import dev.ligature.emscripten.EmscriptenLoadException;
import dev.ligature.emscripten.EmscriptenProgram;
import dev.ligature.jit.JitCompileException;
import dev.ligature.jit.AotJar;
import dev.ligature.jit.AotJarException;
import dev.ligature.jit.JitEngine;
import dev.ligature.jit.JitOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ligature run [--engine interpreter|compiler] [--env K=V]... [--dir HOST[::GUEST][:ro]]...
 * PROGRAM.wasm|PROGRAM.js [ARGS...]}: runs a program emcc built with argv {@code [PROGRAM, ARGS...]},
 * prints what it prints and exits with its exit status. Everything after PROGRAM goes to the
 * program unchanged. Loading, linking and trap errors print {@code ligature run: ...} and exit 1.
 */
record RunCommand(boolean compiler, Path aot, List<String[]> env, List<EmscriptenHost.Mount> dirs, String cwd, String argv0, Path program,
        List<String> args, boolean help) {
    static final String USAGE = """
              run [--engine interpreter|compiler] [--env K=V]... [--dir HOST[::GUEST][:ro]]... [--cwd GUEST] [--argv0 NAME] [--aot JAR] PROGRAM [ARGS...]
                  Runs a program emcc built (PROGRAM.wasm, or PROGRAM.js with the .wasm beside it;
                  minified -O3/-Os builds need the .js) with argv [PROGRAM, ARGS...], printing what
                  it prints and exiting with its exit status. A main module (-sMAIN_MODULE) runs
                  with the dynamic linker: dlopen finds side modules in the mounted directories,
                  by path, through LD_LIBRARY_PATH (give it with --env) or in the --cwd.
                  --env K=V     adds an environment variable (Emscripten's defaults USER, HOME, ... stay)
                  --dir SPEC    mounts host directory HOST at GUEST (default: HOST's absolute path);
                                ':ro' makes it read-only; a .zip archive mounts read-only as a
                                directory. Nothing else on the host is reachable
                  --cwd GUEST   the program's current directory (default /), e.g. a mount point
                  --argv0 NAME  the program's argv[0] (default: PROGRAM as given)
                  --aot JAR     runs the classes 'ligature compile' wrote for PROGRAM's .wasm (the
                                compiler engine, compiling nothing); refuses a jar for other bytes
            """;

    static RunCommand parse(String[] argv) throws UsageException {
        boolean compiler = false;
        Path aot = null;
        List<String[]> env = new ArrayList<>();
        List<EmscriptenHost.Mount> dirs = new ArrayList<>();
        String cwd = "/";
        String argv0 = null;
        int i = 0;
        for (; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return new RunCommand(false, null, env, dirs, cwd, null, null, List.of(), true);
            }
            if (!arg.startsWith("--")) {
                break;
            }
            ProgramOptions.Option o = ProgramOptions.read("run", argv, i);
            i = o.last();
            String value = o.value();
            switch (o.name()) {
                case "--engine" -> compiler = ProgramOptions.compiler("run", value);
                case "--env" -> env.add(ProgramOptions.env("run", value));
                case "--dir" -> dirs.add(parseDir(value));
                case "--aot" -> aot = Path.of(value);
                case "--argv0" -> argv0 = value;
                case "--cwd" -> cwd = ProgramOptions.cwd("run", value);
                default -> throw new UsageException("run: unknown option '" + o.name() + "'");
            }
        }
        if (i >= argv.length) {
            throw new UsageException("run: missing PROGRAM");
        }
        Path program = Path.of(argv[i]);
        List<String> args = List.of(argv).subList(i + 1, argv.length);
        return new RunCommand(compiler || aot != null, aot, env, dirs, cwd, argv0, program, List.copyOf(args), false);
    }

    static EmscriptenHost.Mount parseDir(String spec) throws UsageException {
        return ProgramOptions.dir("run", spec);
    }

    int run(InputStream in, PrintStream out, PrintStream err) {
        if (help) {
            out.print("Usage: ligature\n" + USAGE);
            return Main.OK;
        }
        JitOptions jitOptions = Overrides.jitOptions(JitOptions.Compilation.LAZY);
        Engine engine = compiler ? new JitEngine(jitOptions) : Engine.interpreter();
        EmscriptenHost.Builder b = EmscriptenHost.builder().stdout(out).stderr(err).stdin(in)
                .instanceOptions(Overrides.instanceOptions()).workingDirectory(cwd);
        for (String[] kv : env) {
            b.env(kv[0], kv[1]);
        }
        for (EmscriptenHost.Mount m : dirs) {
            if (Files.isRegularFile(m.hostDirectory())) {
                b.mountZip(m.hostDirectory(), m.guestPath());
            } else {
                b.mount(m.hostDirectory(), m.guestPath(), m.readOnly());
            }
        }
        List<String> argv = new ArrayList<>();
        argv.add(argv0 != null ? argv0 : program.toString());
        argv.addAll(args);
        try {
            EmscriptenProgram p = aot != null
                    ? EmscriptenProgram.load(program, bytes -> AotJar.load(aot, bytes, jitOptions)) // refuses a mismatched jar
                    : EmscriptenProgram.load(program, engine);
            EmscriptenHost host = b.build();
            int status = DylinkInfo.of(p.module()).isPresent()
                    ? DylinkProcess.run(host, p, argv, DylinkOptions.of(aot != null ? new JitEngine(jitOptions) : engine))
                    : host.run(p, argv);
            out.flush();
            return status;
        } catch (AotJarException e) {
            err.println("ligature run: --aot: " + e.getMessage());
        } catch (IOException e) {
            err.println("ligature run: cannot read " + program + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("ligature run: " + e.getMessage());
        } catch (EmscriptenLoadException | LinkException | MalformedModuleException | InvalidModuleException
                | JitCompileException e) {
            err.println("ligature run: " + program + ": " + e.getMessage());
        } catch (Trap t) {
            out.flush();
            err.println("ligature run: " + program + ": trap: " + t.getMessage());
            for (Trap.Frame f : t.backtrace()) {
                err.println("    at " + f);
            }
        }
        return Main.FAILED;
    }
}
