package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code __syscall_*} imports of Emscripten's libc, over {@link Vfs}. Each returns its result or
 * {@code -errno}. Both generations of names are here: 3.1.6's path forms ({@code __syscall_open},
 * {@code __syscall_mkdir}, {@code __syscall_stat64}, ...) and the *at forms later releases use
 * ({@code __syscall_openat}, {@code __syscall_mkdirat}, {@code __syscall_newfstatat}, ...).
 */
final class SyscallImports {
    private SyscallImports() {}

    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_REMOVEDIR = 0x200;
    static final int AT_EMPTY_PATH = 0x1000;
    static final int DIRENT_SIZE = 280;

    interface Body {
        long run();
    }

    static long sys(Body body) {
        try {
            return body.run();
        } catch (FsError e) {
            return -e.errno;
        }
    }

    /** Reads the next variadic int argument, as Emscripten's SYSCALLS.get() does. */
    private static final class VarArgs {
        private final Memory m;
        private long at;

        VarArgs(Memory m, long at) {
            this.m = m;
            this.at = at;
        }

        int next() {
            if (at == 0) {
                return 0;
            }
            int v = m.loadI32(at);
            at += 4;
            return v;
        }
    }

    /** The directory a *at call's relative path starts from. */
    private static Node base(EmProcess p, int dirfd, String path) {
        if (path.startsWith("/") || dirfd == AT_FDCWD) {
            return p.fs.cwd;
        }
        return p.fs.get(dirfd).node;
    }

    private static Node resolveAt(EmProcess p, int dirfd, String path, boolean allowEmpty) {
        return resolveAt(p, dirfd, path, allowEmpty, true);
    }

    private static Node resolveAt(EmProcess p, int dirfd, String path, boolean allowEmpty, boolean follow) {
        if (path.isEmpty()) {
            if (!allowEmpty) {
                throw new FsError(Errno.ENOENT);
            }
            return dirfd == AT_FDCWD ? p.fs.cwd : p.fs.get(dirfd).node;
        }
        return p.fs.resolve(path, base(p, dirfd, path), follow);
    }

    /** readlink: the (resolved) target without a terminating NUL, cut to {@code size}; EINVAL for anything but a link. */
    private static long readlink(EmProcess p, Node node, long buf, long size) {
        if (size <= 0 || size > Integer.MAX_VALUE) {
            return -Errno.EINVAL;
        }
        if (!(node instanceof MemNodes.Symlink link)) {
            return -Errno.EINVAL;
        }
        // Emscripten's FS.readlink answers the target resolved against the link's directory.
        String resolved = Vfs.normalize(link.target.startsWith("/") ? link.target : p.fs.pathOf(link.parent) + "/" + link.target);
        byte[] b = resolved.getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(b.length, size);
        p.memory.write(buf, b, 0, n);
        return n;
    }

    static void register(ImportRegistry r) {
        r.add("__syscall_open", (p, a) -> {
            String path = p.cString(a.ptr());
            int flags = a.i32();
            VarArgs va = new VarArgs(p.memory, a.ptr());
            return sys(() -> p.fs.open(path, p.fs.cwd, flags, va.next()));
        });
        r.add("__syscall_openat", (p, a) -> {
            int dirfd = a.i32();
            String path = p.cString(a.ptr());
            int flags = a.i32();
            VarArgs va = new VarArgs(p.memory, a.ptr());
            return sys(() -> p.fs.open(path, base(p, dirfd, path), flags, va.next()));
        });
        r.add("__syscall_stat64", (p, a) -> {
            String path = p.cString(a.ptr());
            long buf = a.ptr();
            return sys(() -> writeStat(p, p.fs.resolve(path, p.fs.cwd), buf));
        });
        r.add("__syscall_lstat64", (p, a) -> {
            String path = p.cString(a.ptr());
            long buf = a.ptr();
            return sys(() -> writeStat(p, p.fs.resolve(path, p.fs.cwd, false), buf));
        });
        r.add("__syscall_fstat64", (p, a) -> {
            int fd = a.i32();
            long buf = a.ptr();
            return sys(() -> {
                Node node = p.fs.get(fd).node;
                if (node instanceof Devices.Pipe) {
                    // 3.1.x stats a descriptor by its path, which a pipe does not have
                    throw new FsError(Errno.ENOENT);
                }
                return writeStat(p, node, buf);
            });
        });
        r.add("__syscall_fstatat64", (p, a) -> {
            int dirfd = a.i32();
            String path = p.cString(a.ptr());
            long buf = a.ptr();
            int flags = a.i32();
            return sys(() -> writeStat(p, resolveAt(p, dirfd, path, (flags & AT_EMPTY_PATH) != 0,
                    (flags & AT_SYMLINK_NOFOLLOW) == 0), buf));
        });
        r.alias("__syscall_newfstatat", "__syscall_fstatat64");
        r.add("__syscall_mkdir", (p, a) -> {
            String path = p.cString(a.ptr());
            int mode = a.i32();
            return sys(() -> {
                p.fs.mkdir(path, p.fs.cwd, mode);
                return 0;
            });
        });
        r.add("__syscall_mkdirat", (p, a) -> {
            int dirfd = a.i32();
            String path = p.cString(a.ptr());
            int mode = a.i32();
            return sys(() -> {
                p.fs.mkdir(path, base(p, dirfd, path), mode);
                return 0;
            });
        });
        r.add("__syscall_rmdir", (p, a) -> {
            String path = p.cString(a.ptr());
            return sys(() -> {
                p.fs.remove(path, p.fs.cwd, true);
                return 0;
            });
        });
        r.add("__syscall_unlink", (p, a) -> {
            String path = p.cString(a.ptr());
            return sys(() -> {
                p.fs.remove(path, p.fs.cwd, false);
                return 0;
            });
        });
        r.add("__syscall_unlinkat", (p, a) -> {
            int dirfd = a.i32();
            String path = p.cString(a.ptr());
            int flags = a.i32();
            return sys(() -> {
                if (flags != 0 && flags != AT_REMOVEDIR) {
                    throw new EmscriptenAbort("Invalid flags passed to unlinkat");
                }
                p.fs.remove(path, base(p, dirfd, path), flags == AT_REMOVEDIR);
                return 0;
            });
        });
        r.add("__syscall_rename", (p, a) -> {
            String from = p.cString(a.ptr());
            String to = p.cString(a.ptr());
            return sys(() -> {
                p.fs.rename(from, p.fs.cwd, to, p.fs.cwd);
                return 0;
            });
        });
        r.add("__syscall_renameat", (p, a) -> {
            int olddirfd = a.i32();
            String from = p.cString(a.ptr());
            int newdirfd = a.i32();
            String to = p.cString(a.ptr());
            return sys(() -> {
                p.fs.rename(from, base(p, olddirfd, from), to, base(p, newdirfd, to));
                return 0;
            });
        });
        r.add("__syscall_getcwd", (p, a) -> {
            long buf = a.ptr();
            long size = a.ptr();
            if (size == 0) {
                return -Errno.EINVAL;
            }
            String cwd = p.fs.pathOf(p.fs.cwd);
            byte[] b = cwd.getBytes(StandardCharsets.UTF_8);
            if (size < b.length + 1) {
                return -Errno.ERANGE;
            }
            p.writeCString(buf, cwd);
            return b.length + 1;
        });
        r.add("__syscall_chdir", (p, a) -> {
            String path = p.cString(a.ptr());
            return sys(() -> chdir(p, p.fs.resolve(path, p.fs.cwd)));
        });
        r.add("__syscall_fchdir", (p, a) -> {
            int fd = a.i32();
            return sys(() -> chdir(p, p.fs.get(fd).node));
        });
        r.add("__syscall_getdents64", (p, a) -> {
            int fd = a.i32();
            long dirp = a.ptr();
            long count = a.ptr();
            return sys(() -> getdents(p, p.fs.get(fd), dirp, count));
        });
        r.add("__syscall_ftruncate64", (p, a) -> {
            int fd = a.i32();
            long length = a.i64();
            return sys(() -> {
                OpenFile f = p.fs.get(fd);
                if (!f.writable()) {
                    throw new FsError(Errno.EINVAL);
                }
                truncate(f.node, length);
                return 0;
            });
        });
        r.add("__syscall_truncate64", (p, a) -> {
            String path = p.cString(a.ptr());
            long length = a.i64();
            return sys(() -> {
                truncate(p.fs.resolve(path, p.fs.cwd), length);
                return 0;
            });
        });
        r.add("__syscall_faccessat", (p, a) -> {
            int dirfd = a.i32();
            String path = p.cString(a.ptr());
            int amode = a.i32();
            return sys(() -> access(resolveAt(p, dirfd, path, false), amode));
        });
        r.add("__syscall_access", (p, a) -> {
            String path = p.cString(a.ptr());
            int amode = a.i32();
            return sys(() -> access(p.fs.resolve(path, p.fs.cwd), amode));
        });
        r.add("__syscall_fcntl64", SyscallImports::fcntl);
        r.add("__syscall_ioctl", SyscallImports::ioctl);
        r.add("__syscall_dup", (p, a) -> {
            int fd = a.i32();
            return sys(() -> dup(p, fd, 0));
        });
        r.add("__syscall_dup3", (p, a) -> {
            int fd = a.i32();
            int to = a.i32();
            return sys(() -> {
                OpenFile f = p.fs.get(fd);
                if (fd == to) {
                    return -Errno.EINVAL;
                }
                if (to < 0 || to >= Vfs.MAX_FDS) {
                    return -Errno.EBADF;
                }
                try {
                    p.fs.close(to);
                } catch (FsError ignored) {
                    // not open: nothing to close
                }
                f.refs++;
                return p.fs.install(f, to);
            });
        });
        r.add("__syscall_fdatasync", (p, a) -> sys(() -> {
            p.fs.get(a.i32());
            return 0;
        }));
        for (String ok : List.of("__syscall_chmod", "__syscall_fchmodat")) {
            r.add(ok, (p, a) -> {
                if (ok.endsWith("at")) {
                    a.i32();
                }
                String path = p.cString(a.ptr());
                return sys(() -> {
                    p.fs.resolve(path, p.fs.cwd);
                    return 0;
                });
            });
        }
        r.add("__syscall_fchmod", (p, a) -> sys(() -> {
            p.fs.get(a.i32());
            return 0;
        }));
        r.add("__syscall_utimensat", (p, a) -> {
            int dirfd = a.i32();
            String path = p.cString(a.ptr());
            return sys(() -> {
                resolveAt(p, dirfd, path, false);
                return 0;
            });
        });
        r.add("__syscall_readlinkat", (p, a) -> {
            int dirfd = a.i32();
            String path = p.cString(a.ptr());
            long buf = a.ptr();
            long size = a.ptr();
            return sys(() -> readlink(p, resolveAt(p, dirfd, path, false, false), buf, size));
        });
        r.add("__syscall_readlink", (p, a) -> {
            String path = p.cString(a.ptr());
            long buf = a.ptr();
            long size = a.ptr();
            return sys(() -> readlink(p, p.fs.resolve(path, p.fs.cwd, false), buf, size));
        });
        r.add("__syscall_symlink", (p, a) -> {
            String target = p.cString(a.ptr());
            String path = p.cString(a.ptr());
            return sys(() -> {
                p.fs.symlink(target, path, p.fs.cwd);
                return 0;
            });
        });
        r.add("__syscall_symlinkat", (p, a) -> {
            String target = p.cString(a.ptr());
            int dirfd = a.i32();
            String path = p.cString(a.ptr());
            return sys(() -> {
                p.fs.symlink(target, path, base(p, dirfd, path));
                return 0;
            });
        });
        r.add("__syscall_fadvise64", (p, a) -> 0);
        r.alias("__syscall_fadvise64_64", "__syscall_fadvise64");
    }

    private static long chdir(EmProcess p, Node node) {
        if (!node.isDir()) {
            throw new FsError(Errno.ENOTDIR);
        }
        p.fs.cwd = node;
        return 0;
    }

    private static void truncate(Node node, long length) {
        if (length < 0) {
            throw new FsError(Errno.EINVAL);
        }
        if (node.isDir()) {
            throw new FsError(Errno.EISDIR);
        }
        if (!node.isFile()) {
            throw new FsError(Errno.EINVAL);
        }
        if (node.readOnly()) {
            throw new FsError(Errno.EROFS);
        }
        node.truncate(length);
    }

    private static long access(Node node, int amode) {
        if ((amode & ~7) != 0) {
            return -Errno.EINVAL;
        }
        if ((amode & 2) != 0 && node.readOnly()) {
            return -Errno.EACCES;
        }
        return 0;
    }

    private static long dup(EmProcess p, int fd, int min) {
        OpenFile f = p.fs.get(fd);
        f.refs++;
        try {
            return p.fs.install(f, min);
        } catch (FsError e) {
            f.refs--;
            throw e;
        }
    }

    static long writeStat(EmProcess p, Node node, long buf) {
        return p.abi == Abi.LEGACY_32BIT_TIME ? writeStatLegacy(p, node, buf) : writeStat64(p, node, buf);
    }

    /** stat with 64-bit times (96 bytes), as {@link Abi#TIME64} lays it out. */
    static long writeStat64(EmProcess p, Node node, long buf) {
        Memory m = p.memory;
        long size = node.size();
        long millis = node.mtimeMillis();
        m.checkRange(buf, 96);
        m.storeI32(buf, node.isCharDevice() ? (int) node.ino : 1);
        m.storeI32(buf + 4, node.mode());
        m.storeI32(buf + 8, 1);
        m.storeI32(buf + 12, 0);
        m.storeI32(buf + 16, 0);
        m.storeI32(buf + 20, 0);
        m.storeI64(buf + 24, size);
        m.storeI32(buf + 32, 4096);
        m.storeI32(buf + 36, (int) ((size + 4095) / 4096));
        for (int t = 0; t < 3; t++) {
            m.storeI64(buf + 40 + 16L * t, Math.floorDiv(millis, 1000));
            m.storeI64(buf + 48 + 16L * t, Math.floorMod(millis, 1000) * 1_000_000L);
        }
        m.storeI64(buf + 88, node.ino);
        return 0;
    }

    /**
     * stat as Emscripten 3.1.x lays it out (88 bytes, 32-bit times): dev, pad, ino (truncated),
     * mode, nlink, uid, gid, rdev, pad, size (i64 at 40), blksize, blocks, atime/mtime/ctime
     * (sec, nsec) from 56, ino (i64) at 80. Values as MEMFS reports them.
     */
    static long writeStatLegacy(EmProcess p, Node node, long buf) {
        Memory m = p.memory;
        long size = node.size();
        int dev = node.isCharDevice() ? (int) node.ino : 1;
        int sec = (int) Math.floorDiv(node.mtimeMillis(), 1000);
        m.checkRange(buf, 88);
        m.storeI32(buf, dev);
        m.storeI32(buf + 4, 0);
        m.storeI32(buf + 8, (int) node.ino);
        m.storeI32(buf + 12, node.mode());
        m.storeI32(buf + 16, 1);
        m.storeI32(buf + 20, 0);
        m.storeI32(buf + 24, 0);
        m.storeI32(buf + 28, 0);
        m.storeI32(buf + 32, 0);
        m.storeI64(buf + 40, size);
        m.storeI32(buf + 48, 4096);
        m.storeI32(buf + 52, (int) ((size + 4095) / 4096));
        for (int t = 0; t < 3; t++) {
            m.storeI32(buf + 56 + 8L * t, sec);
            m.storeI32(buf + 60 + 8L * t, 0);
        }
        m.storeI64(buf + 80, node.ino);
        return 0;
    }

    private static long getdents(EmProcess p, OpenFile f, long dirp, long count) {
        Node dir = f.node;
        if (!dir.isDir()) {
            throw new FsError(Errno.ENOTDIR);
        }
        List<String> names = new ArrayList<>();
        names.add(".");
        names.add("..");
        names.addAll(dir.list());
        Memory m = p.memory;
        long pos = 0;
        int idx = (int) (f.position / DIRENT_SIZE);
        while (idx < names.size() && pos + DIRENT_SIZE <= count) {
            String name = names.get(idx);
            long ino;
            int type;
            if (name.equals(".")) {
                ino = dir.ino;
                type = 4;
            } else if (name.equals("..")) {
                ino = dir.parent.ino;
                type = 4;
            } else {
                Node child;
                try {
                    child = dir.lookup(name);
                } catch (FsError e) {
                    child = null;
                }
                if (child == null) { // vanished or hidden (a host link leaving the mount): skip it
                    idx++;
                    continue;
                }
                ino = child.ino;
                type = child.isCharDevice() ? 2 : child.isDir() ? 4 : child.isSymlink() ? 10 : 8;
            }
            long at = dirp + pos;
            m.storeI64(at, ino);
            m.storeI64(at + 8, (long) (idx + 1) * DIRENT_SIZE);
            m.storeI16(at + 16, (short) DIRENT_SIZE);
            m.storeI8(at + 18, (byte) type);
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            int n = Math.min(b.length, 255);
            m.write(at + 19, b, 0, n);
            m.storeI8(at + 19 + n, (byte) 0);
            pos += DIRENT_SIZE;
            idx++;
        }
        f.position = (long) idx * DIRENT_SIZE;
        return pos;
    }

    private static final int F_DUPFD = 0;
    private static final int F_GETFD = 1;
    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int F_GETLK = 5;
    private static final int F_SETLK = 6;
    private static final int F_SETLKW = 7;
    private static final int F_SETOWN = 8;
    private static final int F_GETOWN = 9;
    private static final int F_GETOWN_EX = 16;
    private static final int F_DUPFD_CLOEXEC = 1030;

    private static long fcntl(EmProcess p, Args a) {
        int fd = a.i32();
        int cmd = a.i32();
        VarArgs va = new VarArgs(p.memory, a.ptr());
        return sys(() -> {
            OpenFile f = p.fs.get(fd);
            int command = cmd;
            if (p.abi == Abi.TIME64 && cmd >= 12 && cmd <= 14) {
                command = cmd - 7; // F_GETLK, F_SETLK, F_SETLKW are 12..14 with 64-bit off_t locks
            } else if (p.abi == Abi.TIME64 && cmd >= 5 && cmd <= 7) {
                command = -1;
            }
            switch (command) {
                case F_DUPFD, F_DUPFD_CLOEXEC -> {
                    int min = va.next();
                    if (min < 0) {
                        return -Errno.EINVAL;
                    }
                    return dup(p, fd, min);
                }
                case F_GETFD, F_SETFD -> {
                    return 0;
                }
                case F_GETFL -> {
                    return f.flags;
                }
                case F_SETFL -> {
                    if (f.node instanceof Sockets.Socket) { // O_NONBLOCK can be cleared again
                        f.flags = (f.flags & OpenFile.O_ACCMODE) | (va.next() & Sockets.O_NONBLOCK);
                        return 0;
                    }
                    f.flags |= va.next();
                    return 0;
                }
                case F_GETLK -> {
                    long lock = va.next() & 0xFFFFFFFFL;
                    p.memory.storeI16(lock, (short) 2); // F_UNLCK: nothing else holds locks
                    return 0;
                }
                case F_SETLK, F_SETLKW -> {
                    return 0;
                }
                case F_GETOWN_EX, F_SETOWN -> {
                    return -Errno.EINVAL;
                }
                case F_GETOWN -> {
                    p.setErrno(Errno.EINVAL);
                    return -1;
                }
                default -> {
                    return -Errno.EINVAL;
                }
            }
        });
    }

    private static final int TCGETS = 0x5401;
    private static final int TCSETS = 0x5402;
    private static final int TCSETSW = 0x5403;
    private static final int TCSETSF = 0x5404;
    private static final int TCGETA = 0x5405;
    private static final int TCSETA = 0x5406;
    private static final int TCSETAW = 0x5407;
    private static final int TCSETAF = 0x5408;
    private static final int TIOCGPGRP = 0x540F;
    private static final int TIOCSPGRP = 0x5410;
    private static final int TIOCGWINSZ = 0x5413;
    private static final int TIOCSWINSZ = 0x5414;
    private static final int FIONREAD = 0x541B;

    /** ioctl as Emscripten answers it: terminal requests succeed on ttys and fail with ENOTTY elsewhere. */
    private static long ioctl(EmProcess p, Args a) {
        int fd = a.i32();
        int op = a.i32();
        VarArgs va = new VarArgs(p.memory, a.ptr());
        return sys(() -> {
            OpenFile f = p.fs.get(fd);
            boolean tty = f.node.isTty();
            switch (op) {
                case TCGETA, TCGETS, TCSETA, TCSETAW, TCSETAF, TCSETS, TCSETSW, TCSETSF, TIOCGWINSZ, TIOCSWINSZ -> {
                    return tty ? 0 : -Errno.ENOTTY;
                }
                case TIOCGPGRP -> {
                    if (!tty) {
                        return -Errno.ENOTTY;
                    }
                    p.memory.storeI32(va.next() & 0xFFFFFFFFL, 0);
                    return 0;
                }
                case TIOCSPGRP -> {
                    return tty ? -Errno.EINVAL : -Errno.ENOTTY;
                }
                case FIONREAD -> {
                    return -Errno.EINVAL;
                }
                default -> {
                    return -Errno.EINVAL;
                }
            }
        });
    }
}
