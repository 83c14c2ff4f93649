package dev.ligature.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The backing choice depends on JVM flags, so each case runs {@link MmapBackingProbe} in a child JVM. */
class MmapBackingTest {
    record Run(int exit, String out, String err) {
    }

    static Run probe(String... jvmFlags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), MmapBackingProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        return new Run(p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void withoutNativeAccessAnArrayIsUsedAndNothingIsPrinted() throws Exception {
        Run r = probe();
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("backing=ARRAY"), r.out());
        assertFalse(r.err().contains("restricted"), "no native-access warning: " + r.err());
    }

    @Test
    void withNativeAccessOnLinuxAReservationOfTheMaximumGrowsWithoutCopying() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"));
        Run r = probe("--enable-native-access=ALL-UNNAMED");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("backing=MMAP"), r.out());
        assertTrue(r.out().contains("last=MMAP"), "reservations are unmapped when collected: " + r.out());
        assertFalse(r.err().contains("restricted"), r.err());
    }

    @Test
    void theHeapCanBeForcedEvenWithNativeAccess() throws Exception {
        Run r = probe("--enable-native-access=ALL-UNNAMED", "-D" + InstanceOptions.MEMORY_BACKING_PROPERTY + "=heap");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("backing=HEAP"), r.out());
    }
}
