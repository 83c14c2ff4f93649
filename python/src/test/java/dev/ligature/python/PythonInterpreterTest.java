package dev.ligature.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java embedding API on the shared runtime (the compiler): values both ways, Python exceptions
 * as {@link PythonException}, deadlines, the memory cap, and interpreters kept apart. Expected values
 * are Python's own semantics (what CPython gives for these expressions).
 */
class PythonInterpreterTest {
    private static PythonRuntime runtime;

    @BeforeAll
    static void runtime() {
        Assumptions.assumeTrue(PyodideDistribution.bundled().isPresent(),
                "this build has no bundled Pyodide (npm was unavailable when python/fetch-pyodide.sh ran)");
        runtime = PythonRuntime.shared();
    }

    @Test
    void valuesCrossBothWays() {
        try (PythonInterpreter py = runtime.newInterpreter()) {
            assertNull(py.eval("None"));
            assertEquals(true, py.eval("1 < 2"));
            assertEquals(6L, py.eval("2 * 3"));
            assertEquals(new BigInteger("1267650600228229401496703205376"), py.eval("2 ** 100"));
            assertEquals(-1L << 63, py.eval("-2 ** 63"));
            assertEquals(0.1 + 0.2, (Double) py.eval("0.1 + 0.2"));
            assertEquals("héllo wörld ✓", py.eval("'héllo ' + 'wörld ✓'"));
            assertArrayEquals(new byte[] {0, (byte) 255, 65}, (byte[]) py.eval("bytes([0, 255, 65])"));
            assertEquals(List.of(1L, "a", List.of(2.5, false)), py.eval("[1, 'a', (2.5, False)]"));
            Map<Object, Object> want = new LinkedHashMap<>();
            want.put("b", 1L);
            want.put(2L, null);
            assertEquals(want, py.eval("{'b': 1, 2: None}"));

            py.set("xs", Arrays.asList(1, 2L, BigInteger.TEN.pow(30), "s", null, new Object[] {true, 1.5}));
            assertEquals("[1, 2, 1000000000000000000000000000000, 's', None, (True, 1.5)]", py.eval("repr(xs)"));
            py.set("m", Map.of("k", new byte[] {1, 2}));
            assertEquals("{'k': b'\\x01\\x02'}", py.eval("repr(m)"));
            assertEquals(Arrays.asList(1L, 2L, BigInteger.TEN.pow(30), "s", null, List.of(true, 1.5)), py.get("xs"));
            assertThrows(NoSuchElementException.class, () -> py.get("nothing_here"));
            assertThrows(IllegalArgumentException.class, () -> py.set("t", Thread.currentThread()));
            PythonException e = assertThrows(PythonException.class, () -> py.eval("object()"));
            assertEquals("TypeError", e.type());
        }
    }

    @Test
    void exceptionsReachJavaWithTheirTracebackAndTheInterpreterStaysUsable() {
        try (PythonInterpreter py = runtime.newInterpreter()) {
            py.exec("def f(x):\n    return 1 / x\n");
            PythonException e = assertThrows(PythonException.class, () -> py.exec("f(0)"));
            assertEquals("ZeroDivisionError", e.type());
            assertEquals("ZeroDivisionError: division by zero", e.getMessage());
            assertTrue(e.traceback().startsWith("Traceback (most recent call last):\n"), e.traceback());
            assertTrue(e.traceback().contains("line 2, in f\n"), e.traceback());
            assertTrue(e.traceback().endsWith("ZeroDivisionError: division by zero\n"), e.traceback());
            assertEquals("SyntaxError", assertThrows(PythonException.class, () -> py.exec("def (")).type());
            assertEquals(3, assertThrows(PythonException.class, () -> py.exec("import sys; sys.exit(3)")).exitStatus());
            assertEquals("json.decoder.JSONDecodeError", assertThrows(PythonException.class,
                    () -> py.exec("import json; json.loads('{')")).type());
            // No JavaScript: the JS FFI's modules fail to import cleanly.
            py.exec("try:\n    import js\nexcept ImportError as e:\n    js_error = type(e).__name__\n");
            assertEquals("ModuleNotFoundError", py.eval("js_error"));
            assertEquals(4.0, py.eval("f(0.25)"));
        }
    }

    @Test
    void aDeadlineRaisesKeyboardInterruptAndTheInterpreterStaysUsable() {
        try (PythonInterpreter py = runtime.newInterpreter()) {
            PythonException e = assertThrows(PythonException.class,
                    () -> py.withDeadline(Duration.ofMillis(300), () -> {
                        py.exec("i = 0\nwhile True:\n    i += 1\n");
                        return null;
                    }));
            assertEquals("KeyboardInterrupt", e.type());
            assertTrue((Long) py.eval("i") > 0);
            assertEquals(2L, py.eval("1 + 1"));
        }
    }

    @Test
    void asyncioRunsOnInProcessSocketsAndAWaitForeverStillMeetsItsDeadline() {
        try (PythonInterpreter py = runtime.newInterpreter()) {
            py.exec("""
                    import asyncio, socket
                    a, b = socket.socketpair()
                    a.sendall(b"ping")
                    echoed = b.recv(10)
                    a.close(); b.close()
                    async def main():
                        await asyncio.sleep(0.01)
                        return 42
                    result = asyncio.run(main())
                    """);
            assertEquals("ping", new String((byte[]) py.get("echoed"), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(42L, py.eval("result"));
            // nothing will ever be ready: poll waits in slices and the deadline's interrupt gets through
            PythonException e = assertThrows(PythonException.class,
                    () -> py.withDeadline(Duration.ofMillis(300), () -> {
                        py.exec("asyncio.run(asyncio.Event().wait())");
                        return null;
                    }));
            assertEquals("KeyboardInterrupt", e.type());
        }
    }

    @Test
    void theMemoryCapRaisesMemoryError() {
        try (PythonInterpreter py = runtime.newInterpreter(InterpreterOptions.builder().maxMemory(64L << 20).build())) {
            assertEquals("MemoryError", assertThrows(PythonException.class, () -> py.exec("b = bytearray(100_000_000)")).type());
            assertEquals(1_000_000L, py.eval("len(bytearray(1_000_000))"));
        }
    }

    @Test
    void interpretersKeepTheirStateAndOutputApart() {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (PythonInterpreter one = runtime.newInterpreter(InterpreterOptions.builder().stdout(a).build());
                PythonInterpreter two = runtime.newInterpreter(InterpreterOptions.builder().stdout(b).build())) {
            one.exec("x = 'one'\nprint('hello from', x)");
            two.exec("x = 'two'\nprint('hello from', x)");
            assertEquals("one", one.eval("x"));
            assertEquals("two", two.eval("x"));
            one.exec("open('/tmp/f.txt', 'w').write('only in one')");
            assertEquals(false, two.eval("__import__('os').path.exists('/tmp/f.txt')"));
        }
        assertEquals("hello from one\n", a.toString(StandardCharsets.UTF_8));
        assertEquals("hello from two\n", b.toString(StandardCharsets.UTF_8));
    }
}
