package dev.ligature.python;

import dev.ligature.core.runtime.Global;
import dev.ligature.core.runtime.HostCall;
import dev.ligature.core.runtime.HostFunction;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.runtime.WasmFunction;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import dev.ligature.core.types.ValType;
import dev.ligature.emscripten.EmscriptenProcess;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * libffi's JavaScript half, which ctypes calls through (pyodide.md §3.6): {@code ffi_call_js}
 * calls a C function pointer with arguments described by an {@code ffi_cif}; closures
 * ({@code ffi_closure_alloc_js}, {@code ffi_prep_closure_loc_js}, {@code ffi_closure_free_js})
 * turn a Python callable into a C function pointer: a host function put into the table.
 *
 * <p>Pyodide's version moves every value through a JavaScript array before it reaches wasm, so a
 * callee whose wasm type does not match the cif still gets JavaScript's conversions (extra arguments
 * dropped, missing ones {@code undefined}, a number into an f64 parameter converted, a BigInt into
 * an i32 parameter a {@code TypeError}). The same conversions are made here on a small model of
 * JavaScript values ({@link Double} for a number, {@link Long} for a BigInt, null for
 * {@code undefined}). Where JavaScript would throw, the Python call fails with an exception instead
 * of the process ending.
 */
final class Libffi {
    // ffi_type ids (pyodide.md §3.6)
    private static final int VOID = 0, INT = 1, FLOAT = 2, DOUBLE = 3, LONGDOUBLE = 4, UINT8 = 5, SINT8 = 6,
            UINT16 = 7, SINT16 = 8, UINT32 = 9, SINT32 = 10, UINT64 = 11, SINT64 = 12, STRUCT = 13, POINTER = 14,
            COMPLEX = 15;

    private final PyodideImports host;
    /** Table slots given back by {@code ffi_closure_free_js}, reused before the table grows. */
    private final ArrayDeque<Long> freeSlots = new ArrayDeque<>();
    private WasmFunction stackGet;
    private WasmFunction stackRestore;
    private WasmFunction stackAlloc;

    Libffi(PyodideImports host) {
        this.host = host;
    }

    WasmFunction function(String name, FuncType type) {
        return switch (name) {
            case "ffi_call_js" -> HostFunction.raw("env." + name, type, this::call);
            case "ffi_closure_alloc_js" -> HostFunction.raw("env." + name, type, c -> c.resultI32(0, (int) closureAlloc(u32(c.argI32(0)), u32(c.argI32(1)))));
            case "ffi_prep_closure_loc_js" -> HostFunction.raw("env." + name, type, c -> c.resultI32(0,
                    prepClosure(u32(c.argI32(0)), u32(c.argI32(1)), u32(c.argI32(2)), u32(c.argI32(3)), u32(c.argI32(4)))));
            case "ffi_closure_free_js" -> HostFunction.raw("env." + name, type, c -> closureFree(u32(c.argI32(0))));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** What JavaScript would have thrown: becomes a Python exception of the given class. */
    private static final class JsError extends RuntimeException {
        final String pythonType;

        JsError(String pythonType, String message) {
            super(message, null, false, false);
            this.pythonType = pythonType;
        }
    }

    private static long u32(int v) {
        return v & 0xFFFFFFFFL;
    }

    private Memory mem() {
        return host.process.memory();
    }

    private long stackSave() {
        if (stackGet == null) {
            EmscriptenProcess p = host.process;
            stackGet = p.function("emscripten_stack_get_current");
            stackRestore = p.function("_emscripten_stack_restore");
            stackAlloc = p.function("_emscripten_stack_alloc");
        }
        return u32((int) stackGet.call()[0]);
    }

    private void stackRestore(long sp) {
        stackRestore.call(sp);
    }

    // ---- ffi_type ------------------------------------------------------------------------------

    /**
     * A struct of exactly one member stands for that member (recursively); an empty struct is void.
     * Returns {@code {type*, id}}.
     */
    private long[] unbox(long typePtr) {
        Memory m = mem();
        int id = m.loadI16(typePtr + 6) & 0xFFFF;
        while (id == STRUCT) {
            long elements = u32(m.loadI32(typePtr + 8));
            long first = u32(m.loadI32(elements));
            if (first == 0) {
                id = VOID;
                break;
            } else if (m.loadI32(elements + 4) == 0) {
                typePtr = first;
                id = m.loadI16(first + 6) & 0xFFFF;
            } else {
                break;
            }
        }
        return new long[] {typePtr, id};
    }

    private long typeSize(long typePtr) {
        return u32(mem().loadI32(typePtr));
    }

    private long typeAlign(long typePtr) {
        return mem().loadI16(typePtr + 4) & 0xFFFF;
    }

    private static long alignDown(long p, long align) {
        return p & ~(align - 1);
    }

    private static String complexError(String what) {
        return "libffi: complex " + what + " are not supported (ctypes on WebAssembly)";
    }

    // ---- ffi_call_js ----------------------------------------------------------------------------

    private void call(HostCall c) {
        long cif = u32(c.argI32(0));
        long fn = u32(c.argI32(1));
        long rvalue = u32(c.argI32(2));
        long avalue = u32(c.argI32(3));
        long origSp = stackSave();
        try {
            callFfi(cif, fn, rvalue, avalue, origSp);
        } catch (JsError e) {
            stackRestore(origSp);
            raisePython(e.pythonType, e.getMessage());
        }
    }

    private void callFfi(long cif, long fn, long rvalue, long avalue, long origSp) {
        Memory m = mem();
        int nargs = m.loadI32(cif + 4);
        int nfixed = m.loadI32(cif + 24);
        long argTypes = u32(m.loadI32(cif + 8));
        long[] rt = unbox(u32(m.loadI32(cif + 12)));
        int rtype = (int) rt[1];
        long sp = origSp;
        List<Object> args = new ArrayList<>(nargs + 2);
        if (rtype == COMPLEX) {
            throw new JsError("NotImplementedError", complexError("return values"));
        }
        if (rtype < 0 || rtype > COMPLEX) {
            throw new JsError("SystemError", "libffi: unexpected return type id " + rtype);
        }
        boolean retByArg = rtype == LONGDOUBLE || rtype == STRUCT;
        if (retByArg) {
            args.add((double) rvalue);
        }
        for (int i = 0; i < nfixed; i++) {
            long p = u32(m.loadI32(avalue + 4L * i));
            long[] at = unbox(u32(m.loadI32(argTypes + 4L * i)));
            switch ((int) at[1]) {
                case INT, SINT32, UINT32, POINTER -> args.add((double) u32(m.loadI32(p)));
                case FLOAT -> args.add((double) m.loadF32(p));
                case DOUBLE -> args.add(m.loadF64(p));
                case UINT8 -> args.add((double) (m.loadI8(p) & 0xFF));
                case SINT8 -> args.add((double) m.loadI8(p));
                case UINT16 -> args.add((double) (m.loadI16(p) & 0xFFFF));
                case SINT16 -> args.add((double) m.loadI16(p));
                case UINT64, SINT64 -> args.add(m.loadI64(p));
                case LONGDOUBLE -> {
                    args.add(m.loadI64(p));
                    args.add(m.loadI64(p + 8));
                }
                case STRUCT -> {
                    long size = typeSize(at[0]);
                    sp = alignDown(sp - size, typeAlign(at[0]));
                    m.copy(sp, m, p, size);
                    args.add((double) sp);
                }
                case COMPLEX -> throw new JsError("NotImplementedError", complexError("arguments"));
                default -> throw new JsError("SystemError", "libffi: unexpected argument type id " + at[1]);
            }
        }
        if (nfixed != nargs) {
            // The variadic part, packed downwards on the C stack (the last one highest); structs are
            // passed as pointers to copies made below all of it.
            List<long[]> structs = new ArrayList<>();
            for (int i = nargs - 1; i >= nfixed; i--) {
                long p = u32(m.loadI32(avalue + 4L * i));
                long[] at = unbox(u32(m.loadI32(argTypes + 4L * i)));
                switch ((int) at[1]) {
                    case UINT8, SINT8 -> {
                        sp -= 1;
                        m.storeI8(sp, m.loadI8(p));
                    }
                    case UINT16, SINT16 -> {
                        sp = alignDown(sp - 2, 2);
                        m.storeI16(sp, m.loadI16(p));
                    }
                    case INT, UINT32, SINT32, POINTER, FLOAT -> {
                        sp = alignDown(sp - 4, 4);
                        m.storeI32(sp, m.loadI32(p));
                    }
                    case DOUBLE, UINT64, SINT64 -> {
                        sp = alignDown(sp - 8, 8);
                        m.storeI64(sp, m.loadI64(p));
                    }
                    case LONGDOUBLE -> {
                        sp = alignDown(sp - 16, 8);
                        m.storeI64(sp, m.loadI64(p));
                        m.storeI64(sp + 8, m.loadI64(p + 8));
                    }
                    case STRUCT -> {
                        sp = alignDown(sp - 4, 4);
                        structs.add(new long[] {sp, p, typeSize(at[0]), typeAlign(at[0])});
                    }
                    case COMPLEX -> throw new JsError("NotImplementedError", complexError("arguments"));
                    default -> throw new JsError("SystemError", "libffi: unexpected argument type id " + at[1]);
                }
            }
            args.add((double) sp);
            for (long[] s : structs) {
                sp = alignDown(sp - s[2], s[3]);
                m.copy(sp, m, s[1], s[2]);
                m.storeI32(s[0], (int) sp);
            }
        }
        if (!(host.process.table().get(fn) instanceof WasmFunction f)) {
            throw new JsError("SystemError", "libffi: no function at table index " + fn);
        }
        FuncType type = f.type();
        long[] slots = new long[type.params().size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = toSlot(i < args.size() ? args.get(i) : null, type.params().get(i));
        }
        long[] out = new long[Math.max(1, type.results().size())];
        stackRestore(sp);
        stackAlloc.call(0);
        try {
            f.call(slots, null, out, null);
        } finally {
            stackRestore(origSp);
        }
        if (retByArg) {
            return;
        }
        Object result = type.results().isEmpty() ? null : fromSlot(out[0], type.results().get(0));
        switch (rtype) {
            case VOID -> { }
            case INT, UINT32, SINT32, POINTER -> m.storeI32(rvalue, toInt32(toNumber(result)));
            case FLOAT -> m.storeF32(rvalue, (float) toNumber(result));
            case DOUBLE -> m.storeF64(rvalue, toNumber(result));
            case UINT8, SINT8 -> m.storeI8(rvalue, (byte) toInt32(toNumber(result)));
            case UINT16, SINT16 -> m.storeI16(rvalue, (short) toInt32(toNumber(result)));
            case UINT64, SINT64 -> m.storeI64(rvalue, toBigInt(result));
            default -> throw new JsError("SystemError", "libffi: unexpected return type id " + rtype);
        }
    }

    // ---- closures -------------------------------------------------------------------------------

    private long closureAlloc(long size, long codePtr) {
        long closure = host.process.malloc(size);
        if (closure == 0) {
            return 0;
        }
        long slot;
        if (!freeSlots.isEmpty()) {
            slot = freeSlots.pop();
        } else {
            slot = host.process.table().grow(1, null);
            if (slot < 0) {
                host.process.free(closure);
                return 0;
            }
        }
        mem().storeI32(codePtr, (int) slot);
        mem().storeI32(closure, (int) slot);
        return closure;
    }

    private void closureFree(long closure) {
        if (closure == 0) {
            return;
        }
        long slot = u32(mem().loadI32(closure));
        // A call through a freed closure traps ("null function") rather than reading freed memory.
        host.process.table().set(slot, null);
        freeSlots.push(slot);
        host.process.free(closure);
    }

    /**
     * Builds the wasm signature from the cif, puts a host function of that type at {@code codeloc}
     * and records cif, fun and user_data in the closure; 0 on success, 1 (libffi's FFI_BAD_TYPEDEF)
     * for a signature it cannot express.
     */
    private int prepClosure(long closure, long cif, long fun, long userData, long codeloc) {
        Memory m = mem();
        int nargs = m.loadI32(cif + 4);
        int nfixed = m.loadI32(cif + 24);
        long argTypes = u32(m.loadI32(cif + 8));
        int rtype = (int) unbox(u32(m.loadI32(cif + 12)))[1];
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        boolean retByArg = false;
        switch (rtype) {
            case VOID -> { }
            case STRUCT, LONGDOUBLE -> {
                retByArg = true;
                params.add(NumType.I32);
            }
            case INT, UINT8, SINT8, UINT16, SINT16, UINT32, SINT32, POINTER -> results.add(NumType.I32);
            case FLOAT -> results.add(NumType.F32);
            case DOUBLE -> results.add(NumType.F64);
            case UINT64, SINT64 -> results.add(NumType.I64);
            default -> {
                return 1;
            }
        }
        int[] ids = new int[nargs];
        long[] sizes = new long[nargs];
        long[] aligns = new long[nargs];
        for (int i = 0; i < nargs; i++) {
            long[] at = unbox(u32(m.loadI32(argTypes + 4L * i)));
            ids[i] = (int) at[1];
            sizes[i] = typeSize(at[0]);
            aligns[i] = typeAlign(at[0]);
        }
        for (int i = 0; i < nfixed; i++) {
            switch (ids[i]) {
                case INT, UINT8, SINT8, UINT16, SINT16, UINT32, SINT32, POINTER, STRUCT -> params.add(NumType.I32);
                case FLOAT -> params.add(NumType.F32);
                case DOUBLE -> params.add(NumType.F64);
                case LONGDOUBLE -> {
                    params.add(NumType.I64);
                    params.add(NumType.I64);
                }
                case UINT64, SINT64 -> params.add(NumType.I64);
                default -> {
                    return 1;
                }
            }
        }
        if (nfixed < nargs) {
            params.add(NumType.I32);
        }
        FuncType type = FuncType.of(params, results);
        ClosureShape shape = new ClosureShape(closure, retByArg, nargs, nfixed, ids, sizes, aligns, type);
        host.process.table().set(codeloc, HostFunction.raw("ffi_closure", type, c -> closureCall(shape, c)));
        m.storeI32(closure + 4, (int) cif);
        m.storeI32(closure + 8, (int) fun);
        m.storeI32(closure + 12, (int) userData);
        return 0;
    }

    private record ClosureShape(long closure, boolean retByArg, int nargs, int nfixed, int[] ids, long[] sizes,
            long[] aligns, FuncType type) {}

    /**
     * A call of a closure from wasm: every argument stored on the C stack by type, an {@code args**}
     * array pointing at them, then {@code fun(cif, ret*, args**, user_data)}; the result is read
     * back from the return slot.
     */
    private void closureCall(ClosureShape s, HostCall c) {
        Memory m = mem();
        List<ValType> pt = s.type.params();
        Object[] args = new Object[pt.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = fromSlot(c.argSlot(i), pt.get(i));
        }
        long origSp = stackSave();
        long cur = origSp;
        int j = 0;
        long retPtr;
        if (s.retByArg) {
            retPtr = u32(toInt32(toNumber(args[j++])));
        } else {
            cur = alignDown(cur - 8, 8);
            retPtr = cur;
        }
        cur -= 4L * s.nargs;
        long argsPtr = cur;
        int k = 0;
        for (; k < s.nfixed; k++) {
            Object a = args[j++];
            switch (s.ids[k]) {
                case UINT8, SINT8 -> {
                    cur = alignDown(cur - 1, 4);
                    m.storeI8(cur, (byte) toInt32(toNumber(a)));
                }
                case UINT16, SINT16 -> {
                    cur = alignDown(cur - 2, 4);
                    m.storeI16(cur, (short) toInt32(toNumber(a)));
                }
                case INT, UINT32, SINT32, POINTER -> {
                    cur = alignDown(cur - 4, 4);
                    m.storeI32(cur, toInt32(toNumber(a)));
                }
                case STRUCT -> {
                    cur = alignDown(cur - s.sizes[k], s.aligns[k]);
                    m.copy(cur, m, u32(toInt32(toNumber(a))), s.sizes[k]);
                }
                case FLOAT -> {
                    cur = alignDown(cur - 4, 4);
                    m.storeF32(cur, (float) toNumber(a));
                }
                case DOUBLE -> {
                    cur = alignDown(cur - 8, 8);
                    m.storeF64(cur, toNumber(a));
                }
                case UINT64, SINT64 -> {
                    cur = alignDown(cur - 8, 8);
                    m.storeI64(cur, toBigInt(a));
                }
                case LONGDOUBLE -> {
                    cur = alignDown(cur - 16, 8);
                    m.storeI64(cur, toBigInt(a));
                    m.storeI64(cur + 8, toBigInt(args[j++]));
                }
                default -> throw new IllegalStateException("unreachable: prep rejected type " + s.ids[k]);
            }
            m.storeI32(argsPtr + 4L * k, (int) cur);
        }
        if (k < s.nargs) {
            long varargs = u32(toInt32(toNumber(args[args.length - 1])));
            for (; k < s.nargs; k++) {
                if (s.ids[k] == STRUCT) {
                    long structPtr = u32(m.loadI32(varargs));
                    cur = alignDown(cur - s.sizes[k], s.aligns[k]);
                    m.copy(cur, m, structPtr, s.sizes[k]);
                    m.storeI32(argsPtr + 4L * k, (int) cur);
                } else {
                    m.storeI32(argsPtr + 4L * k, (int) varargs);
                }
                varargs += 4;
            }
        }
        stackRestore(cur);
        stackAlloc.call(0);
        try {
            long fun = u32(m.loadI32(s.closure + 8));
            if (!(host.process.table().get(fun) instanceof WasmFunction f)) {
                throw new dev.ligature.emscripten.EmscriptenAbort("libffi closure: no function at table index " + fun);
            }
            Object[] callArgs = {(double) u32(m.loadI32(s.closure + 4)), (double) retPtr, (double) argsPtr,
                (double) u32(m.loadI32(s.closure + 12))};
            FuncType ft = f.type();
            long[] slots = new long[ft.params().size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = toSlot(i < callArgs.length ? callArgs[i] : null, ft.params().get(i));
            }
            f.call(slots, null, null, null);
        } finally {
            stackRestore(origSp);
        }
        if (!s.type.results().isEmpty()) {
            switch ((NumType) s.type.results().get(0)) {
                case I32 -> c.resultI32(0, m.loadI32(retPtr));
                case I64 -> c.resultI64(0, m.loadI64(retPtr));
                case F32 -> c.resultF32(0, m.loadF32(retPtr));
                case F64 -> c.resultF64(0, m.loadF64(retPtr));
            }
        }
    }

    // ---- JavaScript's conversions between its values and wasm's ------------------------------------

    /** ToNumber for a number or undefined; a BigInt is a TypeError, as in JavaScript. */
    private static double toNumber(Object v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Double d) {
            return d;
        }
        throw new JsError("TypeError", "libffi: Cannot convert a BigInt value to a number");
    }

    private static long toBigInt(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        throw new JsError("TypeError", "libffi: Cannot convert " + (v == null ? "undefined" : jsNumber((Double) v)) + " to a BigInt");
    }

    private static String jsNumber(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21 ? Long.toString((long) d) : Double.toString(d);
    }

    /** ECMAScript ToInt32. */
    static int toInt32(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return 0;
        }
        double t = d < 0 ? Math.ceil(d) : Math.floor(d);
        return (int) (long) (t % 4294967296.0);
    }

    private static long toSlot(Object v, ValType t) {
        if (t == NumType.I32) {
            return toInt32(toNumber(v)) & 0xFFFFFFFFL;
        } else if (t == NumType.I64) {
            return toBigInt(v);
        } else if (t == NumType.F32) {
            return Float.floatToRawIntBits((float) toNumber(v)) & 0xFFFFFFFFL;
        } else if (t == NumType.F64) {
            return Double.doubleToRawLongBits(toNumber(v));
        }
        throw new JsError("TypeError", "libffi: cannot pass a value to a parameter of type " + t);
    }

    private static Object fromSlot(long slot, ValType t) {
        if (t == NumType.I32) {
            return (double) (int) slot;
        } else if (t == NumType.I64) {
            return slot;
        } else if (t == NumType.F32) {
            return (double) Float.intBitsToFloat((int) slot);
        } else if (t == NumType.F64) {
            return Double.longBitsToDouble(slot);
        }
        return null;
    }

    // ---- Python errors -----------------------------------------------------------------------------

    /** {@code PyErr_SetString(PyExc_<type>, message)}, falling back to RuntimeError. */
    private void raisePython(String type, String message) {
        EmscriptenProcess p = host.process;
        long exc = 0;
        for (String name : new String[] {"PyExc_" + type, "PyExc_RuntimeError"}) {
            if (p.instance().exports().get(name) instanceof Global g) {
                exc = u32(mem().loadI32(u32(g.getInt())));
                if (exc != 0) {
                    break;
                }
            }
        }
        if (exc == 0) {
            throw new dev.ligature.emscripten.EmscriptenAbort(message);
        }
        long e = exc;
        p.withStackString(message, msg -> p.function("PyErr_SetString").call(e, msg));
    }
}
