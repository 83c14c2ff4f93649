package dev.ligature.cli;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.MalformedModuleException;
import dev.ligature.jit.AotJar;
import dev.ligature.jit.JitOptions;
import dev.ligature.jit.JitCompileException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ligature compile MODULE.wasm -o MODULE.jar}: ahead-of-time compilation to a jar. */
record CompileCommand(Path module, Path jar) {
    static CompileCommand parse(String[] args) throws UsageException {
        Path module = null;
        Path jar = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-o") || a.equals("--output")) {
                if (i + 1 >= args.length) {
                    throw new UsageException("compile: " + a + " needs a file name");
                }
                jar = Path.of(args[++i]);
            } else if (a.startsWith("-")) {
                throw new UsageException("compile: unknown option '" + a + "'");
            } else if (module != null) {
                throw new UsageException("compile: one module at a time (got " + module + " and " + a + ")");
            } else {
                module = Path.of(a);
            }
        }
        if (module == null) {
            throw new UsageException("compile: no module given");
        }
        if (jar == null) {
            String name = module.getFileName().toString();
            jar = module.resolveSibling((name.endsWith(".wasm") ? name.substring(0, name.length() - 5) : name) + ".jar");
        }
        return new CompileCommand(module, jar);
    }

    int run(PrintStream out, PrintStream err) {
        try {
            byte[] wasm = Files.readAllBytes(module);
            long t0 = System.nanoTime();
            int n = AotJar.write(wasm, jar, Overrides.jitOptions(JitOptions.Compilation.EAGER));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            out.println("compiled " + n + " functions of " + module + " to " + jar + " in " + ms + " ms");
            return Main.OK;
        } catch (MalformedModuleException | InvalidModuleException | JitCompileException e) {
            err.println("ligature compile: " + module + ": " + e.getMessage());
            return Main.FAILED;
        } catch (IOException e) {
            err.println("ligature compile: " + e.getMessage());
            return Main.FAILED;
        }
    }
}
