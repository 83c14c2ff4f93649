package dev.ligature.core.script;

import java.util.List;

/** A parsed WAST script: its commands in order. */
public record Script(List<Command> commands) {
    public Script {
        commands = List.copyOf(commands);
    }
}
