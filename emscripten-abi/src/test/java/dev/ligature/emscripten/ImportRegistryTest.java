package dev.ligature.emscripten;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry knows both generations of names, so a module of either links. */
class ImportRegistryTest {
    @Test
    void emcc316Names() {
        assertKnown(List.of("__syscall_open", "__syscall_stat64", "__syscall_lstat64", "__syscall_fstat64",
                "__syscall_fstatat64", "__syscall_mkdir", "__syscall_rmdir", "__syscall_unlink", "__syscall_rename",
                "__syscall_getcwd", "__syscall_chdir", "__syscall_getdents64", "__syscall_ftruncate64",
                "__syscall_fcntl64", "__syscall_ioctl", "__syscall_faccessat", "emscripten_memcpy_big",
                "emscripten_resize_heap", "setTempRet0", "getTempRet0", "_tzset_js", "_localtime_js", "_gmtime_js",
                "_mktime_js", "strftime", "clock_gettime", "exit", "abort", "__assert_fail", "__cxa_throw",
                "__cxa_begin_catch", "__cxa_end_catch", "__cxa_rethrow", "__resumeException", "llvm_eh_typeid_for",
                "_emscripten_throw_longjmp", "fd_write", "fd_read", "fd_seek", "fd_close", "fd_fdstat_get",
                "environ_get", "environ_sizes_get", "proc_exit", "_mmap_js", "_munmap_js"));
    }

    @Test
    void laterReleaseNames() {
        assertKnown(List.of("__syscall_openat", "__syscall_newfstatat", "__syscall_mkdirat", "__syscall_unlinkat",
                "__syscall_renameat", "__syscall_readlinkat", "__syscall_symlinkat", "__syscall_dup3",
                "__syscall_fchownat", "__syscall_utimensat", "__syscall_poll", "__syscall_pipe", "__syscall_statfs64",
                "__syscall_fstatfs64", "_abort_js", "_emscripten_memcpy_js", "_emscripten_get_now_is_monotonic",
                "emscripten_get_now", "emscripten_date_now", "_timegm_js", "_msync_js", "clock_time_get",
                "clock_res_get", "random_get", "fd_pread", "fd_pwrite", "fd_sync", "args_get", "args_sizes_get",
                "_emscripten_runtime_keepalive_clear", "emscripten_get_heap_max", "_emscripten_get_progname"));
    }

    private static void assertKnown(List<String> names) {
        Set<String> known = ImportRegistry.standard().names();
        for (String n : names) {
            assertTrue(known.contains(n), n + " has no implementation");
        }
    }
}
