package dev.ligature.jit.compiler;

import dev.ligature.jit.JitEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.text.WatParser;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

class ClassUnloadingTest {
    @Test
    void generatedCodeBecomesCollectableWithItsModule() throws InterruptedException {
        WeakReference<ClassLoader> loader = runOnce();
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(loader.get(), "the module's class loader (and so its classes) must be collectable");
    }

    private static WeakReference<ClassLoader> runOnce() {
        WasmModule m = Modules.of(WatParser.parseModule("""
                (module (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
                  (func (export "f") (param i32) (result i32) (i32.add (call $sq (local.get 0)) (i32.const 1))))
                """), new JitEngine());
        Instance inst = m.instantiate();
        assertEquals(50, inst.function("f").callInt(7));
        return new WeakReference<>(((ModuleCompiler) Modules.code(m)).classOf(1).getClassLoader());
    }
}
