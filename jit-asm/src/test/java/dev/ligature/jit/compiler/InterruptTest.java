package dev.ligature.jit.compiler;

import dev.ligature.jit.JitEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.engine.InterruptGate;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmModule;
import dev.ligature.core.text.WatParser;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link Instance#interrupt()} from another thread stops a loop that the JVM's JIT compiled while no interrupt was
 * pending, i.e. with the check folded away behind the closed {@link InterruptGate}.
 */
class InterruptTest {
    /** A loop with no calls: only the gate (and the JVM's deoptimization) can stop it. */
    private static final String SPIN = """
            (module (memory (export "memory") 1)
              (func (export "spin") (result i32)
                (loop $l
                  (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
                  (br $l))
                (i32.const 0)))
            """;

    /** Runs {@code spin} in a daemon thread, interrupts it after {@code warmMillis}; returns what it threw. */
    private static Throwable spinThenInterrupt(Instance inst, long warmMillis) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                inst.function("spin").call();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "spin");
        t.setDaemon(true); // if the interrupt were lost, the test fails instead of hanging the JVM
        t.start();
        Thread.sleep(warmMillis);
        assertTrue(t.isAlive(), "still spinning before the interrupt");
        inst.interrupt();
        t.join(30_000);
        assertFalse(t.isAlive(), "the interrupted loop stopped");
        return thrown.get();
    }

    @Test
    void aHotCompiledLoopStopsWhenAnotherThreadInterruptsIt() throws Exception {
        WasmModule m = Modules.of(WatParser.parseModule(SPIN),
                new JitEngine());
        Instance inst = m.instantiate(Imports.empty());
        // Long enough for HotSpot to OSR-compile the loop with the closed gate folded into it.
        Throwable first = spinThenInterrupt(inst, 1500);
        Trap t = assertInstanceOf(Trap.class, first);
        assertEquals(Trap.Kind.INTERRUPTED, t.kind());
        // The counter is an i32 that a fast machine wraps in 1.5 s: compare it unsigned.
        assertTrue(Integer.compareUnsigned(inst.memory("memory").loadI32(0), 1000) > 0,
                "it ran: " + Integer.toUnsignedString(inst.memory("memory").loadI32(0)));
        assertFalse(dev.ligature.core.engine.ModuleAccess.state(inst).interruptRequested(), "the trap consumed the request");
        assertFalse(InterruptGate.mayBePending(), "the gate closed again");

        // Again, after the gate closed: the loop was recompiled without a check and must still stop.
        Throwable second = spinThenInterrupt(inst, 1500);
        assertEquals(Trap.Kind.INTERRUPTED, assertInstanceOf(Trap.class, second).kind());
    }

    @Test
    void aRequestOnOneInstanceLeavesTheOthersRunning() throws Exception {
        WasmModule m = Modules.of(WatParser.parseModule("""
                (module (func (export "count") (param i32) (result i32) (local i32)
                  (loop $l (local.set 1 (i32.add (local.get 1) (i32.const 1)))
                    (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
                  (local.get 1)))
                """), new JitEngine());
        Instance a = m.instantiate(Imports.empty());
        Instance b = m.instantiate(Imports.empty());
        a.interrupt();
        assertTrue(InterruptGate.mayBePending());
        assertEquals(100_000, b.function("count").call(100_000)[0], "b has no request: it runs to the end");
        Trap t = org.junit.jupiter.api.Assertions.assertThrows(Trap.class, () -> a.function("count").call(10));
        assertEquals(Trap.Kind.INTERRUPTED, t.kind());
        a.interrupt();
        a.clearInterrupt();
        assertEquals(10, a.function("count").call(10)[0], "a withdrawn request stops nothing");
        assertFalse(InterruptGate.mayBePending());
    }
}
