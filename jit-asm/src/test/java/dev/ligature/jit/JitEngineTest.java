package dev.ligature.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class JitEngineTest {
    @Test
    void engineModesComeFromOptionsNeverFromSystemProperties() {
        String saved = System.getProperty(JitOptions.COMPILATION_PROPERTY);
        try {
            System.setProperty(JitOptions.COMPILATION_PROPERTY, "eager");
            assertEquals(JitOptions.Compilation.LAZY, new JitEngine().compilation(), "new JitEngine() ignores -D");
            assertEquals(JitOptions.DEFAULT, new JitEngine().options());
            assertEquals(JitOptions.Compilation.EAGER,
                    new JitEngine(JitOptions.fromSystemProperties(JitOptions.DEFAULT)).compilation(), "unless asked to read it");
        } finally {
            if (saved == null) {
                System.clearProperty(JitOptions.COMPILATION_PROPERTY);
            } else {
                System.setProperty(JitOptions.COMPILATION_PROPERTY, saved);
            }
        }
        assertEquals(JitOptions.Compilation.EAGER, JitEngine.eager().compilation());
        assertEquals(JitOptions.Compilation.LAZY, JitEngine.lazy().compilation());
        assertEquals(JitOptions.DEFAULT.withCompilation(JitOptions.Compilation.EAGER), JitEngine.eager().options());
    }

    @Test
    void propertiesOverrideTheGivenDefaults() {
        Properties p = new Properties();
        JitOptions eager = JitOptions.DEFAULT.withCompilation(JitOptions.Compilation.EAGER);
        assertEquals(eager, JitOptions.fromProperties(eager, p), "nothing set: the defaults");
        p.setProperty(JitOptions.FORCE_SPLIT_PROPERTY, "300");
        p.setProperty(JitOptions.SPLIT_HUBS_PROPERTY, "false");
        p.setProperty(JitOptions.SPLIT_ENTRY_LOADS_PROPERTY, "FALSE");
        p.setProperty(JitOptions.COMPILATION_PROPERTY, "lazy");
        assertEquals(new JitOptions(JitOptions.Compilation.LAZY, false, false, 300), JitOptions.fromProperties(eager, p));
        assertEquals("splitHubs=false,splitEntryLoads=false,forcedSplitBudget=300",
                JitOptions.fromProperties(eager, p).codeOptions());

        for (String[] bad : new String[][] {
                {JitOptions.COMPILATION_PROPERTY, "tiered", "expected lazy or eager"},
                {JitOptions.SPLIT_HUBS_PROPERTY, "no", "expected true or false"},
                {JitOptions.FORCE_SPLIT_PROPERTY, "-1", "a chunk budget"},
                {JitOptions.FORCE_SPLIT_PROPERTY, "x", "a chunk budget"}}) {
            Properties q = new Properties();
            q.setProperty(bad[0], bad[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> JitOptions.fromProperties(JitOptions.DEFAULT, q));
            assertTrue(e.getMessage().contains(bad[0]) && e.getMessage().contains(bad[2]), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> JitOptions.DEFAULT.withForcedSplitBudget(-5));
    }
}
