package dev.ligature.core.script;

import dev.ligature.core.MalformedModuleException;

/** Parses a WAST script into its commands. */
public final class WastParser {
    private WastParser() {}

    /** Parses the whole script; a syntax error in the script itself is a {@link MalformedModuleException}. */
    public static Script parse(String source) {
        throw new UnsupportedOperationException("API STUB: replaced by the script work");
    }
}
