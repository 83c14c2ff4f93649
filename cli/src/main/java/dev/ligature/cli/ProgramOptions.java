package dev.ligature.cli;

import dev.ligature.emscripten.EmscriptenHost;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The options {@code run} and {@code python} share, parsed one way for both: {@code --name value} or
 * {@code --name=value}, and the values of {@code --engine}, {@code --env}, {@code --dir} and
 * {@code --cwd}. Messages start with the command's name.
 */
final class ProgramOptions {
    private ProgramOptions() {}

    /**
     * One {@code --name value} or {@code --name=value} at {@code argv[i]}.
     *
     * @param name the option's name, with its dashes
     * @param value its value
     * @param last the index of the last argument it took
     */
    record Option(String name, String value, int last) {}

    static Option read(String command, String[] argv, int i) throws UsageException {
        String arg = argv[i];
        int eq = arg.indexOf('=');
        if (eq > 0) {
            return new Option(arg.substring(0, eq), arg.substring(eq + 1), i);
        }
        if (i + 1 >= argv.length) {
            throw new UsageException(command + ": option '" + arg + "' needs a value");
        }
        return new Option(arg, argv[i + 1], i + 1);
    }

    /** {@return true for the compiler, false for the interpreter} */
    static boolean compiler(String command, String value) throws UsageException {
        return switch (value) {
            case "interpreter" -> false;
            case "compiler" -> true;
            default -> throw new UsageException(command + ": unknown engine '" + value + "' (expected interpreter or compiler)");
        };
    }

    /** {@return {@code K=V} as {name, value}} */
    static String[] env(String command, String value) throws UsageException {
        int e = value.indexOf('=');
        if (e <= 0) {
            throw new UsageException(command + ": --env expects K=V, got '" + value + "'");
        }
        return new String[] {value.substring(0, e), value.substring(e + 1)};
    }

    /** {@return the guest path, which must be absolute} */
    static String cwd(String command, String value) throws UsageException {
        if (!value.startsWith("/")) {
            throw new UsageException(command + ": --cwd needs an absolute guest path, got '" + value + "'");
        }
        return value;
    }

    /** {@return {@code HOST[::GUEST][:ro]} as a mount; a .zip archive mounts read-only} */
    static EmscriptenHost.Mount dir(String command, String spec) throws UsageException {
        boolean ro = spec.endsWith(":ro");
        String s = ro ? spec.substring(0, spec.length() - 3) : spec;
        int sep = s.indexOf("::");
        String host = sep < 0 ? s : s.substring(0, sep);
        if (host.isEmpty()) {
            throw new UsageException(command + ": --dir needs a host directory: '" + spec + "'");
        }
        Path hostPath = Path.of(host).toAbsolutePath().normalize();
        String guest = sep < 0 ? hostPath.toString().replace('\\', '/') : s.substring(sep + 2);
        if (!guest.startsWith("/")) {
            guest = "/" + guest;
        }
        boolean zip = Files.isRegularFile(hostPath) && hostPath.getFileName().toString().endsWith(".zip");
        if (!Files.isDirectory(hostPath) && !zip) {
            throw new UsageException(command + ": --dir: not a directory or .zip archive: " + host);
        }
        return new EmscriptenHost.Mount(hostPath, guest, ro || zip);
    }
}
