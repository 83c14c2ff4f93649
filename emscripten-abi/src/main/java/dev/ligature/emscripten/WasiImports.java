package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code wasi_snapshot_preview1} functions Emscripten's runtime provides: descriptors, the
 * environment, clocks, randomness and {@code proc_exit}. They return an errno (0 on success).
 */
final class WasiImports {
    private WasiImports() {}

    static final int SEEK_SET = 0;
    static final int SEEK_CUR = 1;
    static final int SEEK_END = 2;

    /** Runs {@code body}, turning a file system error into its errno. */
    interface Body {
        long run();
    }

    static long errno(Body body) {
        try {
            return body.run();
        } catch (FsError e) {
            return e.errno;
        }
    }

    /**
     * {@code fd_write}/{@code fd_read} and their positioned forms {@code fd_pwrite}/{@code fd_pread}:
     * (fd, iov, iovcnt[, offset], nwritten_or_nread*); without an offset the descriptor's position is used.
     */
    private static ImportRegistry.Impl vectored(boolean write, boolean positioned) {
        return (p, a) -> {
            int fd = a.i32();
            long iov = a.ptr();
            int iovcnt = a.i32();
            long offset = positioned ? a.i64() : -1;
            long pnum = a.ptr();
            return errno(() -> {
                OpenFile f = p.fs.get(fd);
                long n = write ? writev(p, f, iov, iovcnt, offset) : readv(p, f, iov, iovcnt, offset);
                p.memory.storeI32(pnum, (int) n);
                return 0;
            });
        };
    }

    static void register(ImportRegistry r) {
        r.add("fd_write", vectored(true, false));
        r.add("fd_read", vectored(false, false));
        r.add("fd_pwrite", vectored(true, true));
        r.add("fd_pread", vectored(false, true));
        r.add("fd_seek", (p, a) -> {
            int fd = a.i32();
            long offset = a.i64();
            int whence = a.i32();
            long out = a.ptr();
            return errno(() -> {
                long pos = seek(p.fs.get(fd), offset, whence);
                p.memory.storeI64(out, pos);
                return 0;
            });
        });
        r.add("fd_close", (p, a) -> {
            int fd = a.i32();
            return errno(() -> {
                p.fs.close(fd);
                return 0;
            });
        });
        r.add("fd_sync", (p, a) -> {
            int fd = a.i32();
            return errno(() -> {
                p.fs.get(fd);
                return 0;
            });
        });
        r.alias("fd_datasync", "fd_sync");
        r.add("fd_fdstat_get", (p, a) -> {
            int fd = a.i32();
            long buf = a.ptr();
            return errno(() -> {
                OpenFile f = p.fs.get(fd);
                int type = f.node.isTty() || f.node.isCharDevice() ? 2 : f.node.isDir() ? 3 : f.node instanceof Sockets.Socket ? 6 : 4;
                p.memory.storeI8(buf, (byte) type);
                p.memory.storeI16(buf + 2, (short) 0);
                p.memory.storeI64(buf + 8, 0);
                p.memory.storeI64(buf + 16, 0);
                return 0;
            });
        });
        r.add("environ_sizes_get", (p, a) -> sizes(p, p.environment, a.ptr(), a.ptr()));
        r.add("environ_get", (p, a) -> strings(p, p.environment, a.ptr(), a.ptr()));
        r.add("args_sizes_get", (p, a) -> sizes(p, p.argv, a.ptr(), a.ptr()));
        r.add("args_get", (p, a) -> strings(p, p.argv, a.ptr(), a.ptr()));
        r.add("proc_exit", (p, a) -> {
            throw new ProgramExit(a.i32());
        });
        r.add("random_get", (p, a) -> {
            long buf = a.ptr();
            int n = iovecLength(p.memory, buf, a.i32());
            byte[] b = new byte[n];
            p.host.random.nextBytes(b);
            p.memory.write(buf, b);
            return 0;
        });
        r.add("clock_time_get", (p, a) -> {
            int clock = a.i32();
            a.i64(); // precision: ignored, as Emscripten's runtime does
            long out = a.ptr();
            long nanos;
            switch (clock) {
                case 0 -> nanos = p.nowMillis() * 1_000_000L;
                case 1, 2, 3 -> nanos = System.nanoTime() - p.startNanos;
                default -> {
                    return Errno.EINVAL;
                }
            }
            p.memory.storeI64(out, nanos);
            return 0;
        });
        r.add("clock_res_get", (p, a) -> {
            int clock = a.i32();
            long out = a.ptr();
            if (clock < 0 || clock > 3) {
                return Errno.EINVAL;
            }
            p.memory.storeI64(out, clock == 0 ? 1_000_000L : 1_000L);
            return 0;
        });
    }

    private static long sizes(EmProcess p, List<String> strings, long countPtr, long sizePtr) {
        long size = 0;
        for (String s : strings) {
            size += s.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        p.memory.storeI32(countPtr, strings.size());
        p.memory.storeI32(sizePtr, (int) size);
        return 0;
    }

    private static long strings(EmProcess p, List<String> strings, long ptrs, long buf) {
        long at = buf;
        for (int i = 0; i < strings.size(); i++) {
            p.memory.storeI32(ptrs + 4L * i, (int) at);
            at += p.writeCString(at, strings.get(i)) + 1;
        }
        return 0;
    }

    /** Largest single transfer: a bigger iovec is served in part, as a short read or write may be. */
    static final int MAX_TRANSFER = 1 << 30;

    /** An iovec's length (unsigned), checked against memory (a trap if it runs past the end), capped. */
    static int iovecLength(Memory m, long base, int rawLength) {
        long len = rawLength & 0xFFFFFFFFL;
        m.checkRange(base, len);
        return (int) Math.min(len, MAX_TRANSFER);
    }

    static long seek(OpenFile f, long offset, int whence) {
        if (!f.node.seekable()) {
            throw new FsError(Errno.ESPIPE);
        }
        long base = switch (whence) {
            case SEEK_SET -> 0;
            case SEEK_CUR -> f.position;
            case SEEK_END -> f.node.size();
            default -> throw new FsError(Errno.EINVAL);
        };
        long pos = base + offset;
        if (pos < 0) {
            throw new FsError(Errno.EINVAL);
        }
        f.position = pos;
        return pos;
    }

    /** Writes the iovecs at {@code iov}; at {@code offset}, or at the position (advancing it) when negative. */
    static long writev(EmProcess p, OpenFile f, long iov, int iovcnt, long offset) {
        if (!f.writable()) {
            throw new FsError(Errno.EBADF);
        }
        if (f.node.isDir()) {
            throw new FsError(Errno.EISDIR);
        }
        Memory m = p.memory;
        long pos = offset >= 0 ? offset : ((f.flags & OpenFile.O_APPEND) != 0 && f.node.seekable() ? f.node.size() : f.position);
        long total = 0;
        for (int i = 0; i < iovcnt; i++) {
            long base = m.loadI32(iov + 8L * i) & 0xFFFFFFFFL;
            int len = iovecLength(m, base, m.loadI32(iov + 8L * i + 4));
            if (len == 0) {
                continue;
            }
            byte[] b = m.read(base, len);
            int n = f.node.write(pos, b, 0, len);
            pos += n;
            total += n;
            if (n < len) {
                break;
            }
        }
        if (offset < 0 && f.node.seekable()) {
            f.position = pos;
        }
        return total;
    }

    static long readv(EmProcess p, OpenFile f, long iov, int iovcnt, long offset) {
        if (!f.readable()) {
            throw new FsError(Errno.EBADF);
        }
        if (f.node.isDir()) {
            throw new FsError(Errno.EISDIR);
        }
        Memory m = p.memory;
        long pos = offset >= 0 ? offset : f.position;
        long total = 0;
        for (int i = 0; i < iovcnt; i++) {
            long base = m.loadI32(iov + 8L * i) & 0xFFFFFFFFL;
            int len = iovecLength(m, base, m.loadI32(iov + 8L * i + 4));
            if (len == 0) {
                continue;
            }
            byte[] b = new byte[len];
            int n;
            try {
                n = f.node.read(pos, b, 0, len);
            } catch (FsError e) {
                if (total > 0) { // a later iovec found the pipe or socket empty: a short read
                    break;
                }
                throw e;
            }
            m.write(base, b, 0, n);
            pos += n;
            total += n;
            if (n < len) {
                break;
            }
        }
        if (offset < 0 && f.node.seekable()) {
            f.position = pos;
        }
        return total;
    }
}
