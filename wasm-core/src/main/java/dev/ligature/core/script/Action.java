package dev.ligature.core.script;

import java.util.List;

/** An action of a script: call an exported function or read an exported global. */
public sealed interface Action {
    /** The module instance named by {@code $id}, or null for the most recent one. */
    String moduleId();

    /** The export's name. */
    String name();

    record Invoke(String moduleId, String name, List<WastValue> args) implements Action {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    record Get(String moduleId, String name) implements Action {}
}
