package dev.ligature.dylink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.WasmModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dylink.0 reader against the encodings wasm-ld wrote for emcc 3.1.6 fixtures, as recorded in
 * the dynamic-linking guide (shared/docs/dylink.md, section 2.1), wrapped in a module the way
 * wasm-ld places them: first section, with a padded size.
 */
class DylinkInfoTest {
    /** A module whose only section is the custom section {@code name} with {@code body}, its size a padded 5-byte LEB. */
    private static byte[] module(String name, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HexFormat.of().parseHex("0061736d01000000"));
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int size = 1 + n.length + body.length;
        out.write(0);
        out.write((size & 0x7F) | 0x80);
        out.write(((size >> 7) & 0x7F) | 0x80);
        out.write(((size >> 14) & 0x7F) | 0x80);
        out.write(((size >> 21) & 0x7F) | 0x80);
        out.write((size >> 28) & 0x7F);
        out.write(n.length);
        out.writeBytes(n);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) b.length}, b);
    }

    private static DylinkInfo read(byte[] body) {
        return DylinkInfo.of(WasmModule.decode(module(DylinkInfo.SECTION, body))).orElseThrow();
    }

    @Test
    void libdataHasMemoryAndOneTableSlot() {
        DylinkInfo d = read(hex("01 04 50 04 01 00"));
        assertEquals(80, d.memorySize());
        assertEquals(4, d.memoryAlignment());
        assertEquals(16, d.memoryAlignmentBytes());
        assertEquals(1, d.tableSize());
        assertEquals(0, d.tableAlignment());
        assertEquals(List.of(), d.neededDynlibs());
    }

    @Test
    void libuserNeedsItsProviderFirst() {
        DylinkInfo d = read(concat(hex("01 04 00 00 00 00 02 10 01"), str("libprovider.so")));
        assertEquals(0, d.memorySize());
        assertEquals(List.of("libprovider.so"), d.neededDynlibs());
    }

    @Test
    void libweakMarksItsUndefinedWeakImports() {
        byte[] entries = concat(hex("02"), str("env"), str("weak_missing_func"), hex("11"),
                str("env"), str("weak_missing_data"), hex("11"));
        DylinkInfo d = read(concat(hex("01 04 00 00 00 00 04"), new byte[] {(byte) entries.length}, entries));
        assertTrue(d.isWeakImport("env", "weak_missing_func"));
        assertTrue(d.isWeakImport("env", "weak_missing_data"));
        assertFalse(d.isWeakImport("env", "strong"));
        assertEquals(Map.of("env.weak_missing_func", 0x11, "env.weak_missing_data", 0x11), d.importFlags());
    }

    @Test
    void tlsExportsRuntimePathsAndUnknownSubsections() {
        byte[] exports = concat(hex("01"), str("tls_var"), hex("80 02")); // flags 0x100 = TLS, as a two-byte LEB
        byte[] rpath = concat(hex("01"), str("$ORIGIN/lib"));
        DylinkInfo d = read(concat(hex("09 03 aa bb cc"), // an unknown subsection type, skipped
                hex("03"), new byte[] {(byte) exports.length}, exports,
                hex("05"), new byte[] {(byte) rpath.length}, rpath));
        assertTrue(d.isTlsExport("tls_var"));
        assertFalse(d.isTlsExport("other"));
        assertEquals(List.of("$ORIGIN/lib"), d.runtimePaths());
        assertEquals(0, d.memorySize(), "no MEM_INFO: all zero");
    }

    @Test
    void theLegacySectionIsAFlatRecord() {
        byte[] body = concat(hex("90 01 03 02 00 01"), str("libfoo.so"));
        DylinkInfo d = DylinkInfo.of(WasmModule.decode(module(DylinkInfo.LEGACY_SECTION, body))).orElseThrow();
        assertEquals(144, d.memorySize());
        assertEquals(3, d.memoryAlignment());
        assertEquals(2, d.tableSize());
        assertEquals(List.of("libfoo.so"), d.neededDynlibs());
        assertFalse(d.isWeakImport("env", "x"));
    }

    @Test
    void aModuleWithoutTheSectionIsNotADynamicLibrary() {
        assertTrue(DylinkInfo.of(WasmModule.parseText("(module)")).isEmpty());
    }

    @Test
    void malformedSectionsAreTypedErrorsWithTheirReason() {
        MalformedDylinkException overrun = assertThrows(MalformedDylinkException.class, () -> read(hex("01 09 50 04")));
        assertTrue(overrun.getMessage().contains("overruns the section"), overrun.getMessage());
        MalformedDylinkException inside = assertThrows(MalformedDylinkException.class, () -> read(hex("01 02 50 04")));
        assertTrue(inside.getMessage().contains("ends inside the tablesize"), inside.getMessage());
        MalformedDylinkException extra = assertThrows(MalformedDylinkException.class, () -> read(hex("01 05 50 04 01 00 00")));
        assertTrue(extra.getMessage().contains("bytes past its contents"), extra.getMessage());
        MalformedDylinkException count = assertThrows(MalformedDylinkException.class, () -> read(hex("02 02 7f 00")));
        assertTrue(count.getMessage().contains("exceeds"), count.getMessage());
        MalformedDylinkException utf8 = assertThrows(MalformedDylinkException.class, () -> read(hex("02 03 01 01 ff")));
        assertTrue(utf8.getMessage().contains("not valid UTF-8"), utf8.getMessage());
        MalformedDylinkException align = assertThrows(MalformedDylinkException.class, () -> read(hex("01 04 00 40 00 00")));
        assertTrue(align.getMessage().contains("not a log2 alignment"), align.getMessage());
        assertThrows(MalformedDylinkException.class, () -> read(hex("01 06 ff ff ff ff ff 7f")));
    }
}
