package dev.ligature.dylink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.Global;
import dev.ligature.core.runtime.HostFunction;
import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.LinkException;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import dev.ligature.emscripten.EmscriptenHost;
import dev.ligature.emscripten.EmscriptenLoadException;
import dev.ligature.emscripten.EmscriptenProcess;
import dev.ligature.emscripten.EmscriptenProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * THROWAWAY probe (issue 13): how far web-tree-sitter's relocatable main module gets on Ligature's
 * Emscripten runtime with no dynamic linker, and, wired by hand for these two modules only, the
 * whole client path (load the grammar side module, parse, toString) against the node reference.
 * The by-hand wiring below is exactly what the dylink linker must do generically; replace this
 * test with one that goes through the linker once it exists.
 */
class TreeSitterProbeTest {
    // Layout the JS glue of web-tree-sitter 0.27.2 uses (see the report): GLOBAL_BASE 1024, dylink.0
    // mem_size 15676 -> data ends at 16700, stack 64 KiB above it (16-aligned), heap after the stack.
    static final int MEMORY_BASE = 1024;
    static final int TABLE_BASE = 1;
    static final int STACK_LOW = 16704;
    static final int STACK_HIGH = 82240;
    static final int HEAP_BASE = 82240;
    static final int INPUT_BUFFER_SIZE = 10 * 1024;

    /**
     * EmscriptenProgram.of(module) rejects the module: isMinified takes any import module other
     * than env and wasi_* ("GOT.mem" here) for emcc's minified "a". A name map that names the
     * GOT.mem symbols gets past that (env and wasi_* imports keep their names; Abi.of asks every
     * import its name, so the GOT.mem ones need one; the extra imports bind them before the registry).
     */
    static EmscriptenProgram program(byte[] main) {
        WasmModule module = WasmModule.decode(main);
        EmscriptenLoadException e = assertThrows(EmscriptenLoadException.class, () -> EmscriptenProgram.of(module));
        System.out.println("[probe] EmscriptenProgram.of: " + e.getMessage());
        return EmscriptenProgram.of(module,
                "var wasmImports = {__stack_low: ___stack_low, __stack_high: ___stack_high, __heap_base: ___heap_base};");
    }

    @Test
    void withoutALinkerTheMainModuleFailsOnItsRelocationImports() throws IOException {
        byte[] main = TreeSitterPackages.mainModuleOrAbort();
        EmscriptenProgram program = program(main);
        LinkException e = assertThrows(LinkException.class,
                () -> EmscriptenHost.builder().build().start(program, List.of("ts")).close());
        System.out.println("[probe] no extra imports: " + e.getMessage());
        // With the tree-sitter callbacks given, the first failure is a relocation global.
        LinkException e2 = assertThrows(LinkException.class,
                () -> EmscriptenHost.builder().build().start(program, List.of("ts"), callbacks(new String[1])).close());
        System.out.println("[probe] with the callbacks: " + e2.getMessage());
    }

    /** The four tree-sitter callbacks; {@code text[0]} is the document being parsed. */
    static Imports callbacks(String[] text) {
        Imports im = Imports.empty();
        EmscriptenProcess[] self = new EmscriptenProcess[1];
        return callbacks(im, text, self);
    }

    static Imports callbacks(Imports im, String[] text, EmscriptenProcess[] self) {
        FuncType parse = new FuncType(List.of(NumType.I32, NumType.I32, NumType.I32, NumType.I32, NumType.I32), List.of());
        im.function("env", "tree_sitter_parse_callback", parse, (caller, args) -> {
            // (char16 *buffer, u32 index in UTF-16 units, u32 row, u32 column in units, u32 *length)
            Memory m = self[0].memory();
            int buffer = (int) args[0];
            int index = (int) args[1];
            int lengthAddress = (int) args[4];
            String s = text[0] == null || index >= text[0].length() ? "" : text[0].substring(index);
            // As the JS does: the length stored is the whole rest (C clamps it to the buffer), the
            // buffer gets at most (10240 - 2) / 2 code units and a NUL.
            m.storeI32(lengthAddress, s.length());
            int n = Math.min(s.length(), (INPUT_BUFFER_SIZE - 2) / 2);
            for (int i = 0; i < n; i++) {
                m.storeI16(buffer + 2L * i, (short) s.charAt(i));
            }
            m.storeI16(buffer + 2L * n, (short) 0);
            return new long[0];
        });
        im.function("env", "tree_sitter_log_callback",
                new FuncType(List.of(NumType.I32, NumType.I32), List.of()), (caller, args) -> new long[0]);
        im.function("env", "tree_sitter_progress_callback",
                new FuncType(List.of(NumType.I32, NumType.I32), List.of(NumType.I32)), (caller, args) -> new long[] {0});
        im.function("env", "tree_sitter_query_progress_callback",
                new FuncType(List.of(NumType.I32), List.of(NumType.I32)), (caller, args) -> new long[] {0});
        return im;
    }

    @Test
    void byHandTheMainModuleLoadsTheJsonGrammarAndPrintsWhatNodePrints() throws IOException {
        byte[] main = TreeSitterPackages.mainModuleOrAbort();
        byte[] grammar = TreeSitterPackages.jsonGrammarOrAbort();
        String source = resource("treesitter/sample.json");
        String expected = resource("treesitter/sample.json.tree").strip();

        // What the JS glue creates for the main module: a table of 31 (slot 0 stays null), the
        // relocation globals, and GOT.mem entries for the linker-defined symbols.
        Table table = Table.of(RefType.FUNCREF, 31, Table.MAX_ELEMENTS);
        Global heapBase = Global.i32(HEAP_BASE, true);
        String[] text = new String[1];
        EmscriptenProcess[] self = new EmscriptenProcess[1];
        Imports extra = callbacks(Imports.empty(), text, self)
                .global("env", "__memory_base", Global.i32(MEMORY_BASE, false))
                .global("env", "__table_base", Global.i32(TABLE_BASE, false))
                .global("env", "__stack_pointer", Global.i32(STACK_HIGH, true))
                .global("GOT.mem", "__stack_low", Global.i32(STACK_LOW, true))
                .global("GOT.mem", "__stack_high", Global.i32(STACK_HIGH, true))
                .global("GOT.mem", "__heap_base", heapBase)
                .table("env", "__indirect_function_table", table);
        EmscriptenProgram program = program(main);
        // start() runs the module's start function (internal GOT globals from __memory_base), then
        // __wasm_call_ctors. The JS runs __wasm_apply_data_relocs before the constructors; this
        // module's constructors read no relocated word, so running the relocations after is enough here.
        try (EmscriptenProcess ts = EmscriptenHost.builder().build().start(program, List.of("ts"), extra)) {
            self[0] = ts;
            ts.function("__wasm_apply_data_relocs").call();
            Memory mem = ts.memory();
            System.out.println("[probe] main started; memory " + mem.byteSize() + " bytes, sbrk start word = "
                    + mem.loadI32(MEMORY_BASE + 14876));

            // Parser.init: ts_init returns TRANSFER_BUFFER; [0] LANGUAGE_VERSION, [1] MIN_COMPATIBLE.
            int tb = i32(ts.function("ts_init").call());
            int languageVersion = mem.loadI32(tb);
            int minCompatible = mem.loadI32(tb + 4);
            System.out.println("[probe] TRANSFER_BUFFER " + tb + ", ABI " + minCompatible + ".." + languageVersion);

            // Language.load: loadWebAssemblyModule(bytes, {loadAsync: true}) by hand.
            WasmModule side = WasmModule.decode(grammar);
            DylinkInfo info = DylinkInfo.of(side).orElseThrow();
            System.out.println("[probe] side dylink.0 " + info);
            int align = 1 << 4; // mem_p2align 4
            int raw = (int) ts.malloc(2928 + align); // JS: calloc(memorySize + memAlign, 1) once the runtime is up
            mem.write(raw, new byte[2928 + align]);
            int sideMemoryBase = (raw + align - 1) & -align;
            int sideTableBase = (int) table.size();
            table.grow(1, null);
            Instance grammarInstance = side.instantiate(Imports.empty()
                    .memory("env", "memory", mem)
                    .table("env", "__indirect_function_table", table)
                    .global("env", "__memory_base", Global.i32(sideMemoryBase, false))
                    .global("env", "__table_base", Global.i32(sideTableBase, false)));
            grammarInstance.function("__wasm_apply_data_relocs").call();
            grammarInstance.function("__wasm_call_ctors").call();
            int language = i32(grammarInstance.function("tree_sitter_json").call());
            int abi = i32(ts.function("ts_language_abi_version").call(language));
            System.out.println("[probe] side at memory " + sideMemoryBase + ", table " + sideTableBase
                    + "; TSLanguage* " + language + ", ABI " + abi);
            assertTrue(abi >= minCompatible && abi <= languageVersion);

            // new Parser(): ts_parser_new_wasm puts the parser in TB[0], its 10 KiB input buffer in TB[1].
            ts.function("ts_parser_new_wasm").call();
            int parser = mem.loadI32(tb);
            int inputBuffer = mem.loadI32(tb + 4);
            assertEquals(1, i32(ts.function("ts_parser_set_language").call(parser, language)));

            // parser.parse(string): logger off, then ts_parser_parse_wasm(parser, buffer, oldTree, ranges, count).
            text[0] = source;
            ts.function("ts_parser_enable_logger_wasm").call(parser, 0);
            int tree = i32(ts.function("ts_parser_parse_wasm").call(parser, inputBuffer, 0, 0, 0));
            assertTrue(tree != 0, "parse returned no tree");

            // tree.rootNode.toString(): the root node lands in TB[0..4]; ts_node_to_string_wasm reads it back.
            ts.function("ts_tree_root_node_wasm").call(tree);
            int string = i32(ts.function("ts_node_to_string_wasm").call(tree));
            String printed = mem.readCString(string);
            ts.free(string);
            ts.function("ts_tree_delete").call(tree);
            ts.function("ts_parser_delete").call(parser);
            ts.free(inputBuffer);
            assertEquals(expected, printed);
        }
    }

    private static int i32(long[] results) {
        return (int) results[0];
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TreeSitterProbeTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
