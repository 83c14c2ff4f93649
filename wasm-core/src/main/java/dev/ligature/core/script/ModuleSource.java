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
     * parenthesis to the closing one, comments and annotations included; it starts at
     * {@code line}:{@code column} of the script (column counted in bytes, as the lexer does). Two
     * variants: in {@code (module definition ...)} the keyword {@code definition} is replaced by
     * blanks, so the text is a plain module whose every other byte keeps its position; and a script
     * made only of module fields (no commands) is one module whose source is those fields, without
     * a {@code (module ...)} wrapper. {@code WatParser.parseModule} accepts both.
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
