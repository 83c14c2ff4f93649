package dev.ligature.consumer;

import dev.ligature.core.runtime.WasmModule;
import dev.ligature.jit.JitEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every README example and checks what it prints. {@code Main class-path} or {@code Main module-path} says how
 * the build launched it; Main first checks that this is really so (the engine's classes in the named modules
 * dev.ligature.core and dev.ligature.jit, or in the unnamed module), so a misconfigured run cannot pass for the other.
 * Exits 1 when anything differs.
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !(args[0].equals("class-path") || args[0].equals("module-path"))) {
            System.err.println("usage: Main class-path|module-path");
            System.exit(2);
        }
        boolean modulePath = args[0].equals("module-path");
        List<String> failures = new ArrayList<>();
        String core = WasmModule.class.getModule().getName();
        String jit = JitEngine.class.getModule().getName();
        String self = Main.class.getModule().getName();
        if (modulePath ? !("dev.ligature.core".equals(core) && "dev.ligature.jit".equals(jit)
                && "dev.ligature.consumer".equals(self)) : (core != null || jit != null || self != null)) {
            failures.add("expected to run on the " + args[0] + ", but the modules are: consumer " + self + ", core "
                    + core + ", jit " + jit);
        }
        PrintStream out = System.out;
        for (ReadmeExample example : ReadmeExamples.ALL) {
            String where = "README.md:" + example.readmeLine() + " " + example.name();
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Throwable error = null;
            try {
                example.body().run();
            } catch (Throwable t) {
                error = t;
            } finally {
                System.out.flush();
                System.setOut(out);
            }
            String printed = normalize(captured.toString(StandardCharsets.UTF_8));
            if (error != null) {
                failures.add(where + " threw " + error);
                error.printStackTrace();
            } else if (!printed.equals(example.expectedOutput())) {
                failures.add(where + " printed\n" + indent(printed) + "  instead of\n" + indent(example.expectedOutput()));
            } else {
                out.println("consumer (" + args[0] + "): " + where + " ok");
            }
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("consumer (" + args[0] + "): " + f));
            System.exit(1);
        }
    }

    /** Each line with surrounding blanks trimmed, each ended by a newline, as the marker's lines are read. */
    private static String normalize(String s) {
        StringBuilder b = new StringBuilder();
        s.lines().forEach(l -> b.append(l.strip()).append('\n'));
        return b.toString();
    }

    private static String indent(String s) {
        StringBuilder b = new StringBuilder();
        s.lines().forEach(l -> b.append("    ").append(l).append('\n'));
        return b.length() == 0 ? "    (nothing)\n" : b.toString();
    }

    private Main() {}
}
