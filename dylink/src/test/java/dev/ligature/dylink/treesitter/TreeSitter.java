package dev.ligature.dylink.treesitter;

import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.HostCall;
import dev.ligature.core.runtime.HostFunction;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import dev.ligature.dylink.Dlfcn;
import dev.ligature.dylink.DylinkOptions;
import dev.ligature.dylink.DylinkProcess;
import dev.ligature.dylink.Library;
import dev.ligature.emscripten.EmscriptenHost;
import dev.ligature.emscripten.EmscriptenProcess;
import dev.ligature.emscripten.EmscriptenProgram;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small tree-sitter client on web-tree-sitter's WebAssembly build, doing from Java what
 * web-tree-sitter's JavaScript does: it runs the main module through Ligature's dynamic linker
 * (its public API only), gives it tree-sitter's four callbacks, loads grammars as side modules,
 * and drives the C exports ({@code src/test/treesitter/README.md} describes the protocol).
 * One document is parsed at a time; not thread-safe.
 */
final class TreeSitter implements AutoCloseable {
    /** web-tree-sitter's STACK_SIZE (64 KiB): the layout lives in its .js, which we do not read. */
    static final long STACK_SIZE = 64 * 1024;
    /** The input buffer ts_parser_new_wasm allocates, in bytes (INPUT_BUFFER_SIZE in the JS). */
    private static final int INPUT_BUFFER_SIZE = 10 * 1024;

    private final DylinkProcess process;
    private final EmscriptenProcess runtime;
    /** The transfer buffer: a static array of words through which the C side passes parsers and nodes. */
    private final long transfer;
    private final int minAbi;
    private final int maxAbi;
    /** The document being parsed, read by {@code tree_sitter_parse_callback}; null outside a parse. */
    private String input;

    private TreeSitter(EmscriptenHost host, EmscriptenProgram program, DylinkOptions options) {
        this.process = DylinkProcess.start(host, program, List.of("web-tree-sitter"), options, callbacks());
        this.runtime = process.process();
        // Parser.init(): ts_init() returns the transfer buffer; [0] is LANGUAGE_VERSION, [1] MIN_COMPATIBLE_VERSION.
        this.transfer = runtime.function("ts_init").callInt() & 0xFFFFFFFFL;
        Memory m = runtime.memory();
        this.maxAbi = m.loadI32(transfer);
        this.minAbi = m.loadI32(transfer + 4);
    }

    /**
     * Starts web-tree-sitter's main module.
     *
     * @param engine the engine for the main module and the grammars
     * @param mainWasm the bytes of {@code web-tree-sitter.wasm}
     * @return the client
     */
    static TreeSitter start(Engine engine, byte[] mainWasm) {
        EmscriptenProgram program = EmscriptenProgram.of(WasmModule.decode(mainWasm, engine));
        return new TreeSitter(EmscriptenHost.builder().build(), program,
                DylinkOptions.of(engine).withStackSize(STACK_SIZE));
    }

    /**
     * Loads a grammar as {@code Language.load(bytes)} does: a side module linked locally (its
     * symbols are not added to the global namespace), then its {@code tree_sitter_NAME()} is called.
     *
     * @param name the name to load it under, such as {@code tree-sitter-json.wasm}
     * @param wasm the grammar's bytes
     * @param language the language's name ({@code json} calls {@code tree_sitter_json})
     * @return the {@code TSLanguage*}
     */
    int loadLanguage(String name, byte[] wasm, String language) {
        Library lib = process.load(name, wasm, Dlfcn.RTLD_NOW);
        int lang = lib.function("tree_sitter_" + language).callInt();
        int abi = runtime.function("ts_language_abi_version").callInt(lang);
        if (abi < minAbi || abi > maxAbi) {
            throw new IllegalArgumentException(name + " is language ABI " + abi + "; this tree-sitter takes " + minAbi + ".." + maxAbi);
        }
        return lang;
    }

    /**
     * Parses {@code source} with {@code language} and prints the tree as
     * {@code tree.rootNode.toString()} does.
     *
     * @param language a {@code TSLanguage*} from {@link #loadLanguage}
     * @param source the document
     * @return the root node's S-expression
     */
    String parseToString(int language, String source) {
        Memory m = runtime.memory();
        // new Parser(): the parser lands in transfer[0], its input buffer in transfer[1].
        runtime.function("ts_parser_new_wasm").call();
        int parser = m.loadI32(transfer);
        int inputBuffer = m.loadI32(transfer + 4);
        int tree = 0;
        try {
            if (runtime.function("ts_parser_set_language").callInt(parser, language) != 1) {
                throw new IllegalStateException("ts_parser_set_language refused the language");
            }
            runtime.function("ts_parser_enable_logger_wasm").call(parser, 0);
            input = source;
            // (parser, input buffer, old tree, included ranges, range count); UTF-16 through the callback.
            tree = runtime.function("ts_parser_parse_wasm").callInt(parser, inputBuffer, 0, 0, 0);
            input = null;
            if (tree == 0) {
                throw new IllegalStateException("the parse returned no tree");
            }
            // tree.rootNode: the node goes to transfer[0..4]; ts_node_to_string_wasm reads it back.
            runtime.function("ts_tree_root_node_wasm").call(tree);
            int s = runtime.function("ts_node_to_string_wasm").callInt(tree);
            try {
                return latin1(m, s & 0xFFFFFFFFL);
            } finally {
                runtime.free(s);
            }
        } finally {
            input = null;
            if (tree != 0) {
                runtime.function("ts_tree_delete").call(tree);
            }
            runtime.function("ts_parser_delete").call(parser);
            runtime.free(inputBuffer);
        }
    }

    /** The JavaScript reads the string one byte per character ({@code AsciiToString}); so do we. */
    private static String latin1(Memory m, long p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b; (b = m.loadI8(p)) != 0; p++) {
            out.write(b);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Tree-sitter's imports that its JavaScript provides ({@code lib/binding_web/lib/imports.js}). */
    private Imports callbacks() {
        FuncType parse = FuncType.of(List.of(NumType.I32, NumType.I32, NumType.I32, NumType.I32, NumType.I32), List.of());
        FuncType log = FuncType.of(List.of(NumType.I32, NumType.I32), List.of());
        FuncType progress = FuncType.of(List.of(NumType.I32, NumType.I32), List.of(NumType.I32));
        FuncType queryProgress = FuncType.of(List.of(NumType.I32), List.of(NumType.I32));
        WasmFunction continueParse = HostFunction.raw("tree_sitter_progress_callback", progress, c -> c.resultI32(0, 0));
        WasmFunction continueQuery = HostFunction.raw("tree_sitter_query_progress_callback", queryProgress, c -> c.resultI32(0, 0));
        return Imports.empty()
                .function("env", "tree_sitter_parse_callback", HostFunction.raw("tree_sitter_parse_callback", parse, this::feed))
                // The logger is never enabled, and no parse or query is cancelled.
                .function("env", "tree_sitter_log_callback", HostFunction.raw("tree_sitter_log_callback", log, c -> {}))
                .function("env", "tree_sitter_progress_callback", continueParse)
                .function("env", "tree_sitter_query_progress_callback", continueQuery);
    }

    /**
     * {@code tree_sitter_parse_callback(char16 *buffer, u32 index, u32 row, u32 column, u32 *length)}:
     * the text from UTF-16 unit {@code index} on, as {@code input.slice(index)} written by
     * {@code stringToUTF16(text, buffer, INPUT_BUFFER_SIZE)}: at most 5119 units and a NUL.
     * {@code *length} is the whole rest's length; the C side clamps it to the buffer.
     */
    private void feed(HostCall c) {
        Memory m = c.memory();
        long buffer = c.argI32(0) & 0xFFFFFFFFL;
        int index = c.argI32(1);
        long lengthAddress = c.argI32(4) & 0xFFFFFFFFL;
        String rest = input == null || index < 0 || index >= input.length() ? "" : input.substring(index);
        m.storeI32(lengthAddress, rest.length());
        int n = Math.min(rest.length(), (INPUT_BUFFER_SIZE - 2) / 2);
        for (int i = 0; i < n; i++) {
            m.storeI16(buffer + 2L * i, (short) rest.charAt(i));
        }
        m.storeI16(buffer + 2L * n, (short) 0);
    }

    /** {@return the linked process, for tests that look at the layout} */
    DylinkProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
