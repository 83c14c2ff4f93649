package dev.ligature.jit.compiler;

import dev.ligature.jit.JitEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitEngineTest {
    @Test
    void theDefaultModeIsLazyUnlessThePropertySaysOtherwise() {
        String saved = System.getProperty(JitEngine.COMPILATION_PROPERTY);
        try {
            System.clearProperty(JitEngine.COMPILATION_PROPERTY);
            assertEquals(JitEngine.Compilation.LAZY, new JitEngine().compilation());
            System.setProperty(JitEngine.COMPILATION_PROPERTY, "eager");
            assertEquals(JitEngine.Compilation.EAGER, new JitEngine().compilation());
            System.setProperty(JitEngine.COMPILATION_PROPERTY, "tiered");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, JitEngine::new);
            assertTrue(e.getMessage().contains("expected lazy or eager"), e.getMessage());
        } finally {
            if (saved == null) {
                System.clearProperty(JitEngine.COMPILATION_PROPERTY);
            } else {
                System.setProperty(JitEngine.COMPILATION_PROPERTY, saved);
            }
        }
        assertEquals(JitEngine.Compilation.EAGER, JitEngine.eager().compilation());
    }
}
