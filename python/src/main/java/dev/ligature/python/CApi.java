package dev.ligature.python;

import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.emscripten.EmscriptenProcess;

/**
 * The few functions of CPython's C API the Java side calls, by their exported names, with
 * pointers as {@code long} (unsigned 32-bit). Object results are new references unless the C API
 * says borrowed; 0 means an exception is set.
 */
final class CApi {
    /** {@code Py_single_input}, {@code Py_file_input}, {@code Py_eval_input}. */
    static final int SINGLE_INPUT = 256;
    static final int FILE_INPUT = 257;
    static final int EVAL_INPUT = 258;

    private final EmscriptenProcess process;
    private final Memory memory;
    private final WasmFunction compile;
    private final WasmFunction evalCode;
    private final WasmFunction getRaisedException;
    private final WasmFunction callOneArg;
    private final WasmFunction bytesAsString;
    private final WasmFunction bytesSize;
    private final WasmFunction bytesFromStringAndSize;
    private final WasmFunction decRef;
    private final WasmFunction dictNew;
    private final WasmFunction dictSetItemString;
    private final WasmFunction dictGetItemString;
    private final WasmFunction evalGetBuiltins;
    private final WasmFunction importAddModule;
    private final WasmFunction moduleGetDict;
    private final WasmFunction errPrint;
    private final WasmFunction importModule;
    private final WasmFunction incRef;
    private final WasmFunction setRaisedException;
    private final WasmFunction getAttrString;
    private final WasmFunction unicodeFromString;

    CApi(EmscriptenProcess process) {
        this.process = process;
        this.memory = process.memory();
        this.compile = process.function("Py_CompileStringExFlags");
        this.evalCode = process.function("PyEval_EvalCode");
        this.getRaisedException = process.function("PyErr_GetRaisedException");
        this.callOneArg = process.function("PyObject_CallOneArg");
        this.bytesAsString = process.function("PyBytes_AsString");
        this.bytesSize = process.function("PyBytes_Size");
        this.bytesFromStringAndSize = process.function("PyBytes_FromStringAndSize");
        this.decRef = process.function("Py_DecRef");
        this.dictNew = process.function("PyDict_New");
        this.dictSetItemString = process.function("PyDict_SetItemString");
        this.dictGetItemString = process.function("PyDict_GetItemString");
        this.evalGetBuiltins = process.function("PyEval_GetBuiltins");
        this.importAddModule = process.function("PyImport_AddModule");
        this.moduleGetDict = process.function("PyModule_GetDict");
        this.errPrint = process.function("PyErr_Print");
        this.importModule = process.function("PyImport_ImportModule");
        this.incRef = process.function("Py_IncRef");
        this.setRaisedException = process.function("PyErr_SetRaisedException");
        this.getAttrString = process.function("PyObject_GetAttrString");
        this.unicodeFromString = process.function("PyUnicode_FromString");
    }

    private static long ptr(long[] r) {
        return r[0] & 0xFFFFFFFFL;
    }

    /** A C string of {@code s} in the heap; the caller frees it. */
    long cString(String s) {
        return process.newCString(s);
    }

    void free(long p) {
        process.free(p);
    }

    /** {@code Py_CompileStringExFlags(source, filename, start, NULL, -1)}: a code object, or 0. */
    long compile(String source, String filename, int start) {
        long src = cString(source);
        long name = cString(filename);
        try {
            return ptr(compile.call(src, name, start, 0, -1));
        } finally {
            free(name);
            free(src);
        }
    }

    long evalCode(long code, long globals, long locals) {
        return ptr(evalCode.call(code, globals, locals));
    }

    long takeException() {
        return ptr(getRaisedException.call());
    }

    long call(long callable, long arg) {
        return ptr(callOneArg.call(callable, arg));
    }

    /** The contents of a {@code bytes} object. */
    byte[] bytes(long obj) {
        long p = ptr(bytesAsString.call(obj));
        long n = bytesSize.call(obj)[0];
        return memory.read(p, (int) n);
    }

    /** A new {@code bytes} object holding {@code data}, or 0. */
    long newBytes(byte[] data) {
        long p = process.malloc(Math.max(1, data.length));
        try {
            memory.write(p, data);
            return ptr(bytesFromStringAndSize.call(p, data.length));
        } finally {
            free(p);
        }
    }

    void decRef(long obj) {
        if (obj != 0) {
            decRef.call(obj);
        }
    }

    void incRef(long obj) {
        if (obj != 0) {
            incRef.call(obj);
        }
    }

    /** {@code PyErr_SetRaisedException}: makes {@code exc} the pending exception again (stealing the reference). */
    void restoreException(long exc) {
        setRaisedException.call(exc);
    }

    long newDict() {
        return ptr(dictNew.call());
    }

    /** {@code PyDict_SetItemString}: 0 on success, -1 with an exception set. */
    int setItem(long dict, String key, long value) {
        long k = cString(key);
        try {
            return (int) dictSetItemString.call(dict, k, value)[0];
        } finally {
            free(k);
        }
    }

    /** {@code PyDict_GetItemString}: a borrowed reference, or 0 if absent. */
    long getItem(long dict, String key) {
        long k = cString(key);
        try {
            return ptr(dictGetItemString.call(dict, k));
        } finally {
            free(k);
        }
    }

    long builtins() {
        return ptr(evalGetBuiltins.call());
    }

    /** The dict of module {@code name} (created if needed); borrowed. */
    long moduleDict(String name) {
        long n = cString(name);
        try {
            return ptr(moduleGetDict.call(ptr(importAddModule.call(n))));
        } finally {
            free(n);
        }
    }

    /** {@code module.function(arg)} for a str argument: the result, or 0 with an exception set. */
    long callModuleFunction(String module, String function, String arg) {
        long m = cString(module);
        long f = cString(function);
        long a = cString(arg);
        try {
            long mod = ptr(importModule.call(m));
            if (mod == 0) {
                return 0;
            }
            long fn = ptr(getAttrString.call(mod, f));
            decRef(mod);
            if (fn == 0) {
                return 0;
            }
            long str = ptr(unicodeFromString.call(a));
            if (str == 0) {
                decRef(fn);
                return 0;
            }
            long r = call(fn, str);
            decRef(str);
            decRef(fn);
            return r;
        } finally {
            free(a);
            free(f);
            free(m);
        }
    }

    /** {@code PyErr_Print()}: prints the pending exception, traceback first, as CPython's top level does. */
    void printError() {
        errPrint.call();
    }
}
