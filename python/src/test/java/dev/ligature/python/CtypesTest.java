package dev.ligature.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ctypes through libffi's host half ({@link Libffi}): calls into libc and into the dylink fixtures'
 * side modules, callbacks, structures, variadic calls. Expected values follow from C semantics, the
 * fixtures' sources ({@code dylink/fixtures/src}), or what node + Pyodide 314.0.7 gave (pyodide.md
 * §3.6, the corpus' expected files).
 */
class CtypesTest {
    private static final Path FIXTURES = Path.of("../dylink/fixtures").toAbsolutePath().normalize();
    private static PythonRuntime runtime;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;
    private PythonInterpreter py;

    @BeforeAll
    static void runtime() {
        runtime = PythonRuntime.create();
    }

    @BeforeEach
    void interpreter() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        py = runtime.newInterpreter(InterpreterOptions.builder().stdout(out).stderr(err)
                .mount(FIXTURES, "/fixtures", true)
                // libuser.so's NEEDED libprovider.so is found through LD_LIBRARY_PATH, as in Pyodide
                .env("LD_LIBRARY_PATH", "/fixtures")
                .build());
        py.exec("import ctypes as C\nlibc = C.CDLL(None)");
    }

    @AfterEach
    void close() {
        py.close();
    }

    /** {@code repr(expression)}. */
    private String r(String expression) {
        return (String) py.eval("repr(" + expression + ")");
    }

    private String stdout() {
        py.exec("import sys; sys.stdout.flush()");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void strlenOfTheMainModule() {
        assertEquals("5", r("libc.strlen(b'hello')"));
        assertEquals("0", r("libc.strlen(b'')"));
    }

    @Test
    void scalarArgumentsAndResults() {
        py.exec("""
                libc.sqrt.restype = C.c_double; libc.sqrt.argtypes = [C.c_double]
                libc.sqrtf.restype = C.c_float; libc.sqrtf.argtypes = [C.c_float]
                libc.llabs.restype = C.c_int64; libc.llabs.argtypes = [C.c_int64]
                libc.ldexp.restype = C.c_double; libc.ldexp.argtypes = [C.c_double, C.c_int]
                libc.strchr.restype = C.c_char_p
                libc.atoll.restype = C.c_longlong
                libc.sqrtl.restype = C.c_longdouble; libc.sqrtl.argtypes = [C.c_longdouble]
                """);
        assertEquals("16", r("C.sizeof(C.c_longdouble)"));
        assertEquals("1.5", r("libc.sqrtl(2.25)")); // returned through a hidden pointer, passed as two i64
        assertEquals("17", r("libc.abs(-17)"));
        assertEquals("-2147483648", r("libc.abs(-2**31)")); // abs(INT_MIN) wraps in C
        assertEquals("1.5", r("libc.sqrt(2.25)"));
        assertEquals("2.5", r("libc.sqrtf(6.25)"));
        assertEquals("1099511627776", r("libc.llabs(-2**40)"));
        assertEquals("-9223372036854775807", r("libc.atoll(b'-9223372036854775807')"));
        assertEquals("12.0", r("libc.ldexp(0.75, 4)"));
        assertEquals("b'world'", r("libc.strchr(b'hello world', ord('w'))"));
        assertEquals("None", r("libc.strchr(b'hello', ord('z'))"));
    }

    @Test
    void structuresByValueAndByPointer() {
        py.exec("""
                class div_t(C.Structure): _fields_ = [("quot", C.c_int), ("rem", C.c_int)]
                class lldiv_t(C.Structure): _fields_ = [("quot", C.c_longlong), ("rem", C.c_longlong)]
                class Point(C.Structure): _fields_ = [("x", C.c_int), ("y", C.c_int)]
                class Wrapped(C.Structure): _fields_ = [("d", C.c_double)]
                libc.div.restype = div_t
                libc.lldiv.restype = lldiv_t; libc.lldiv.argtypes = [C.c_longlong, C.c_longlong]
                """);
        // struct returns go through a hidden pointer
        assertEquals("(3, 2)", r("(lambda d: (d.quot, d.rem))(libc.div(17, 5))"));
        assertEquals("(-3, -2)", r("(lambda d: (d.quot, d.rem))(libc.div(-17, 5))"));
        assertEquals("(100000000000, 7)", r("(lambda d: (d.quot, d.rem))(libc.lldiv(10**12 + 7, 10))"));
        // a struct argument by value, to a callback called through ffi_call (both halves copy it)
        assertEquals("34", r("C.CFUNCTYPE(C.c_int, Point)(lambda p: p.x * 10 + p.y)(Point(3, 4))"));
        // a one-member struct is passed as its member
        assertEquals("5.0", r("C.CFUNCTYPE(C.c_double, Wrapped, C.c_double)(lambda w, k: w.d * k)(Wrapped(2.5), 2.0)"));
        // by pointer: C writes into Python-owned structures
        py.exec("""
                src = Point(7, -8); dst = Point()
                libc.memcpy(C.byref(dst), C.byref(src), C.sizeof(Point))
                e = C.c_int()
                libc.frexp.restype = C.c_double; libc.frexp.argtypes = [C.c_double, C.POINTER(C.c_int)]
                m = libc.frexp(8.0, C.byref(e))
                """);
        assertEquals("(7, -8)", r("(dst.x, dst.y)"));
        assertEquals("(0.5, 4)", r("(m, e.value)"));
    }

    @Test
    void arrays() {
        py.exec("""
                a = (C.c_int * 5)(1, 2, 3, 4, 5)
                b = (C.c_int * 5)()
                libc.memcpy(b, a, C.sizeof(a))
                libc.memset(a, 0, 2 * C.sizeof(C.c_int))
                d = (C.c_double * 3)(1.5, -2.0, 4.25)
                buf = C.create_string_buffer(16)
                libc.strcpy(buf, b"array")
                """);
        assertEquals("[1, 2, 3, 4, 5]", r("list(b)"));
        assertEquals("[0, 0, 3, 4, 5]", r("list(a)"));
        assertEquals("b'array'", r("buf.value"));
        assertEquals("5", r("libc.strlen(buf)"));
        assertEquals("0", r("libc.memcmp(d, (C.c_double * 3)(1.5, -2.0, 4.25), C.sizeof(d))"));
    }

    @Test
    void qsortWithPythonComparators() {
        py.exec("""
                ICMP = C.CFUNCTYPE(C.c_int, C.POINTER(C.c_int), C.POINTER(C.c_int))
                ints = (C.c_int * 9)(5, 3, 9, 1, 7, -4, 0, 12, 3)
                libc.qsort(ints, len(ints), C.sizeof(C.c_int), ICMP(lambda a, b: (a[0] > b[0]) - (a[0] < b[0])))
                DCMP = C.CFUNCTYPE(C.c_int, C.POINTER(C.c_double), C.POINTER(C.c_double))
                doubles = (C.c_double * 5)(2.5, -1.0, 3.25, 0.0, 1e-3)
                libc.qsort(doubles, 5, C.sizeof(C.c_double), DCMP(lambda a, b: (a[0] < b[0]) - (a[0] > b[0])))
                key = C.c_int(7)
                libc.bsearch.restype = C.POINTER(C.c_int)
                found = libc.bsearch(C.byref(key), ints, len(ints), C.sizeof(C.c_int),
                                     ICMP(lambda a, b: (a[0] > b[0]) - (a[0] < b[0])))
                """);
        assertEquals("[-4, 0, 1, 3, 3, 5, 7, 9, 12]", r("list(ints)"));
        assertEquals("[3.25, 2.5, 0.001, 0.0, -1.0]", r("list(doubles)"));
        assertEquals("(7, 6)", r("(found[0], (C.cast(found, C.c_void_p).value - C.addressof(ints)) // 4)"));
    }

    @Test
    void callbacksOfEverySignatureKind() {
        assertEquals("10.0", r("C.CFUNCTYPE(C.c_double, C.c_double)(lambda x: x * 2.5)(4.0)"));
        assertEquals("0.75", r("C.CFUNCTYPE(C.c_float, C.c_float, C.c_float)(lambda a, b: a * b)(0.5, 1.5)"));
        assertEquals("1099511627778", r("C.CFUNCTYPE(C.c_int64, C.c_int64, C.c_float)(lambda a, f: a + int(f))(2**40, 2.5)"));
        assertEquals("-2147483648", r("C.CFUNCTYPE(C.c_int, C.c_int, C.c_int)(lambda a, b: a + b)(2**31 - 1, 1)"));
        py.exec("""
                seen = []
                def small(a, b, c):
                    seen.append((a, b, c))
                    return a + b + c
                f = C.CFUNCTYPE(C.c_short, C.c_uint8, C.c_int8, C.c_uint16)(small)
                res = f(200, -3, 65535)
                calls = []
                v = C.CFUNCTYPE(None, C.c_char_p)(lambda s: calls.append(s))
                v(b"void result")
                """);
        assertEquals("[(200, -3, 65535)]", r("seen"));
        assertEquals("196", r("res")); // 65732 as a short
        assertEquals("[b'void result']", r("calls"));
    }

    @Test
    void closuresAreFreedAndTheirSlotsReused() {
        py.exec("""
                import gc
                CB = C.CFUNCTYPE(C.c_int, C.c_int)
                def addr(f): return C.cast(f, C.c_void_p).value
                f = CB(lambda x: x + 1); first = addr(f); del f; gc.collect()
                g = CB(lambda x: x * 3)
                """);
        assertEquals("True", r("addr(g) == first"));
        assertEquals("21", r("g(7)"));
    }

    @Test
    void variadicCallsWithArgtypes() {
        py.exec("""
                buf = C.create_string_buffer(64)
                libc.snprintf.argtypes = [C.c_char_p, C.c_size_t, C.c_char_p]
                n1 = libc.snprintf(buf, 64, b"%d-%s-%.2f", 42, b"x", C.c_double(3.14159)); v1 = buf.value
                n2 = libc.snprintf(buf, 64, b"%g|%lld|%c|%d", C.c_double(0.5), C.c_int64(2**40), C.c_int(90), -7); v2 = buf.value
                """);
        assertEquals("(9, b'42-x-3.14')", r("(n1, v1)")); // pyodide.md §3.6
        assertEquals("(22, b'0.5|1099511627776|Z|-7')", r("(n2, v2)"));
    }

    @Test
    void wrongArgumentTypesRaiseArgumentError() {
        py.exec("""
                libc.strlen.argtypes = [C.c_char_p]
                try:
                    libc.strlen(42)
                    outcome = "no error"
                except C.ArgumentError as e:
                    outcome = str(e)
                try:
                    libc.strlen()
                    too_many = "no error"
                except TypeError as e:
                    too_many = str(e)
                """);
        assertEquals("argument 1: TypeError: 'int' object cannot be interpreted as ctypes.c_char_p", py.eval("outcome"));
        assertEquals("this function takes at least 1 argument (0 given)", py.eval("too_many"));
    }

    @Test
    void sideModulesOfTheDylinkFixtures() {
        // libprovider.c: provider_func(x) = x + provider_value (41)
        assertEquals("42", r("C.CDLL('/fixtures/libprovider.so').provider_func(1)"));
        assertEquals("41", r("C.c_int.in_dll(C.CDLL('/fixtures/libprovider.so'), 'provider_value').value"));
        // libuser.c: provider_func(x) * 2 + provider_value, libprovider.so found as its NEEDED
        assertEquals("125", r("C.CDLL('/fixtures/libuser.so').user_func(1)"));
        // libctor.cpp: tracker.v (1000) + ctor_count (1 + 10); both constructors print on load
        assertEquals("1011", r("C.CDLL('/fixtures/libctor.so').ctor_value()"));
        String printed = stdout();
        assertTrue(printed.contains("libctor: __attribute__((constructor)) ran\n"), printed);
        assertTrue(printed.contains("libctor: C++ static constructor ran\n"), printed);
        // libweakundef.c: both weak undefined addresses are NULL (1 + 2)
        assertEquals("3", r("C.CDLL('/fixtures/libweakundef.so').weak_report()"));
        // liblate.c calls late_func, defined only by liblateprov.so loaded RTLD_GLOBAL afterwards
        py.exec("late = C.CDLL('/fixtures/liblate.so'); C.CDLL('/fixtures/liblateprov.so', mode=C.RTLD_GLOBAL)");
        assertEquals("2001", r("late.call_late(1)"));
        // i64 through a side module is not reachable: libdata.so needs the fixtures' main program
        // (main_func, main_data), which Pyodide does not define, so its load fails as a required
        // GOT entry that nothing defines.
        py.exec("""
                try:
                    C.CDLL('/fixtures/libdata.so'); data = 'loaded'
                except OSError as e:
                    data = str(e)
                """);
        String data = (String) py.eval("data");
        assertTrue(data.startsWith("could not load dynamic lib: /fixtures/libdata.so\n"), data);
        assertTrue(data.contains("undefined symbol 'main_"), data);
    }

    @Test
    void aMissingLibraryIsAnOSError() {
        py.exec("""
                try:
                    C.CDLL('/fixtures/nope.so'); missing = 'loaded'
                except OSError as e:
                    missing = str(e)
                """);
        String msg = (String) py.eval("missing");
        assertTrue(msg.startsWith("could not load dynamic lib: /fixtures/nope.so\n"), msg);
    }

    /** The corpus scripts that use ctypes, run as the corpus README describes, against Pyodide's recorded output. */
    @Test
    void corpusCtypesBasics() throws IOException {
        corpus("34_ctypes_basics");
    }

    @Test
    void corpusCtypesQsort() throws IOException {
        corpus("35_ctypes_qsort");
    }

    private void corpus(String name) throws IOException {
        Path dir = Path.of("src/test/corpus");
        py.set("script", Files.readString(dir.resolve("scripts/" + name + ".py")));
        py.set("run_main", Files.readString(dir.resolve("run_main.py")));
        py.exec("open('/tmp/" + name + ".py', 'w').write(script)\n"
                + "exec(compile(run_main, 'run_main.py', 'exec'), globals())\n"
                + "status = corpus_run('/tmp/" + name + ".py')");
        assertEquals(Files.readString(dir.resolve("expected/" + name + ".status")).strip(), r("status"));
        assertEquals(Files.readString(dir.resolve("expected/" + name + ".stdout")), out.toString(StandardCharsets.UTF_8));
        assertEquals(Files.readString(dir.resolve("expected/" + name + ".stderr")), err.toString(StandardCharsets.UTF_8));
    }
}
