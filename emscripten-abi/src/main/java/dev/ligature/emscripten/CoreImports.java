package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;

/** Memory, abort/exit and tempRet0 imports. */
final class CoreImports {
    private CoreImports() {}

    /** The most a wasm32 heap can reach: one page short of 4 GiB, as Emscripten's runtime caps it. */
    private static final long HEAP_LIMIT = 4L * 1024 * 1024 * 1024 - Memory.PAGE_SIZE;

    static void register(ImportRegistry r) {
        r.add("emscripten_memcpy_big", CoreImports::memcpy);
        r.alias("_emscripten_memcpy_js", "emscripten_memcpy_big");
        r.add("emscripten_memset_big", (p, a) -> {
            long dst = a.ptr();
            int value = a.i32();
            long n = a.ptr();
            p.memory.fill(dst, (byte) value, n);
            return 0;
        });
        r.add("emscripten_resize_heap", (p, a) -> resizeHeap(p, a.ptr()) ? 1 : 0);
        r.add("emscripten_get_heap_max", (p, a) -> heapMax(p));
        r.add("emscripten_notify_memory_growth", (p, a) -> 0);
        r.add("abort", (p, a) -> {
            throw new EmscriptenAbort("");
        });
        r.alias("_abort_js", "abort");
        r.add("__assert_fail", (p, a) -> {
            String cond = p.cString(a.ptr());
            long file = a.ptr();
            int line = a.i32();
            long func = a.ptr();
            throw new EmscriptenAbort("Assertion failed: " + cond + ", at: "
                    + (file != 0 ? p.cString(file) : "unknown filename") + "," + line + ","
                    + (func != 0 ? p.cString(func) : "unknown function"));
        });
        r.add("exit", (p, a) -> {
            int status = a.i32();
            p.exitRuntime();
            throw new ProgramExit(status);
        });
        r.add("_exit", (p, a) -> {
            throw new ProgramExit(a.i32());
        });
        r.add("setTempRet0", (p, a) -> {
            p.tempRet0 = a.i32();
            return 0;
        });
        r.add("getTempRet0", (p, a) -> p.tempRet0);
        r.add("getentropy", (p, a) -> {
            long buf = a.ptr();
            byte[] b = new byte[WasiImports.iovecLength(p.memory, buf, a.i32())];
            p.host.random.nextBytes(b);
            p.memory.write(buf, b);
            return 0;
        });
        r.add("emscripten_get_sbrk_ptr", (p, a) -> {
            throw new EmscriptenAbort("emscripten_get_sbrk_ptr is provided by the program's own libc in supported releases");
        });
    }

    private static long memcpy(EmProcess p, Args a) {
        long dst = a.ptr();
        long src = a.ptr();
        long n = a.ptr();
        p.memory.copy(dst, p.memory, src, n);
        return 0;
    }

    private static long heapMax(EmProcess p) {
        return Math.min(HEAP_LIMIT, p.memory.maxPages() * Memory.PAGE_SIZE);
    }

    /**
     * Grows memory to at least {@code requested} bytes with Emscripten's policy: overgrow by 20%
     * (at most 96 MiB past the request), retrying with less overgrowth, never past the maximum.
     * A memory that cannot grow at all (built without ALLOW_MEMORY_GROWTH) aborts with "OOM", as
     * Emscripten's aborting malloc does.
     */
    static boolean resizeHeap(EmProcess p, long requested) {
        Memory m = p.memory;
        long oldSize = m.byteSize();
        long max = heapMax(p);
        if (m.maxPages() * Memory.PAGE_SIZE <= oldSize) {
            throw new EmscriptenAbort("Cannot enlarge memory arrays to size " + requested + " bytes (OOM)."
                    + " Either (1) compile with -s INITIAL_MEMORY=X with X higher than the current value " + oldSize
                    + ", (2) compile with -s ALLOW_MEMORY_GROWTH=1 which allows increasing the size at runtime,"
                    + " or (3) if you want malloc to return NULL (0) instead of this abort, compile with -s ABORTING_MALLOC=0");
        }
        if (requested > max) {
            return false;
        }
        for (int cutDown = 1; cutDown <= 4; cutDown++) {
            long overGrown = (long) (oldSize * (1 + 0.2 / cutDown));
            overGrown = Math.min(overGrown, requested + 100_663_296L);
            long target = Math.max(requested, overGrown);
            target = (target + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE * Memory.PAGE_SIZE;
            long newSize = Math.min(max, target);
            if (newSize <= oldSize) {
                return true;
            }
            if (m.grow((newSize - oldSize) / Memory.PAGE_SIZE) >= 0) {
                return true;
            }
        }
        return false;
    }
}
