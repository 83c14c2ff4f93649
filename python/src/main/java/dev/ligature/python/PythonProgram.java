package dev.ligature.python;

import java.util.Objects;

/** What {@link PythonInterpreter#runMain} runs, as the {@code python} command's forms. */
public sealed interface PythonProgram {
    /**
     * {@code python -c CODE}: {@code sys.argv[0]} is {@code -c}.
     *
     * @param code the statements
     */
    record Command(String code) implements PythonProgram {
        /** Checks the code is given. */
        public Command {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * {@code python FILE}: the source runs as {@code __main__} with {@code __file__} and
     * {@code sys.argv[0]} set to {@code fileName}, which tracebacks show.
     *
     * @param fileName the name the script goes by
     * @param source its text
     */
    record Script(String fileName, String source) implements PythonProgram {
        /** Checks both are given. */
        public Script {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * {@code python -m MODULE}: the module runs as {@code __main__} ({@code runpy}).
     *
     * @param name the module
     */
    record Module(String name) implements PythonProgram {
        /** Checks the name is given. */
        public Module {
            Objects.requireNonNull(name, "name");
        }
    }
}
