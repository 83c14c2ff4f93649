package dev.ligature.core.script;

/**
 * How a script states a module: as text inside the script, as quoted text, or as quoted bytes. The
 * script parser keeps the text unparsed, so that a malformed module is reported by the command that
 * expects it rather than by the parser of the whole script.
 */
public sealed interface ModuleSource {
    /** Line of the module in the script (1-based). */
    int line();

    /**
     * An inline {@code (module ...)} form: {@code source} is its exact text from the opening
     * parenthesis to the closing one; it starts at {@code line}:{@code column} of the script.
     */
    record Text(String source, int line, int column) implements ModuleSource {}

    /**
     * {@code (module quote "...")}: the concatenated strings as bytes (they may hold any byte, so a
     * quoted module can be malformed UTF-8), parsed as a module or as bare module fields.
     */
    record Quote(byte[] source, int line) implements ModuleSource {}

    /** {@code (module binary "...")}: the concatenated bytes. */
    record Binary(byte[] bytes, int line) implements ModuleSource {}
}
