package dev.ligature.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.RefType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** Instantiation one phase at a time, and imports made on demand: the seams a dynamic linker needs. */
class InstantiationTest {
    /** A side-module-like shape: data and table entries placed at bases the host chooses, a start function. */
    private static final String SIDE = """
            (module
              (import "env" "memory" (memory 1))
              (import "env" "table" (table 4 funcref))
              (import "env" "__memory_base" (global $mb i32))
              (import "env" "__table_base" (global $tb i32))
              (import "env" "started" (func $started))
              (import "GOT.mem" "counter" (global $got (mut i32)))
              (data (global.get $mb) "side")
              (elem (global.get $tb) $seven)
              (func $seven (result i32) (i32.const 7))
              (func (export "got") (result i32) (global.get $got))
              (func $init (call $started))
              (start $init))
            """;

    @Test
    void eachPhaseDoesItsPartInOrder() {
        Memory memory = Memory.of(1, 1);
        Table table = Table.of(RefType.FUNCREF, 4, 4);
        List<String> events = new ArrayList<>();
        Imports imports = Imports.empty()
                .memory("env", "memory", memory)
                .table("env", "table", table)
                .global("env", "__memory_base", Global.i32(100, false))
                .global("env", "__table_base", Global.i32(2, false))
                .function("env", "started", Runnable.class, () -> events.add("start"))
                .global("GOT.mem", "counter", Global.i32(0, true));
        Instantiation in = WasmModule.parseText(SIDE).link(imports, InstanceOptions.DEFAULT);
        assertEquals(Instantiation.Phase.LINKED, in.phase());
        assertThrows(IllegalStateException.class, in::instance);
        assertThrows(IllegalStateException.class, in::initialize);

        Instance instance = in.allocate();
        assertEquals(Instantiation.Phase.ALLOCATED, in.phase());
        assertSame(instance, in.instance());
        assertEquals(0, memory.loadI32(100), "no data before initialize()");
        assertNull(table.get(2), "no elements before initialize()");

        in.initialize();
        assertEquals("side", memory.readString(100, 4));
        assertEquals(7, ((WasmFunction) table.get(2)).callInt());
        assertEquals(List.of(), events, "the start function waits for start()");

        assertSame(instance, in.start());
        assertEquals(List.of("start"), events);
        assertEquals(Instantiation.Phase.STARTED, in.phase());
        assertThrows(IllegalStateException.class, in::start);
    }

    @Test
    void linkingFailuresAllocateNothingAndAFailedPhaseEndsTheInstantiation() {
        WasmModule m = WasmModule.parseText(SIDE);
        LinkException e = assertThrows(LinkException.class, () -> m.link(Imports.empty(), InstanceOptions.DEFAULT));
        assertTrue(e.getMessage().contains("unknown import \"env\".\"memory\""), e.getMessage());

        Memory memory = Memory.of(1, 1);
        Imports imports = Imports.empty()
                .memory("env", "memory", memory)
                .table("env", "table", Table.of(RefType.FUNCREF, 4, 4))
                .global("env", "__memory_base", Global.i32(65534, false)) // "side" does not fit at the end
                .global("env", "__table_base", Global.i32(0, false))
                .function("env", "started", Runnable.class, () -> { })
                .global("GOT.mem", "counter", Global.i32(0, true));
        Instantiation in = m.link(imports, InstanceOptions.DEFAULT);
        in.allocate();
        Trap t = assertThrows(Trap.class, in::initialize);
        assertEquals(Trap.Kind.OUT_OF_BOUNDS_MEMORY, t.kind());
        assertEquals(Instantiation.Phase.FAILED, in.phase());
        assertThrows(IllegalStateException.class, in::start);
        assertThrows(IllegalStateException.class, in::complete);
    }

    @Test
    void aResolverMakesWhatTheImportsLackOnDemand() {
        Map<String, Global> got = new LinkedHashMap<>();
        List<String> asked = new ArrayList<>();
        Imports imports = Imports.empty()
                .memory("env", "memory", Memory.of(1, 1))
                .table("env", "table", Table.of(RefType.FUNCREF, 4, 4))
                .global("env", "__memory_base", Global.i32(0, false))
                .global("env", "__table_base", Global.i32(0, false))
                .resolver(imp -> {
                    asked.add(imp.module() + "." + imp.name());
                    if (imp.module().equals("GOT.mem")) {
                        return got.computeIfAbsent(imp.name(), n -> Global.i32(42, true));
                    }
                    if (imp.type() instanceof ExternType.Func) {
                        // A stub with the import's own type, as a lazy binding would be.
                        return HostFunction.of(imp.name(), imp.functionType(), (caller, args) -> new long[0]);
                    }
                    return null;
                });
        Instance i = WasmModule.parseText(SIDE).instantiate(imports);
        assertEquals(List.of("env.started", "GOT.mem.counter"), asked, "only what the entries lack, in import order");
        assertEquals(42, i.function("got").callInt());
        got.get("counter").setInt(43);
        assertEquals(43, i.function("got").callInt(), "the module reads the cell the resolver made");

        // What the resolver returns is checked like any import.
        Imports wrong = Imports.empty().resolver(imp -> Global.of(new GlobalType(NumType.I64, false)));
        LinkException e = assertThrows(LinkException.class, () -> WasmModule.parseText(SIDE).instantiate(wrong));
        assertTrue(e.getMessage().contains("incompatible import type"), e.getMessage());
        // A resolver that has nothing leaves the import unknown.
        Imports none = Imports.empty().resolver(imp -> null);
        assertThrows(LinkException.class, () -> WasmModule.parseText(SIDE).instantiate(none));
    }

    @Test
    void instantiateIsTheFourPhasesInARow() {
        Instance i = WasmModule.parseText("""
                (module (global $g (mut i32) (i32.const 1)) (memory 1) (data (i32.const 0) "\\05")
                  (func $s (global.set $g (i32.load8_u (i32.const 0)))) (start $s)
                  (func (export "g") (result i32) (global.get $g)))
                """).link(Imports.empty(), InstanceOptions.DEFAULT).complete();
        assertEquals(5, i.function("g").as(IntSupplier.class).getAsInt());
    }
}
