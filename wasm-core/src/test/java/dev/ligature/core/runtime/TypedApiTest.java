package dev.ligature.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;

/** The typed forms of the embedding API: wrong arity or type is an error, never a reinterpretation. */
class TypedApiTest {
    private static final String MATH = """
            (module
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "half") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 0.5)))
              (func (export "mul64") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
              (func (export "pair") (param i32) (result i32 i64) (local.get 0) (i64.const 7)))
            """;

    /** A host-facing shape of one's own, as an embedder would declare it. */
    public interface Log {
        void log(Instance caller, int ptr, int len);
    }

    @Test
    void typedViewsAreCheckedOnceAndCallWithJavaTypes() {
        Instance i = WasmModule.parseText(MATH).instantiate();
        IntBinaryOperator add = i.function("add").as(IntBinaryOperator.class);
        assertEquals(5, add.applyAsInt(2, 3));
        assertEquals(Integer.MIN_VALUE, add.applyAsInt(Integer.MAX_VALUE, 1));
        DoubleUnaryOperator half = i.function("half").as(DoubleUnaryOperator.class);
        assertEquals(2.25, half.applyAsDouble(4.5));
        assertEquals(42L, i.function("mul64").as(LongBinaryOperator.class).applyAsLong(6, 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> i.function("add").as(DoubleUnaryOperator.class));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> i.function("half").as(IntUnaryOperator.class));
        assertThrows(IllegalArgumentException.class, () -> i.function("pair").as(IntUnaryOperator.class));
    }

    @Test
    void boxedCallsConvertAsJavaWouldAndRefuseWhatDoesNotFit() {
        Instance i = WasmModule.parseText(MATH).instantiate();
        // An int argument to an f64 parameter is widened, as in a Java call: 4 means 4.0, not raw bits.
        assertEquals(2.0, i.function("half").callDouble(4));
        assertEquals(42L, i.function("mul64").callLong(6, 7));
        assertArrayEquals(new Object[] {9, 7L}, i.function("pair").callValues(9));
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class, () -> i.function("add").callInt(1, 2, 3));
        assertTrue(arity.getMessage().contains("expected 2 arguments, got 3"), arity.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> i.function("add").callInt(1L, 2));
        assertTrue(type.getMessage().contains("argument 0 must be i32, got Long"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> i.function("add").callInt(1.5, 2));
        IllegalStateException result = assertThrows(IllegalStateException.class, () -> i.function("add").callDouble(1, 2));
        assertTrue(result.getMessage().contains("does not return exactly one f64"), result.getMessage());
        // The slot form takes exactly the parameters' slots.
        assertThrows(IllegalArgumentException.class, () -> i.function("add").call(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> i.function("add").call(1));
        assertArrayEquals(new long[] {5}, i.function("add").call(2, 3));
    }

    @Test
    void anI32ReachesHostFunctionsTheSameWayFromJavaAndFromWasm() {
        List<Object> seen = new ArrayList<>();
        FuncType i32 = new FuncType(List.of(NumType.I32), List.of());
        Instance i = WasmModule.parseText("""
                (module
                  (import "env" "typed" (func $typed (param i32)))
                  (import "env" "slots" (func $slots (param i32)))
                  (func (export "run") (call $typed (i32.const -1)) (call $slots (i32.const -1))))
                """).instantiate(Imports.empty()
                .function("env", "typed", java.util.function.IntConsumer.class, seen::add)
                .function("env", "slots", i32, (caller, args) -> {
                    seen.add(args[0]);
                    return new long[0];
                }));
        i.function("run").call();
        WasmFunction slots = HostFunction.of("slots", i32, (caller, args) -> {
            seen.add(args[0]);
            return new long[0];
        });
        slots.call(0xFFFF_FFFFL); // the same i32 with other high bits
        assertEquals(List.of(-1, -1L, -1L), seen);
    }

    @Test
    void hostFunctionsFromTypedLambdasSeeTheirCallerDuringInstantiationToo() {
        List<String> printed = new ArrayList<>();
        AtomicReference<Instance> caller = new AtomicReference<>();
        Imports imports = Imports.empty().function("env", "log", Log.class, (c, ptr, len) -> {
            caller.set(c);
            printed.add(c.memory().readString(ptr, len));
        });
        Instance i = WasmModule.parseText("""
                (module
                  (import "env" "log" (func $log (param i32 i32)))
                  (memory 1)
                  (data (i32.const 8) "started")
                  (func $start (call $log (i32.const 8) (i32.const 7)))
                  (start $start))
                """).instantiate(imports);
        assertEquals(List.of("started"), printed);
        assertSame(i, caller.get(), "the start function's host call sees the instance being made");
    }

    @Test
    void aStartFunctionThatIsItselfAHostFunctionGetsTheInstanceAsCaller() {
        AtomicReference<Instance> caller = new AtomicReference<>();
        Instance i = WasmModule.parseText("""
                (module (import "env" "init" (func $init)) (memory 1) (start $init))
                """).instantiate(Imports.empty().function("env", "init", Runnable.class, () -> { }));
        assertTrue(i.hasMemory());
        Instance j = WasmModule.parseText("""
                (module (import "env" "init" (func $init)) (memory 1) (start $init))
                """).instantiate(Imports.empty().function("env", "init", new FuncType(List.of(), List.of()), (c, args) -> {
                    caller.set(c);
                    c.memory().storeI32(0, 42);
                    return new long[0];
                }));
        assertSame(j, caller.get());
        assertEquals(42, j.memory().loadI32(0));
    }

    @Test
    void missingExportsFailOneWay() {
        Instance i = WasmModule.parseText("(module (func (export \"f\")))").instantiate();
        NoSuchElementException fn = assertThrows(NoSuchElementException.class, () -> i.function("nope"));
        assertTrue(fn.getMessage().contains("no export named \"nope\""), fn.getMessage());
        NoSuchElementException kind = assertThrows(NoSuchElementException.class, () -> i.memory("f"));
        assertTrue(kind.getMessage().contains("is not a memory"), kind.getMessage());
        assertThrows(NoSuchElementException.class, i::memory);
        assertThrows(NoSuchElementException.class, () -> i.global("nope"));
        assertTrue(i.export("nope").isEmpty());
        assertTrue(i.export("f").isPresent());
    }

    @Test
    void globalsAreCheckedAgainstTheirType() {
        Global g = Global.i32(7, false);
        assertEquals(7, g.getInt());
        assertThrows(IllegalStateException.class, () -> g.setInt(8));
        assertThrows(IllegalStateException.class, g::getLong);
        Global m = Global.f64(1.5, true);
        m.setDouble(2.5);
        assertEquals(2.5, m.getDouble());
        assertEquals(2.5, m.get());
        assertThrows(IllegalStateException.class, () -> m.setInt(1));
    }

    @Test
    void aTrapPrintsItsWasmBacktrace() {
        Instance i = WasmModule.parseText("""
                (module
                  (func $inner (unreachable))
                  (func $outer (export "outer") (call $inner)))
                """).instantiate();
        Trap t = assertThrows(Trap.class, () -> i.function("outer").call());
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        String printed = out.toString();
        assertTrue(printed.contains("unreachable"), printed);
        // The text format's $names are not a name section: the unnamed function shows by index.
        int inner = printed.indexOf("at wasm.func[0](wasm-function[0])");
        int outer = printed.indexOf("at wasm.outer(wasm-function[1])");
        assertTrue(inner > 0 && outer > inner, "innermost frame first: " + printed);
        assertEquals("outer", t.getStackTrace()[1].getMethodName());
    }

    @Test
    void tablesAndGlobalsTakeOnlyFunctionsLigatureMade() {
        WasmFunction foreign = new WasmFunction() {
            @Override
            public FuncType type() {
                return new FuncType(List.of(), List.of());
            }

            @Override
            public String name() {
                return "foreign";
            }

            @Override
            public void call(long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {}

            @Override
            public long[] call(long... args) {
                return new long[0];
            }

            @Override
            public Object[] callValues(Object... args) {
                return new Object[0];
            }

            @Override
            public <T> T as(Class<T> functionalInterface) {
                throw new UnsupportedOperationException();
            }
        };
        Table t = Table.of(dev.ligature.core.types.RefType.FUNCREF, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> t.set(0, foreign));
        assertThrows(IllegalArgumentException.class, () -> t.set(0, "not a function"));
        assertThrows(IllegalArgumentException.class, () -> t.init(0, new Object[] {foreign}, 0, 1));
        WasmFunction host = HostFunction.of("h", Runnable.class, () -> { });
        t.set(1, host);
        assertSame(host, t.get(1));
        Global g = Global.of(new dev.ligature.core.types.GlobalType(dev.ligature.core.types.RefType.FUNCREF, true));
        assertThrows(IllegalArgumentException.class, () -> g.setRef(foreign));
        g.setRef(host);
        assertSame(host, g.getRef());
        assertThrows(LinkException.class, () -> WasmModule.parseText("(module (import \"env\" \"f\" (func)))")
                .instantiate(Imports.empty().function("env", "f", foreign)));
    }
}
