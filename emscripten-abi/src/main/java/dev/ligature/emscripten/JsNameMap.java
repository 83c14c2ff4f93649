package dev.ligature.emscripten;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names emcc's JavaScript gives a minified module's imports and exports (-O3, -Os): read from
 * the import object literal ({@code var asmLibraryArg={"a":_fd_write,...}} in 3.1.x,
 * {@code var wasmImports={a:_fd_write,...}} later) and from the export assignments
 * ({@code Module["asm"]["g"]} / {@code wasmExports["g"]}). JavaScript library names carry one extra
 * leading underscore for C symbols ({@code _fd_write} is {@code fd_write}); {@code invoke_*} and
 * {@code stackSave}-style runtime names have none.
 */
record JsNameMap(Map<String, String> importNames, Map<String, String> exportNames) {
    private static final Pattern IMPORT_OBJECT =
            Pattern.compile("(?:asmLibraryArg|wasmImports)\\s*=\\s*\\{([^{}]*)\\}");
    private static final Pattern PAIR = Pattern.compile("\"?([A-Za-z_$][\\w$]*)\"?\\s*:\\s*([A-Za-z_$][\\w$]*)");
    private static final Pattern EXPORT =
            Pattern.compile("([A-Za-z_$][\\w$]*)\\s*=\\s*(?:Module\\[\"[\\w$]+\"\\]\\s*=\\s*)?(?:Module\\[\"asm\"\\]|wasmExports|asm)\\[\"([\\w$]+)\"\\]");

    /** Reads the mapping from the text of emcc's {@code .js}. */
    static JsNameMap parse(String js) {
        Matcher m = IMPORT_OBJECT.matcher(js);
        if (!m.find()) {
            throw new EmscriptenLoadException("malformed emcc .js: no import object (asmLibraryArg or wasmImports) found");
        }
        Map<String, String> imports = new HashMap<>();
        Matcher p = PAIR.matcher(m.group(1));
        while (p.find()) {
            imports.put(p.group(1), cName(p.group(2)));
        }
        if (imports.isEmpty() && !m.group(1).isBlank()) {
            throw new EmscriptenLoadException("malformed emcc .js: the import object has no name: function pairs");
        }
        Map<String, String> exports = new HashMap<>();
        Matcher e = EXPORT.matcher(js);
        while (e.find()) {
            String jsName = e.group(1);
            String name = switch (jsName) {
                case "wasmMemory" -> "memory";
                case "wasmTable" -> "__indirect_function_table";
                default -> cName(jsName);
            };
            exports.putIfAbsent(name, e.group(2));
        }
        return new JsNameMap(Map.copyOf(imports), Map.copyOf(exports));
    }

    /** {@code _fd_write} to {@code fd_write}, {@code ___syscall_open} to {@code __syscall_open}; others unchanged. */
    static String cName(String jsName) {
        return jsName.startsWith("_") ? jsName.substring(1) : jsName;
    }
}
