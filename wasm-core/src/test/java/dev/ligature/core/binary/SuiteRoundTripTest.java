package dev.ligature.core.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.ast.Module;
import dev.ligature.core.fixtures.SuiteModules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every module of the official suite survives decode, encode, decode unchanged. */
class SuiteRoundTripTest {
    @Test
    void everySuiteModuleRoundTrips() {
        List<byte[]> modules = SuiteModules.all();
        assertTrue(modules.size() > 2000, "the suite yields its modules, got " + modules.size());
        for (int i = 0; i < modules.size(); i++) {
            Module m = ModuleDecoder.decode(modules.get(i));
            byte[] encoded = ModuleEncoder.encode(m);
            Module again = ModuleDecoder.decode(encoded);
            assertEquals(m, again, "module " + i);
            assertArrayEquals(encoded, ModuleEncoder.encode(again), "module " + i + " encodes stably");
        }
    }
}
