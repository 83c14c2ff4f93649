package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;

/**
 * Syscalls with fixed or simple answers in Emscripten's runtime: statfs, poll, ownership and
 * identity (a single root user), hard links (refused with EMLINK), fallocate.
 */
final class MoreSyscalls {
    private MoreSyscalls() {}

    static final int POLLIN = 1;
    static final int POLLOUT = 4;
    static final int POLLERR = 8;
    static final int POLLHUP = 16;
    static final int POLLNVAL = 32;

    static void register(ImportRegistry r) {
        r.add("__syscall_statfs64", (p, a) -> {
            String path = p.cString(a.ptr());
            a.ptr();
            long buf = a.ptr();
            return SyscallImports.sys(() -> {
                p.fs.resolve(path, p.fs.cwd);
                return statfs(p, buf);
            });
        });
        r.add("__syscall_fstatfs64", (p, a) -> {
            int fd = a.i32();
            a.ptr();
            long buf = a.ptr();
            return SyscallImports.sys(() -> {
                p.fs.get(fd);
                return statfs(p, buf);
            });
        });
        r.add("__syscall_poll", (p, a) -> {
            long fds = a.ptr();
            int nfds = a.i32();
            int timeout = a.i32();
            Memory m = p.memory;
            int ready = 0;
            for (int i = 0; i < nfds; i++) {
                long pollfd = fds + 8L * i;
                int fd = m.loadI32(pollfd);
                int events = m.loadI16(pollfd + 4);
                int mask = POLLNVAL;
                try {
                    Node node = p.fs.get(fd).node;
                    // files and terminals are always ready; sockets as their queues say
                    mask = node instanceof Sockets.Socket s ? s.pollMask() : POLLIN | POLLOUT;
                } catch (FsError e) {
                    // not open: POLLNVAL
                }
                mask &= events | POLLERR | POLLHUP;
                if (mask != 0) {
                    ready++;
                }
                m.storeI16(pollfd + 6, (short) mask);
            }
            return ready > 0 ? ready : idle(timeout);
        });
        r.add("__syscall_linkat", (p, a) -> -Errno.EMLINK);
        r.add("__syscall_pipe", (p, a) -> {
            long fdPtr = a.ptr();
            if (fdPtr == 0) {
                return -Errno.EFAULT;
            }
            return SyscallImports.sys(() -> {
                Devices.Pipe pipe = new Devices.Pipe(p.fs.space.nextIno());
                int readFd = p.fs.install(new OpenFile(pipe, OpenFile.O_RDONLY, "pipe"), 0);
                int writeFd;
                try {
                    writeFd = p.fs.install(new OpenFile(pipe, OpenFile.O_WRONLY, "pipe"), 0);
                } catch (FsError e) {
                    p.fs.close(readFd);
                    throw e;
                }
                p.memory.storeI32(fdPtr, readFd);
                p.memory.storeI32(fdPtr + 4, writeFd);
                return 0;
            });
        });
        for (String id : new String[] {"__syscall_getuid32", "__syscall_getgid32", "__syscall_geteuid32", "__syscall_getegid32"}) {
            r.add(id, (p, a) -> 0);
        }
        r.add("__syscall_fchown32", (p, a) -> SyscallImports.sys(() -> {
            p.fs.get(a.i32());
            return 0;
        }));
        for (String chown : new String[] {"__syscall_chown32", "__syscall_lchown32"}) {
            r.add(chown, (p, a) -> {
                String path = p.cString(a.ptr());
                return SyscallImports.sys(() -> {
                    p.fs.resolve(path, p.fs.cwd);
                    return 0;
                });
            });
        }
        r.add("__syscall_fchownat", (p, a) -> {
            int dirfd = a.i32();
            String path = p.cString(a.ptr());
            return SyscallImports.sys(() -> {
                p.fs.resolve(path, dirfd == SyscallImports.AT_FDCWD || path.startsWith("/") ? p.fs.cwd : p.fs.get(dirfd).node);
                return 0;
            });
        });
        r.add("__syscall_fallocate", (p, a) -> {
            int fd = a.i32();
            a.i32();
            long offset = a.i64();
            long len = a.i64();
            return SyscallImports.sys(() -> {
                OpenFile f = p.fs.get(fd);
                if (offset < 0 || len <= 0) {
                    return -Errno.EINVAL;
                }
                if (!f.node.isFile()) {
                    return -Errno.ENODEV;
                }
                if (f.node.size() < offset + len) {
                    f.node.truncate(offset + len);
                }
                return 0;
            });
        });
    }

    /** Longest single wait in poll: a longer one ends early with EINTR, so the caller can see signals. */
    static final int POLL_SLICE_MILLIS = 50;

    /**
     * poll found nothing ready. Only the program itself could change that, and it is waiting: so the
     * wait is a sleep for the timeout, in slices; a wait longer than a slice (or without end) returns
     * EINTR after one, and the caller (CPython's poll, which checks for KeyboardInterrupt) retries
     * with what is left of its timeout.
     */
    private static long idle(int timeout) {
        if (timeout == 0) {
            return 0;
        }
        long millis = timeout < 0 ? POLL_SLICE_MILLIS : Math.min(timeout, POLL_SLICE_MILLIS);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -Sockets.EINTR;
        }
        return timeout < 0 || timeout > POLL_SLICE_MILLIS ? -Sockets.EINTR : 0;
    }

    private static long statfs(EmProcess p, long buf) {
        Memory m = p.memory;
        m.storeI32(buf + 4, 4096);
        m.storeI32(buf + 40, 4096);
        m.storeI32(buf + 8, 1_000_000);
        m.storeI32(buf + 12, 500_000);
        m.storeI32(buf + 16, 500_000);
        m.storeI32(buf + 20, (int) p.fs.space.peekIno());
        m.storeI32(buf + 24, 1_000_000);
        m.storeI32(buf + 28, 42);
        m.storeI32(buf + 44, 2);
        m.storeI32(buf + 36, 255);
        return 0;
    }
}
