package dev.ligature.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class InstanceOptionsTest {
    private static final WasmModule MODULE = WasmModule.parseText("(module (memory (export \"m\") 1 4))");

    @Test
    void theBackingIsAnOptionOfTheInstance() {
        assertEquals(InstanceOptions.MemoryBacking.AUTO, InstanceOptions.DEFAULT.memoryBacking());
        assertEquals(new InstanceOptions(-1), InstanceOptions.DEFAULT);
        InstanceOptions heap = InstanceOptions.DEFAULT.withMaxMemoryPages(3).withMemoryBacking(InstanceOptions.MemoryBacking.HEAP);
        assertEquals(3, heap.maxMemoryPages());
        Memory m = MODULE.instantiate(Imports.empty(), heap).memory();
        assertEquals(Memory.Backing.HEAP, m.backing());
        assertEquals(3, m.maxPages());
        assertEquals(Memory.Backing.ARRAY, MODULE.instantiate(Imports.empty(),
                InstanceOptions.DEFAULT.withMemoryBacking(InstanceOptions.MemoryBacking.ARRAY)).memory().backing());
    }

    @Test
    void thePropertyIsAnExplicitOverrideOnly() {
        String key = InstanceOptions.MEMORY_BACKING_PROPERTY;
        String saved = System.getProperty(key);
        System.setProperty(key, "heap");
        try {
            assertNotEquals(Memory.Backing.HEAP, MODULE.instantiate().memory().backing(), "the library reads no -D");
            InstanceOptions o = InstanceOptions.fromSystemProperties(InstanceOptions.DEFAULT.withMaxMemoryPages(2));
            assertEquals(new InstanceOptions(2, InstanceOptions.MemoryBacking.HEAP), o);
        } finally {
            if (saved == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, saved);
            }
        }
        Properties p = new Properties();
        assertEquals(InstanceOptions.DEFAULT, InstanceOptions.fromProperties(InstanceOptions.DEFAULT, p));
        p.setProperty(InstanceOptions.MEMORY_BACKING_PROPERTY, " MMAP ");
        assertEquals(InstanceOptions.MemoryBacking.MMAP, InstanceOptions.fromProperties(InstanceOptions.DEFAULT, p).memoryBacking());
        p.setProperty(InstanceOptions.MEMORY_BACKING_PROPERTY, "disk");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstanceOptions.fromProperties(InstanceOptions.DEFAULT, p));
        assertTrue(e.getMessage().contains("expected auto, array, heap or mmap"), e.getMessage());
    }
}
