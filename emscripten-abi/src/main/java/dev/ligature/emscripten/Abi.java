package dev.ligature.emscripten;

import dev.ligature.core.runtime.ImportType;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import java.util.Set;

/**
 * Which generation of Emscripten's libc ABI a module was built against; struct layouts and a few
 * constants differ between them. {@link #LEGACY_32BIT_TIME}: 3.1.x releases up to the switch to a
 * 64-bit {@code time_t} (3.1.6 is the one our fixtures use): stat is 88 bytes with 32-bit times,
 * C++ exception headers 16 bytes, F_GETLK 5. {@link #TIME64}: later releases (4.0.9, 5.0.3): stat
 * is 96 bytes (dev 0, mode 4, nlink 8, uid 12, gid 16, rdev 20, size 24, blksize 32, blocks 36,
 * times as 16-byte timespecs from 40, ino 88), F_GETLK/F_SETLK/F_SETLKW 12/13/14.
 *
 * <p>Detected from the imports: names only the 3.1.x runtime had ({@code __syscall_open},
 * {@code __syscall_fstatat64}, {@code setTempRet0}, ...) or a 32-bit time argument to
 * {@code _localtime_js}/{@code _gmtime_js} mean legacy; anything else is taken as TIME64.
 * Only the legacy layout is checked against emcc output here (3.1.6 fixtures); TIME64 follows
 * Emscripten's published struct offsets.
 */
enum Abi {
    LEGACY_32BIT_TIME,
    TIME64;

    // Not __syscall_rmdir: 5.0.3 (Pyodide 314) still imports it under that name.
    private static final Set<String> LEGACY_NAMES = Set.of("__syscall_open", "__syscall_mkdir", "__syscall_unlink",
            "__syscall_rename", "__syscall_fstatat64", "__syscall_access", "setTempRet0",
            "getTempRet0", "emscripten_memcpy_big");

    static Abi of(EmscriptenProgram program) {
        var module = program.module();
        for (ImportType i : module.imports()) {
            String name = program.importName(i);
            if (LEGACY_NAMES.contains(name)) {
                return LEGACY_32BIT_TIME;
            }
            if ((name.equals("_localtime_js") || name.equals("_gmtime_js")) && i.type() instanceof ExternType.Func f) {
                FuncType t = i.functionType();
                // 3.1.x passes a pointer to a 32-bit time_t: (i32, i32); later (i64, i32) or legalised (i32, i32, i32).
                if (t.params().size() == 2 && t.params().get(0) == NumType.I32) {
                    return LEGACY_32BIT_TIME;
                }
            }
        }
        return TIME64;
    }
}
