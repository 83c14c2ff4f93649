package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.WasmFunction;

/**
 * mmap of files, as Emscripten's MEMFS does it: the pages are a copy of the file in linear memory
 * (allocated with the module's {@code emscripten_builtin_memalign}, 64 KiB aligned and zeroed);
 * munmap and msync of a shared, writable mapping write the bytes back to the file. Anonymous
 * mappings never reach the host: the program's libc serves them from malloc.
 */
final class MmapImports {
    private MmapImports() {}

    static final int PROT_WRITE = 2;
    static final int MAP_PRIVATE = 2;

    static void register(ImportRegistry r) {
        r.add("_mmap_js", (p, a) -> {
            if (p.abi == Abi.LEGACY_32BIT_TIME) { // (addr, len, prot, flags, fd, off, allocated, builtin) -> ptr | -errno
                a.ptr();
                long len = a.ptr();
                int prot = a.i32();
                int flags = a.i32();
                int fd = a.i32();
                long off = a.i32();
                long allocated = a.ptr();
                return SyscallImports.sys(() -> map(p, len, prot, flags, fd, off, allocated));
            }
            long len = a.ptr(); // (len, prot, flags, fd, off, allocated, addr) -> -errno
            int prot = a.i32();
            int flags = a.i32();
            int fd = a.i32();
            long off = a.i64();
            long allocated = a.ptr();
            long addr = a.ptr();
            return SyscallImports.sys(() -> {
                long ptr = map(p, len, prot, flags, fd, off, allocated);
                p.memory.storeI32(addr, (int) ptr);
                return 0;
            });
        });
        r.add("_munmap_js", (p, a) -> {
            long addr = a.ptr();
            long len = a.ptr();
            int prot = a.i32();
            int flags = a.i32();
            int fd = a.i32();
            long off = a.i64();
            return SyscallImports.sys(() -> {
                OpenFile f = p.fs.get(fd);
                if ((prot & PROT_WRITE) != 0) {
                    writeBack(p, f, addr, len, flags, off);
                }
                return 0;
            });
        });
        r.add("_msync_js", (p, a) -> {
            long addr = a.ptr();
            long len = a.ptr();
            int flags = a.i32();
            int fd = a.i32();
            long off = a.count() > 4 ? a.i64() : 0; // 3.1.x passes no offset and writes at 0
            return SyscallImports.sys(() -> {
                writeBack(p, p.fs.get(fd), addr, len, flags, off);
                return 0;
            });
        });
    }

    private static long map(EmProcess p, long len, int prot, int flags, int fd, long off, long allocatedPtr) {
        OpenFile f = p.fs.get(fd);
        int access = f.flags & OpenFile.O_ACCMODE;
        if ((prot & PROT_WRITE) != 0 && (flags & MAP_PRIVATE) == 0 && access != OpenFile.O_RDWR) {
            throw new FsError(Errno.EACCES);
        }
        if (access == OpenFile.O_WRONLY) {
            throw new FsError(Errno.EACCES);
        }
        if (!f.node.isFile()) {
            throw new FsError(Errno.ENODEV);
        }
        WasmFunction memalign = p.function("emscripten_builtin_memalign");
        if (memalign == null) {
            throw new EmscriptenAbort("internal error: mmapAlloc called but `emscripten_builtin_memalign` native symbol not exported");
        }
        long size = (len + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE * Memory.PAGE_SIZE;
        long ptr = memalign.call(Memory.PAGE_SIZE, size)[0] & 0xFFFFFFFFL;
        if (ptr == 0) {
            throw new FsError(Errno.ENOMEM);
        }
        p.memory.fill(ptr, (byte) 0, size);
        byte[] b = new byte[(int) Math.min(len, Integer.MAX_VALUE - 8)];
        int n = f.node.read(off, b, 0, b.length);
        p.memory.write(ptr, b, 0, n);
        p.memory.storeI32(allocatedPtr, 1);
        return ptr;
    }

    private static void writeBack(EmProcess p, OpenFile f, long addr, long len, int flags, long off) {
        if ((flags & MAP_PRIVATE) != 0) {
            return;
        }
        byte[] b = p.memory.read(addr, (int) Math.min(len, Integer.MAX_VALUE - 8));
        f.node.write(off, b, 0, b.length);
    }
}
