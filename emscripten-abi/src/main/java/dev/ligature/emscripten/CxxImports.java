package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.runtime.WasmFunction;
import java.util.List;

/**
 * C++ exceptions and setjmp/longjmp the way Emscripten's JavaScript runtime does them when the
 * module was not built with native Wasm exceptions: a throw is a host exception carrying the
 * thrown object's address ({@link JsThrow}), which {@code invoke_<sig>} wrappers catch, restoring
 * the stack pointer and calling the module's {@code setThrew(1, 0)}; the compiled landing pads then
 * ask {@code __cxa_find_matching_catch_N} which clause matches. Exception headers
 * ({@code __cxa_exception}, 16 bytes before the object in 3.1.x: refcount 0, type 4, destructor
 * 8, caught 12, rethrown 13) and catch records (base pointer, adjusted pointer; 8 bytes from
 * malloc) live in linear memory as the JavaScript runtime keeps them. Native Wasm exceptions
 * ({@code -fwasm-exceptions}) need nothing from the host: the engine runs them.
 */
final class CxxImports {
    private CxxImports() {}

    static final int HEADER = 16;
    private static final int REFCOUNT = 0;
    private static final int TYPE = 4;
    private static final int DESTRUCTOR = 8;
    private static final int CAUGHT = 12;
    private static final int RETHROWN = 13;

    static void register(ImportRegistry r) {
        r.add("__cxa_allocate_exception", (p, a) -> p.malloc(a.ptr() + HEADER) + HEADER);
        r.add("__cxa_free_exception", (p, a) -> {
            p.free(a.ptr() - HEADER);
            return 0;
        });
        r.add("__cxa_throw", (p, a) -> {
            long ptr = a.ptr();
            long type = a.ptr();
            long destructor = a.ptr();
            long h = ptr - HEADER;
            Memory m = p.memory;
            m.storeI32(h + TYPE, (int) type);
            m.storeI32(h + DESTRUCTOR, (int) destructor);
            m.storeI32(h + REFCOUNT, 0);
            m.storeI8(h + CAUGHT, (byte) 0);
            m.storeI8(h + RETHROWN, (byte) 0);
            p.exceptionLast = ptr;
            p.uncaughtExceptions++;
            throw new JsThrow(ptr);
        });
        r.add("__cxa_begin_catch", (p, a) -> beginCatch(p, a.ptr()));
        r.add("__cxa_end_catch", (p, a) -> {
            endCatch(p);
            return 0;
        });
        r.add("__cxa_rethrow", (p, a) -> {
            Long catchInfo = p.caught.poll();
            if (catchInfo == null) {
                throw new EmscriptenAbort("no exception to throw");
            }
            Memory m = p.memory;
            long ptr = m.loadI32(catchInfo) & 0xFFFFFFFFL;
            long h = ptr - HEADER;
            if (m.loadI8(h + RETHROWN) == 0) {
                p.caught.push(catchInfo);
                m.storeI8(h + RETHROWN, (byte) 1);
                m.storeI8(h + CAUGHT, (byte) 0);
                p.uncaughtExceptions++;
            } else {
                p.free(catchInfo);
            }
            p.exceptionLast = ptr;
            throw new JsThrow(ptr);
        });
        r.add("__resumeException", (p, a) -> {
            long catchInfo = a.ptr();
            long ptr = p.memory.loadI32(catchInfo) & 0xFFFFFFFFL;
            if (p.exceptionLast == 0) {
                p.exceptionLast = ptr;
            }
            p.free(catchInfo);
            throw new JsThrow(ptr);
        });
        r.add("llvm_eh_typeid_for", (p, a) -> a.i32());
        r.add("__cxa_uncaught_exceptions", (p, a) -> p.uncaughtExceptions);
        r.add("__cxa_get_exception_ptr", (p, a) -> exceptionPtr(p, a.ptr()));
        r.add("__cxa_call_unexpected", (p, a) -> {
            throw new EmscriptenAbort("Unexpected exception thrown, this is not properly supported - aborting");
        });
        r.add("_emscripten_throw_longjmp", (p, a) -> {
            throw JsThrow.LONGJMP;
        });
        r.add("emscripten_longjmp", (p, a) -> {
            int env = a.i32();
            int value = a.i32();
            p.setThrew(env, value == 0 ? 1 : value);
            throw JsThrow.LONGJMP;
        });
    }

    /** {@code __cxa_find_matching_catch_N(types...)}: the catch record, the matched type in tempRet0. */
    static long findMatchingCatch(EmProcess p, Args a) {
        long thrown = p.exceptionLast;
        if (thrown == 0) {
            p.tempRet0 = 0;
            return 0;
        }
        Memory m = p.memory;
        long thrownType = m.loadI32(thrown - HEADER + TYPE) & 0xFFFFFFFFL;
        long catchInfo = p.malloc(8);
        m.storeI32(catchInfo, (int) thrown);
        m.storeI32(catchInfo + 4, (int) thrown);
        if (thrownType == 0) {
            p.tempRet0 = 0;
            return catchInfo;
        }
        WasmFunction canCatch = p.requireFunction("__cxa_can_catch");
        for (int i = 0; i < a.count(); i++) {
            long caughtType = a.ptr();
            if (caughtType == 0 || caughtType == thrownType) {
                break;
            }
            if (canCatch.call(caughtType, thrownType, catchInfo + 4)[0] != 0) {
                p.tempRet0 = (int) caughtType;
                return catchInfo;
            }
        }
        p.tempRet0 = (int) thrownType;
        return catchInfo;
    }

    private static long exceptionPtr(EmProcess p, long catchInfo) {
        Memory m = p.memory;
        long base = m.loadI32(catchInfo) & 0xFFFFFFFFL;
        long type = m.loadI32(base - HEADER + TYPE) & 0xFFFFFFFFL;
        WasmFunction isPointer = p.function("__cxa_is_pointer_type");
        if (isPointer != null && isPointer.call(type)[0] != 0) {
            return m.loadI32(base) & 0xFFFFFFFFL;
        }
        long adjusted = m.loadI32(catchInfo + 4) & 0xFFFFFFFFL;
        return adjusted != 0 ? adjusted : base;
    }

    private static long beginCatch(EmProcess p, long catchInfo) {
        Memory m = p.memory;
        long h = (m.loadI32(catchInfo) & 0xFFFFFFFFL) - HEADER;
        if (m.loadI8(h + CAUGHT) == 0) {
            m.storeI8(h + CAUGHT, (byte) 1);
            p.uncaughtExceptions--;
        }
        m.storeI8(h + RETHROWN, (byte) 0);
        p.caught.push(catchInfo);
        m.storeI32(h + REFCOUNT, m.loadI32(h + REFCOUNT) + 1);
        return exceptionPtr(p, catchInfo);
    }

    private static void endCatch(EmProcess p) {
        p.setThrew(0, 0);
        Long catchInfo = p.caught.poll();
        if (catchInfo == null) {
            throw new EmscriptenAbort("__cxa_end_catch without an active catch");
        }
        Memory m = p.memory;
        long ptr = m.loadI32(catchInfo) & 0xFFFFFFFFL;
        long h = ptr - HEADER;
        int prev = m.loadI32(h + REFCOUNT);
        m.storeI32(h + REFCOUNT, prev - 1);
        if (prev == 1 && m.loadI8(h + RETHROWN) == 0) {
            long destructor = m.loadI32(h + DESTRUCTOR) & 0xFFFFFFFFL;
            if (destructor != 0) {
                WasmFunction d = tableFunction(p, destructor);
                long[] args = new long[d.type().paramSlots()];
                if (args.length > 0) {
                    args[0] = ptr;
                }
                d.call(args, null, new long[d.type().resultSlots()], null);
            }
            p.free(h);
        }
        p.free(catchInfo);
        p.exceptionLast = 0;
    }

    static WasmFunction tableFunction(EmProcess p, long index) {
        if (p.table == null || index < 0 || index >= p.table.size()) {
            throw new Trap(Trap.Kind.UNDEFINED_ELEMENT);
        }
        if (!(p.table.get(index) instanceof WasmFunction f)) {
            throw new Trap(Trap.Kind.UNINITIALIZED_ELEMENT);
        }
        return f;
    }

    /**
     * {@code invoke_<sig>(index, args...)}: calls the table's function {@code index}; a C++ throw or
     * longjmp inside is caught, the stack pointer restored and {@code setThrew(1, 0)} called, and
     * the result is 0. A function whose signature the import legalised (i64 parameters as two i32s,
     * an i64 result as i32 plus tempRet0) is called through the module's {@code dynCall_<sig>}.
     */
    static ImportRegistry.Impl invoke(String sig) {
        return (p, a) -> {
            int n = a.count();
            long index = a.raw(0) & 0xFFFFFFFFL;
            WasmFunction f = tableFunction(p, index);
            long[] args;
            WasmFunction target;
            List<?> importParams = a.type().params().subList(1, n);
            if (f.type().params().equals(importParams) && f.type().results().equals(a.type().results())) {
                target = f;
                args = new long[n - 1];
                for (int i = 1; i < n; i++) {
                    args[i - 1] = a.raw(i);
                }
            } else {
                target = p.function("dynCall_" + sig);
                if (target == null) {
                    throw new Trap(Trap.Kind.INDIRECT_CALL_TYPE_MISMATCH);
                }
                args = new long[n];
                for (int i = 0; i < n; i++) {
                    args[i] = a.raw(i);
                }
            }
            long sp = p.stackSave();
            long[] results = new long[Math.max(1, target.type().resultSlots())];
            try {
                target.call(args, null, results, null);
                return target.type().resultSlots() == 0 ? 0 : results[0];
            } catch (JsThrow t) {
                p.stackRestore(sp);
                p.setThrew(1, 0);
                return 0;
            }
        };
    }
}
