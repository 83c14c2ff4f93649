package dev.ligature.emscripten;

import dev.ligature.core.runtime.ImportType;
import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.WasmModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A program emcc built: the prepared module plus the names of its imports and exports. Unminified
 * builds name everything themselves; minified ones (-O3, -Os: imports {@code a.a}, {@code a.b}, ...)
 * need the mapping in the {@code .js} emcc wrote beside them. Immutable and thread-safe; run it
 * with {@link EmscriptenHost#run}.
 */
public final class EmscriptenProgram {
    private final WasmModule module;
    private final JsNameMap names;
    /** The text of the .js emcc wrote beside the module, when it was read; null otherwise. */
    private final String glue;

    private EmscriptenProgram(WasmModule module, JsNameMap names) {
        this(module, names, null);
    }

    private EmscriptenProgram(WasmModule module, JsNameMap names, String glue) {
        this.module = module;
        this.names = names;
        this.glue = glue;
    }

    /**
     * A number the {@code .js} emcc wrote hard-codes as {@code var NAME = <integer>;}, such as
     * {@code TOTAL_STACK} (3.1.x) or {@code STACK_SIZE}: a relocatable main module's memory layout
     * lives there, not in the module.
     *
     * @param name the variable's name
     * @return its value, or empty if the program was made without its {@code .js} or the
     *     {@code .js} declares no such integer
     */
    public java.util.OptionalLong glueConstant(String name) {
        if (glue == null) {
            return java.util.OptionalLong.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\bvar\\s+" + java.util.regex.Pattern.quote(name) + "\\s*=\\s*(\\d+)\\s*;").matcher(glue);
        return m.find() ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }

    /**
     * A program from a module alone.
     *
     * @param module the module, which must import only from {@code env} and {@code wasi_*}
     * @return the program
     * @throws EmscriptenLoadException if the module's import names are minified
     * @throws NullPointerException if {@code module} is null
     */
    public static EmscriptenProgram of(WasmModule module) {
        EmscriptenProgram p = new EmscriptenProgram(Objects.requireNonNull(module), null);
        p.checkNamed();
        return p;
    }

    /**
     * A program from a module and the text of the {@code .js} emcc wrote for it, which maps
     * minified import and export names.
     *
     * @param module the module
     * @param js the text of the {@code .js} file
     * @return the program
     * @throws EmscriptenLoadException if the {@code .js} does not hold the name mapping
     * @throws NullPointerException if {@code module} is null
     */
    public static EmscriptenProgram of(WasmModule module, String js) {
        return new EmscriptenProgram(Objects.requireNonNull(module), JsNameMap.parse(js));
    }

    /**
     * Loads {@code PROGRAM.wasm} or {@code PROGRAM.js} (then the {@code .wasm} beside it). A
     * {@code .js} beside a {@code .wasm} is read too when the module's names are minified.
     *
     * @param path the {@code .wasm}, or the {@code .js} ({@code .mjs}, {@code .cjs}) emcc wrote
     * @param engine the engine that will run the module's code
     * @return the program
     * @throws IOException if a file cannot be read
     * @throws EmscriptenLoadException if the {@code .wasm} or a needed {@code .js} is missing, or
     *     the {@code .js} does not hold the name mapping
     * @throws dev.ligature.core.WasmException if the module is malformed or invalid
     */
    public static EmscriptenProgram load(Path path, Engine engine) throws IOException {
        return load(path, bytes -> WasmModule.decode(bytes, engine));
    }

    /** How a program's module bytes become a module: compiled by an engine, or read from an ahead-of-time jar. */
    @FunctionalInterface
    public interface ModuleLoader {
        /**
         * Makes the module.
         *
         * @param wasm the bytes of the program's {@code .wasm}
         * @return the prepared module
         * @throws IOException if the loader reads files (an ahead-of-time jar) and cannot
         */
        WasmModule load(byte[] wasm) throws IOException;
    }

    /**
     * As {@link #load(Path, Engine)}, the module made from the {@code .wasm} bytes by {@code loader}.
     *
     * @param path the {@code .wasm}, or the {@code .js} ({@code .mjs}, {@code .cjs}) emcc wrote
     * @param loader makes the module from the {@code .wasm} bytes
     * @return the program
     * @throws IOException if a file cannot be read, or the loader fails to read
     * @throws EmscriptenLoadException if the {@code .wasm} or a needed {@code .js} is missing, or
     *     the {@code .js} does not hold the name mapping
     */
    public static EmscriptenProgram load(Path path, ModuleLoader loader) throws IOException {
        String file = path.getFileName().toString();
        Path wasm;
        Path js;
        if (file.endsWith(".js") || file.endsWith(".mjs") || file.endsWith(".cjs")) {
            js = path;
            wasm = path.resolveSibling(file.substring(0, file.lastIndexOf('.')) + ".wasm");
            if (!Files.isRegularFile(wasm)) {
                throw new EmscriptenLoadException("no " + wasm.getFileName() + " beside " + file
                        + " (a single-file build with the module embedded in the .js is not supported)");
            }
        } else {
            wasm = path;
            js = path.resolveSibling((file.endsWith(".wasm") ? file.substring(0, file.length() - 5) : file) + ".js");
        }
        WasmModule module = loader.load(Files.readAllBytes(wasm));
        boolean minified = isMinified(module);
        if (js != path && !minified) {
            return of(module);
        }
        if (!Files.isRegularFile(js)) {
            throw new EmscriptenLoadException(file + " has minified import names (" + firstImport(module)
                    + "); run it through the .js emcc wrote beside it, which maps them (not found: " + js.getFileName() + ")");
        }
        String text = Files.readString(js, StandardCharsets.UTF_8);
        return new EmscriptenProgram(module, JsNameMap.parse(text), text);
    }

    /** {@return the prepared module (decoded, validated and compiled for the chosen engine)} */
    public WasmModule module() {
        return module;
    }

    /**
     * True when the imports come from a minified module name (emcc uses "a"). {@code GOT.mem} and
     * {@code GOT.func} are the dynamic linker's, never minified.
     */
    static boolean isMinified(WasmModule module) {
        for (ImportType i : module.imports()) {
            if (!isNamedModule(i.module())) {
                return true;
            }
        }
        return false;
    }

    private static String firstImport(WasmModule module) {
        ImportType i = module.imports().get(0);
        return i.module() + "." + i.name();
    }

    private void checkNamed() {
        if (isMinified(module)) {
            throw new EmscriptenLoadException("the module has minified import names (" + firstImport(module)
                    + "); give the .js emcc wrote beside it, which maps them");
        }
    }

    private static boolean isNamedModule(String module) {
        return module.equals("env") || module.startsWith("wasi_") || module.equals("GOT.mem") || module.equals("GOT.func");
    }

    /** The runtime name of an import ("fd_write"), given its (module, name) in the binary. */
    String importName(ImportType i) {
        if (names == null || isNamedModule(i.module())) {
            return i.name();
        }
        String n = names.importNames().get(i.name());
        if (n == null) {
            throw new EmscriptenLoadException("the .js has no mapping for the import \"" + i.module() + "\".\"" + i.name() + "\"");
        }
        return n;
    }

    /** The name under which the module exports what the runtime calls {@code name}. */
    String exportName(String name) {
        if (names == null) {
            return name;
        }
        return names.exportNames().getOrDefault(name, name);
    }

    Map<String, String> exportNames() {
        return names == null ? Map.of() : names.exportNames();
    }
}
