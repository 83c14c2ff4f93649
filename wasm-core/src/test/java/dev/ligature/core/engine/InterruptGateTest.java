package dev.ligature.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.Imports;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmModule;
import org.junit.jupiter.api.Test;

/** The gate follows every instance's interrupt flag, including flags of instances that were dropped. */
class InterruptGateTest {
    private static Instance newInstance() {
        return WasmModule.parseText("(module (func (export \"f\")))").instantiate(Imports.empty());
    }

    @Test
    void requestsOpenTheGateAndTheLastWithdrawalClosesIt() {
        int before = InterruptGate.pending();
        Instance a = newInstance();
        Instance b = newInstance();
        a.interrupt();
        a.interrupt(); // a second request on the same instance is the same request
        assertEquals(before + 1, InterruptGate.pending());
        assertTrue(InterruptGate.mayBePending());
        b.interrupt();
        assertEquals(before + 2, InterruptGate.pending());
        a.clearInterrupt();
        assertEquals(before + 1, InterruptGate.pending());
        Trap t = org.junit.jupiter.api.Assertions.assertThrows(Trap.class, () -> b.function("f").call());
        assertEquals(Trap.Kind.INTERRUPTED, t.kind());
        assertEquals(before, InterruptGate.pending(), "the trap consumed b's request");
        assertEquals(before > 0, InterruptGate.mayBePending());
    }

    @Test
    void anInstanceDroppedWithAPendingRequestWithdrawsItWhenCollected() throws InterruptedException {
        int before = InterruptGate.pending();
        newInstance().interrupt(); // unreachable at once
        assertEquals(before + 1, InterruptGate.pending());
        for (int i = 0; i < 200 && InterruptGate.pending() > before; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(before, InterruptGate.pending(), "the cleaner withdrew the dropped instance's request");
    }
}
