package dev.ligature.dylink.treesitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ligature.core.runtime.Engine;
import dev.ligature.jit.JitEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's real third-party client: web-tree-sitter's main module loads the tree-sitter-json
 * grammar through the dynamic linker's Java API, parses {@code sample.json}, and prints the tree
 * exactly as web-tree-sitter does under node ({@code sample.json.tree}, recorded by
 * {@code src/test/treesitter/record.sh}). Skipped, with the reason, where npm cannot fetch the
 * pinned packages.
 */
class TreeSitterTest {
    static Stream<Arguments> engines() {
        return Stream.of(Arguments.of("interpreter", Engine.interpreter()), Arguments.of("jit", JitEngine.lazy()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theJsonGrammarParsesSampleJsonAsWebTreeSitterDoesUnderNode(String name, Engine engine) throws IOException {
        byte[] main = TreeSitterPackages.mainModuleOrAbort();
        byte[] grammar = TreeSitterPackages.jsonGrammarOrAbort();
        String source = resource("treesitter/sample.json");
        String expected = resource("treesitter/sample.json.tree").strip();
        try (TreeSitter ts = TreeSitter.start(engine, main)) {
            int json = ts.loadLanguage("tree-sitter-json.wasm", grammar, "json");
            assertEquals(expected, ts.parseToString(json, source));
            // The layout web-tree-sitter's .js gives: data from 1024 to 16700, 64 KiB of stack above it.
            Map<String, Integer> got = ts.process().got();
            assertEquals(16704, got.get("__stack_low"));
            assertEquals(82240, got.get("__stack_high"));
            assertEquals(82240, got.get("__heap_base"));
            // A second parse in the same process: the parser, tree and buffers were given back.
            assertEquals(expected, ts.parseToString(json, source));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TreeSitterTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
