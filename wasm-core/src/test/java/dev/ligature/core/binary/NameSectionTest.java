package dev.ligature.core.binary;

import static dev.ligature.core.binary.Hex.bytes;
import static dev.ligature.core.binary.Hex.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NameSectionTest {
    @Test
    void modulesWithoutANameSectionHaveNoNames() {
        assertSame(NameSection.EMPTY, NameSection.of(ModuleDecoder.decode(module())));
    }

    @Test
    void decodesModuleFunctionAndLocalNamesFromTheModule() {
        // custom "name": module "m"; functions {0: "f", 2: "g"}; locals {0: {1: "x"}}; globals {0: "G"}
        String payload = "00 02 01 6d" + " 01 07 02 00 01 66 02 01 67" + " 02 06 01 00 01 01 01 78" + " 07 04 01 00 01 47";
        byte[] section = bytes("04 6e 61 6d 65", payload);
        byte[] wasm = module(String.format("00 %02x", section.length), Hex.hex(section));
        NameSection names = NameSection.of(ModuleDecoder.decode(wasm));
        assertEquals("m", names.moduleName());
        assertEquals(Map.of(0, "f", 2, "g"), names.functions());
        assertEquals("g", names.functionName(2));
        assertNull(names.functionName(1));
        assertEquals("x", names.localName(0, 1));
        assertEquals(Map.of(0, "G"), names.globals());
        assertEquals(Map.of(), names.types());
    }

    @Test
    void aBrokenSubsectionKeepsWhatWasReadAndTheFollowingOnes() {
        // functions: declares 3 entries but the third has bad UTF-8; then a valid types subsection.
        byte[] payload = bytes("01 0a 03 00 01 61 01 01 62 02 01 ff", "04 04 01 05 01 54");
        NameSection names = NameSection.decode(payload);
        assertEquals(Map.of(0, "a", 1, "b"), names.functions());
        assertEquals(Map.of(5, "T"), names.types());
    }

    @Test
    void aTruncatedSectionKeepsWhatWasRead() {
        NameSection names = NameSection.decode(bytes("00 02 01 6d 01 ff ff"));
        assertEquals("m", names.moduleName());
        assertEquals(Map.of(), names.functions());
    }

    @Test
    void aMalformedNameSectionNeverMakesTheModuleMalformed() {
        byte[] section = bytes("04 6e 61 6d 65 01 ff ff ff ff ff ff");
        byte[] wasm = module(String.format("00 %02x", section.length), Hex.hex(section));
        assertEquals(NameSection.EMPTY, NameSection.of(ModuleDecoder.decode(wasm)));
    }
}
