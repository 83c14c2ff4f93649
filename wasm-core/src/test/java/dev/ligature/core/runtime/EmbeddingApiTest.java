package dev.ligature.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EmbeddingApiTest {
    static FuncType fn(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    @Test
    void unknownImportNamesModuleAndField() {
        WasmModule m = WasmModule.parseText("(module (import \"env\" \"missing\" (func)))");
        LinkException e = assertThrows(LinkException.class, () -> m.instantiate());
        assertTrue(e.getMessage().startsWith("unknown import"), e.getMessage());
        assertTrue(e.getMessage().contains("\"env\".\"missing\""), e.getMessage());
    }

    @Test
    void incompatibleImportNamesExpectedAndActual() {
        WasmModule m = WasmModule.parseText("(module (import \"env\" \"f\" (func (param i32))))");
        Imports imports = Imports.empty().function("env", "f", fn(List.of(NumType.I64), List.of()), (c, a) -> new long[0]);
        LinkException e = assertThrows(LinkException.class, () -> m.instantiate(imports));
        assertTrue(e.getMessage().startsWith("incompatible import type"), e.getMessage());
        assertTrue(e.getMessage().contains("\"env\".\"f\""), e.getMessage());
        assertTrue(e.getMessage().contains("[i32]") && e.getMessage().contains("[i64]"), e.getMessage());

        WasmModule mem = WasmModule.parseText("(module (import \"env\" \"m\" (memory 2)))");
        LinkException e2 = assertThrows(LinkException.class,
                () -> mem.instantiate(Imports.empty().memory("env", "m", Memory.of(1, -1))));
        assertTrue(e2.getMessage().startsWith("incompatible import type"), e2.getMessage());
        LinkException e3 = assertThrows(LinkException.class,
                () -> mem.instantiate(Imports.empty().global("env", "m", Global.i32(1, false))));
        assertTrue(e3.getMessage().contains("got global i32"), e3.getMessage());
    }

    @Test
    void hostFunctionsSeeTheCallersMemory() {
        WasmModule m = WasmModule.parseText("""
                (module
                  (import "env" "log" (func $log (param i32 i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "hello, host")
                  (func (export "run") (call $log (i32.const 16) (i32.const 11))))
                """);
        List<String> seen = new ArrayList<>();
        Imports imports = Imports.empty().function("env", "log", fn(List.of(NumType.I32, NumType.I32), List.of()),
                (caller, args) -> {
                    seen.add(caller.memory().readString(args[0], (int) args[1]));
                    return new long[0];
                });
        Instance i = m.instantiate(imports);
        i.function("run").call();
        assertEquals(List.of("hello, host"), seen);
        // The raw form reads the same through the context.
        AtomicReference<Instance> callerSeen = new AtomicReference<>();
        Imports raw = Imports.empty().function("env", "log",
                HostFunction.raw("log", fn(List.of(NumType.I32, NumType.I32), List.of()), call -> {
                    callerSeen.set(call.caller());
                    seen.add(call.memory().readString(call.argI32(0), call.argI32(1)));
                }));
        Instance j = m.instantiate(raw);
        j.function("run").call();
        assertSame(j, callerSeen.get());
        assertEquals(2, seen.size());
    }

    @Test
    void hostExceptionsPropagateUnchangedThroughCatchAll() {
        class Boom extends RuntimeException {
        }
        WasmModule m = WasmModule.parseText("""
                (module
                  (import "env" "boom" (func $boom))
                  (func (export "run") (result i32)
                    (block $h (try_table (catch_all $h) (call $boom)) (return (i32.const 1)))
                    (i32.const 2)))
                """);
        Imports imports = Imports.empty().function("env", "boom",
                HostFunction.raw("boom", fn(List.of(), List.of()), call -> {
                    throw new Boom();
                }));
        Instance i = m.instantiate(imports);
        assertThrows(Boom.class, () -> i.function("run").call());
    }

    @Test
    void wasmExceptionEscapesToTheHostWithTagAndPayload() {
        Instance i = WasmModule.parseText("""
                (module
                  (tag $e (export "e") (param i32 i64))
                  (func (export "run") (throw $e (i32.const 7) (i64.const 9))))
                """).instantiate();
        WasmThrow t = assertThrows(WasmThrow.class, () -> i.function("run").call());
        assertSame(i.tag("e"), t.tag());
        assertArrayEquals(new long[] {7, 9}, t.payload());
    }

    @Test
    void stackExhaustionTrapsAndTheInstanceStaysUsable() {
        Instance i = WasmModule.parseText("""
                (module
                  (func $f (export "loop") (param i32) (result i32) (call $f (i32.add (local.get 0) (i32.const 1))))
                  (func (export "ok") (result i32) (i32.const 42)))
                """).instantiate();
        Trap t = assertThrows(Trap.class, () -> i.function("loop").call(0));
        assertEquals(Trap.Kind.CALL_STACK_EXHAUSTED, t.kind());
        assertEquals("call stack exhausted", t.getMessage());
        assertEquals(42, i.function("ok").callInt());
        assertEquals(Trap.Kind.CALL_STACK_EXHAUSTED, assertThrows(Trap.class, () -> i.function("loop").call(0)).kind());
    }

    @Test
    void aMillionMutuallyRecursiveTailCallsComplete() {
        Instance i = WasmModule.parseText("""
                (module
                  (func $even (export "even") (param i64) (result i32)
                    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
                      (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
                  (func $odd (param i64) (result i32)
                    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
                      (else (return_call $even (i64.sub (local.get 0) (i64.const 1)))))))
                """).instantiate();
        assertEquals(1, i.function("even").callInt(1_000_000));
        assertEquals(0, i.function("even").callInt(1_000_001));
    }

    @Test
    void interruptionFromAnotherThreadStopsARunawayLoop() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        WasmModule m = WasmModule.parseText("""
                (module
                  (import "env" "started" (func $started))
                  (func (export "spin") (call $started) (loop $l (br $l))))
                """);
        Instance i = m.instantiate(Imports.empty().function("env", "started", fn(List.of(), List.of()), (c, a) -> {
            started.countDown();
            return new long[0];
        }));
        AtomicReference<Throwable> result = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                i.function("spin").call();
            } catch (Throwable t) {
                result.set(t);
            }
        });
        worker.start();
        started.await();
        i.interrupt();
        worker.join();
        assertTrue(result.get() instanceof Trap, String.valueOf(result.get()));
        assertEquals(Trap.Kind.INTERRUPTED, ((Trap) result.get()).kind());
        assertEquals("interrupted", result.get().getMessage());
    }

    @Test
    void memoryCapLimitsGrowthAndInstantiation() {
        WasmModule m = WasmModule.parseText("""
                (module (memory (export "mem") 1 100)
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
                """);
        Instance capped = m.instantiate(Imports.empty(), InstanceOptions.DEFAULT.withMaxMemoryPages(4));
        assertEquals(1, capped.function("grow").callInt(3));
        assertEquals(-1, capped.function("grow").callInt(1));
        assertEquals(4, capped.memory("mem").pages());
        Trap t = assertThrows(Trap.class, () -> WasmModule.parseText("(module (memory 8))")
                .instantiate(Imports.empty(), InstanceOptions.DEFAULT.withMaxMemoryPages(4)));
        assertEquals(Trap.Kind.LIMIT_EXCEEDED, t.kind());
    }

    @Test
    void aHugeDeclaredMaximumReservesNothing() {
        // Pyodide declares a 4 GiB maximum on a 30 MiB memory.
        Instance i = WasmModule.parseText("(module (memory (export \"m\") 480 65536))").instantiate();
        assertEquals(480, i.memory("m").pages());
        assertEquals(480L * 65536, i.memory("m").byteSize());
    }

    @Test
    void registeredInstancesLinkAndShareState() {
        Instance a = WasmModule.parseText("""
                (module
                  (global $g (export "g") (mut i32) (i32.const 5))
                  (memory (export "mem") 1)
                  (func (export "inc") (global.set $g (i32.add (global.get $g) (i32.const 1)))))
                """).instantiate();
        Imports imports = Imports.empty().register("a", a);
        Instance b = WasmModule.parseText("""
                (module
                  (import "a" "inc" (func $inc))
                  (import "a" "g" (global $g (mut i32)))
                  (import "a" "mem" (memory 1))
                  (func (export "run") (result i32) (call $inc) (i32.store (i32.const 0) (global.get $g)) (global.get $g)))
                """).instantiate(imports);
        assertEquals(6, b.function("run").callInt());
        assertEquals(6, a.global("g").getInt());
        assertEquals(6, a.memory("mem").loadI32(0));
        a.global("g").setInt(100);
        assertEquals(101, b.function("run").callInt());
    }

    @Test
    void hostCallsBackIntoWasmWithoutClobberingFrames() {
        // Emscripten's invoke_* pattern: Wasm calls the host, which calls back into Wasm.
        WasmModule m = WasmModule.parseText("""
                (module
                  (import "env" "invoke" (func $invoke (param i32) (result i32)))
                  (func $sq (export "sq") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
                  (func (export "run") (param i32) (result i32) (local i32)
                    (local.set 1 (i32.const 1000))
                    (i32.add (call $invoke (local.get 0)) (local.get 1))))
                """);
        AtomicReference<Instance> self = new AtomicReference<>();
        Instance i = m.instantiate(Imports.empty().function("env", "invoke", fn(List.of(NumType.I32), List.of(NumType.I32)),
                (caller, args) -> new long[] {self.get().function("sq").callInt((int) args[0]) + 1}));
        self.set(i);
        // run(7) = invoke(7) + local = (7 * 7 + 1) + 1000; the local survives the nested call.
        assertEquals(1050, i.function("run").callInt(7));
    }

    @Test
    void instancesRunInParallel() throws Exception {
        WasmModule m = WasmModule.parseText("""
                (module (func (export "sum") (param i32) (result i64) (local i64)
                  (block $d (loop $l
                    (br_if $d (i32.eqz (local.get 0)))
                    (local.set 1 (i64.add (local.get 1) (i64.extend_i32_u (local.get 0))))
                    (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                    (br $l)))
                  (local.get 1)))
                """);
        List<Thread> threads = new ArrayList<>();
        long[] out = new long[4];
        for (int t = 0; t < 4; t++) {
            int k = t;
            threads.add(Thread.ofPlatform().start(() -> out[k] = m.instantiate().function("sum").callLong(100_000 + k)));
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int t = 0; t < 4; t++) {
            long n = 100_000 + t;
            assertEquals(n * (n + 1) / 2, out[t]);
        }
    }

    @Test
    void tailCallIntoAHostFunctionSeesTheCaller() {
        WasmModule m = WasmModule.parseText("""
                (module
                  (import "env" "h" (func $h (param i32) (result i32)))
                  (memory 1)
                  (func (export "run") (param i32) (result i32) (return_call $h (local.get 0))))
                """);
        Instance i = m.instantiate(Imports.empty().function("env", "h", fn(List.of(NumType.I32), List.of(NumType.I32)),
                (caller, args) -> {
                    caller.memory().storeI32(0, 77);
                    return new long[] {args[0] + 1};
                }));
        assertEquals(6, i.function("run").callInt(5));
        assertEquals(77, i.memory().loadI32(0));
    }

    @Test
    void tablesHoldForeignFunctionsAcrossInstances() {
        Instance a = WasmModule.parseText("""
                (module
                  (table (export "t") 2 funcref)
                  (func $seven (result i32) (i32.const 7))
                  (elem (i32.const 0) $seven))
                """).instantiate();
        Instance b = WasmModule.parseText("""
                (module
                  (import "a" "t" (table 2 funcref))
                  (type $r (func (result i32)))
                  (func (export "call") (param i32) (result i32) (call_indirect (type $r) (local.get 0))))
                """).instantiate(Imports.empty().register("a", a));
        assertEquals(7, b.function("call").callInt(0));
        assertEquals(Trap.Kind.UNINITIALIZED_ELEMENT, assertThrows(Trap.class, () -> b.function("call").call(1)).kind());
        assertEquals(7, a.table("t").get(0) instanceof WasmFunction f ? f.callInt() : -1);
    }

    @Test
    void callDepthBoundTrapsBeforeTheJvmStackRunsOut() {
        Instance i = WasmModule.parseText("""
                (module (func $f (export "down") (param i32) (result i32)
                  (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                    (else (i32.add (i32.const 1) (call $f (i32.sub (local.get 0) (i32.const 1))))))))
                """).instantiate();
        dev.ligature.core.engine.ExecContext ctx = dev.ligature.core.engine.ExecContext.current();
        int saved = ctx.maxDepth;
        try {
            ctx.maxDepth = 50;
            assertEquals(49, i.function("down").callInt(49));
            Trap t = assertThrows(Trap.class, () -> i.function("down").call(50));
            assertEquals(Trap.Kind.CALL_STACK_EXHAUSTED, t.kind());
            assertEquals(0, ctx.depth);
            assertEquals(49, i.function("down").callInt(49));
        } finally {
            ctx.maxDepth = saved;
        }
    }
}
