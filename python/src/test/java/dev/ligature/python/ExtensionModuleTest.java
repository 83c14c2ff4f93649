package dev.ligature.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A C extension module of our own ({@code src/test/extension/ligext.c}, an emcc side module built
 * against CPython's stable ABI) imported the way CPython imports any extension: {@code dlopen} of
 * the file {@code importlib} finds, {@code dlsym("PyInit_ligext")}, the init function and the
 * {@code METH_VARARGS}/{@code METH_NOARGS} methods through the trampoline, {@code METH_O} and
 * {@code METH_FASTCALL} methods directly. Expected values follow from the C source and CPython's
 * documented behaviour of the API functions it calls.
 */
class ExtensionModuleTest {
    private static final Path EXTENSION = Path.of("src/test/extension").toAbsolutePath().normalize();
    private static PythonRuntime runtime;

    private PythonInterpreter py;

    @BeforeAll
    static void runtime() {
        assertTrue(Files.isRegularFile(EXTENSION.resolve("ligext.abi3.so")), "run src/test/extension/build.sh");
        runtime = PythonRuntime.create();
    }

    /** An interpreter of {@code rt} that sees the extension's directory at {@code /ext} on {@code sys.path}. */
    private static PythonInterpreter interpreter(PythonRuntime rt) {
        PythonInterpreter p = rt.newInterpreter(InterpreterOptions.builder().mount(EXTENSION, "/ext", true).build());
        p.exec("import sys; sys.path.insert(0, '/ext')");
        return p;
    }

    @BeforeEach
    void interpreter() {
        py = interpreter(runtime);
        py.exec("import ligext");
    }

    @AfterEach
    void close() {
        py.close();
    }

    /** {@code repr(expression)}. */
    private String r(String expression) {
        return (String) py.eval("repr(" + expression + ")");
    }

    private PythonException raises(String code) {
        return assertThrows(PythonException.class, () -> py.exec(code));
    }

    @Test
    void importedAsAnExtensionModuleFromItsAbi3File() {
        // ".abi3.so" is one of Pyodide's EXTENSION_SUFFIXES (after the cpython-314 tag), so importlib
        // finds the file and hands it to its ExtensionFileLoader
        assertTrue((Boolean) py.eval("'.abi3.so' in __import__('importlib.machinery').machinery.EXTENSION_SUFFIXES"));
        assertEquals("'/ext/ligext.abi3.so'", r("ligext.__file__"));
        assertEquals("'ExtensionFileLoader'", r("type(ligext.__spec__.loader).__name__"));
        assertEquals("'ligext'", r("ligext.__name__"));
        assertEquals("\"A C extension module of Ligature's own, built against CPython's stable ABI.\"", r("ligext.__doc__"));
        // the constants PyInit_ligext added
        assertEquals("42", r("ligext.ANSWER"));
        assertEquals("'hello from C'", r("ligext.GREETING"));
        assertEquals("'add(a, b) -> a + b'", r("ligext.add.__doc__"));
        assertEquals("'builtin_function_or_method'", r("type(ligext.add).__name__"));
    }

    @Test
    void addParsesTwoCLongs() {
        assertEquals("5", r("ligext.add(2, 3)"));
        assertEquals("-3", r("ligext.add(-7, 4)"));
        assertEquals("2147483647", r("ligext.add(2**31 - 2, 1)"));
        assertEquals("True", r("ligext.add(True, True) == 2")); // bool is an int subclass
        // "ll" converts with PyLong_AsLong: C long is 32 bits on wasm32
        PythonException e = raises("ligext.add(2**31, 0)");
        assertEquals("OverflowError", e.type());
        assertEquals("OverflowError: Python int too large to convert to C long", e.getMessage());
        assertEquals("TypeError", raises("ligext.add(1.5, 2)").type());
        // the ":add" in the format names the function in PyArg_ParseTuple's message
        assertEquals("TypeError: add() takes exactly 2 arguments (1 given)", raises("ligext.add(1)").getMessage());
        assertEquals("TypeError", raises("ligext.add(1, 2, x=3)").type()); // METH_VARARGS takes no keywords
    }

    @Test
    void fsumAddsLeftToRightInDoubles() {
        assertEquals("1.75", r("ligext.fsum([0.5, 0.25, 1])")); // exact binary fractions; the int goes through PyFloat_AsDouble
        assertEquals("0.0", r("ligext.fsum([])"));
        assertEquals("-2.5", r("ligext.fsum([-1, -1.5])"));
        // naive left-to-right addition: ten 0.1s fall one ulp short of 1.0 (math.fsum and 3.12+'s
        // compensated sum() give 1.0; the C loop does not compensate)
        assertEquals("0.9999999999999999", r("ligext.fsum([0.1] * 10)"));
        assertEquals("1.0", r("sum([0.1] * 10)"));
        assertEquals("TypeError: fsum() expects a list", raises("ligext.fsum((1.0, 2.0))").getMessage());
        PythonException e = raises("ligext.fsum([1.0, 'x'])");
        assertEquals("TypeError", e.type());
        assertTrue(e.getMessage().contains("str"), e.getMessage());
    }

    @Test
    void describeBuildsADictWithATuple() {
        // insertion order: sum, product, pair
        assertEquals("{'sum': 13, 'product': 42, 'pair': (6, 7)}", r("ligext.describe(6, 7)"));
        assertEquals("{'sum': -1, 'product': -6, 'pair': (2, -3)}", r("ligext.describe(2, -3)"));
        // the pair holds the very argument objects (PyTuple_Pack takes new references to them)
        assertEquals("True", r("(lambda n: ligext.describe(n, 0)['pair'][0] is n)(10**5)"));
        assertEquals("TypeError: describe() takes 2 arguments (1 given)", raises("ligext.describe(1)").getMessage());
        assertEquals("TypeError: describe() takes 2 arguments (3 given)", raises("ligext.describe(1, 2, 3)").getMessage());
    }

    @Test
    void positiveRaisesValueErrorWithItsMessage() {
        assertEquals("5", r("ligext.positive(5)"));
        PythonException e = raises("ligext.positive(-3)");
        assertEquals("ValueError", e.type());
        assertEquals("ValueError: expected a positive number, got -3", e.getMessage());
        assertTrue(e.traceback().endsWith("ValueError: expected a positive number, got -3\n"), e.traceback());
        assertEquals("ValueError: expected a positive number, got 0", raises("ligext.positive(0)").getMessage());
        // caught in Python like any other exception
        py.exec("""
                try:
                    ligext.positive(-1)
                except ValueError as e:
                    caught = (type(e).__name__, e.args)
                """);
        assertEquals("('ValueError', ('expected a positive number, got -1',))", r("caught"));
    }

    @Test
    void ticketCountsInTheModuleState() {
        assertEquals("1", r("ligext.ticket()"));
        assertEquals("2", r("ligext.ticket()"));
        assertEquals("3", r("ligext.ticket()"));
        assertEquals("None", r("ligext.none()"));
        assertEquals("True", r("ligext.none() is None"));
    }

    @Test
    void staticCounterCountsEveryCallIncludingFailedOnes() {
        assertEquals("0", r("ligext.calls()")); // a fresh interpreter loaded its own copy of the data segment
        py.exec("""
                ligext.add(1, 2)
                ligext.fsum([1.0])
                try: ligext.positive(0)
                except ValueError: pass
                try: ligext.add('a', 'b')
                except TypeError: pass
                """);
        assertEquals("4", r("ligext.calls()")); // calls++ comes before any argument check
    }

    @Test
    void callsBackIntoPython() {
        assertEquals("42", r("ligext.apply(lambda x: x * 2, 21)"));
        assertEquals("'ABC'", r("ligext.apply(str.upper, 'abc')"));
        // C calling Python calling C again
        assertEquals("5", r("ligext.apply(lambda t: ligext.add(*t), (2, 3))"));
        assertEquals("[0, 1, 4, 9, 16]", r("ligext.map_range(lambda i: i * i, 5)"));
        assertEquals("[]", r("ligext.map_range(print, 0)"));
        // the callback sees each index once, in order
        py.exec("seen = []\nresult = ligext.map_range(lambda i: seen.append(i) or -i, 3)");
        assertEquals("([0, 1, 2], [0, -1, -2])", r("(seen, result)"));
        // an exception in the callback comes out of the C function, with the lambda's frame
        PythonException e = raises("ligext.map_range(lambda i: 10 // (2 - i), 4)");
        assertEquals("ZeroDivisionError", e.type());
        assertTrue(e.traceback().contains("<lambda>"), e.traceback());
        assertEquals("ZeroDivisionError", raises("ligext.apply(lambda x: 1 / x, 0)").type());
        assertEquals("TypeError: apply() needs a callable", raises("ligext.apply(3, 4)").getMessage());
        assertEquals("ValueError: map_range() needs n >= 0", raises("ligext.map_range(abs, -1)").getMessage());
    }

    @Test
    void everyInterpreterOfARuntimeSharesTheCompiledExtension() {
        PythonRuntime rt = PythonRuntime.create();
        List<PythonInterpreter> interpreters = new ArrayList<>();
        try {
            long before = rt.cache().compilations();
            for (int i = 0; i < 3; i++) {
                PythonInterpreter p = interpreter(rt);
                interpreters.add(p);
                p.exec("import ligext");
                // compiled on the first import only
                assertEquals(before + 1, rt.cache().compilations(), "compilations after interpreter " + i);
            }
            // each interpreter has its own instance: its own module state and static data
            for (int i = 0; i < interpreters.size(); i++) {
                PythonInterpreter p = interpreters.get(i);
                for (int k = 0; k <= i; k++) {
                    p.exec("t = ligext.ticket()");
                }
                assertEquals(i + 1, ((Number) p.eval("t")).intValue());
                assertEquals(i + 1, ((Number) p.eval("ligext.calls()")).intValue());
                assertEquals(7, ((Number) p.eval("ligext.add(3, 4)")).intValue());
            }
            assertEquals(before + 1, rt.cache().compilations());
        } finally {
            interpreters.forEach(PythonInterpreter::close);
        }
    }
}
