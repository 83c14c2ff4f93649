package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * In-process stream sockets: what Emscripten's SOCKFS gives a program that talks to itself, such as
 * CPython's {@code socket.socketpair()} fallback (a loopback TCP connection) behind asyncio's
 * self-pipe. Connections exist only between sockets of one process: TCP over IPv4 loopback
 * (127.0.0.0/8, and 0.0.0.0 as "this host") and AF_UNIX stream sockets (bound names live in a table
 * of their own; no file appears in the file system). Everything else fails cleanly: another
 * family ({@code EAFNOSUPPORT}), datagram or raw sockets ({@code EPROTONOSUPPORT}), binding a
 * non-local address ({@code EADDRNOTAVAIL}), connecting to one ({@code ENETUNREACH}), connecting to
 * a loopback port nobody listens on ({@code ECONNREFUSED}).
 *
 * <p>As in SOCKFS, no call ever waits: one thread runs the program, so nothing could arrive while
 * it waited. An empty receive queue or accept queue answers {@code EAGAIN} whether or not the
 * descriptor is non-blocking; a connect to a listener completes at once (the connection waits in
 * the listener's queue); sends never block (queues are unbounded).
 */
final class Sockets {
    private Sockets() {}

    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int SOCK_STREAM = 1;
    static final int SOCK_NONBLOCK = 04000;
    static final int SOCK_CLOEXEC = 02000000;
    static final int O_NONBLOCK = 04000;
    static final int IPPROTO_TCP = 6;
    static final int MSG_PEEK = 2;

    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int SO_TYPE = 3;
    static final int SO_ERROR = 4;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_KEEPALIVE = 9;
    static final int SO_ACCEPTCONN = 30;
    static final int SO_PROTOCOL = 38;
    static final int SO_DOMAIN = 39;
    static final int TCP_NODELAY = 1;

    static final int SHUT_RD = 0;
    static final int SHUT_WR = 1;
    static final int SHUT_RDWR = 2;

    static final int LOOPBACK = 0x7F000001;
    private static final int FIRST_EPHEMERAL = 32768;
    private static final int LAST_EPHEMERAL = 60999;

    // Emscripten's errno numbers for the network errors (WASI numbering).
    static final int EADDRINUSE = 3;
    static final int EADDRNOTAVAIL = 4;
    static final int EAFNOSUPPORT = 5;
    static final int ECONNREFUSED = 14;
    static final int ECONNRESET = 15;
    static final int EINTR = 27;
    static final int EISCONN = 30;
    static final int ENETUNREACH = 40;
    static final int ENOPROTOOPT = 50;
    static final int ENOTCONN = 53;
    static final int ENOTSOCK = 57;
    static final int EOPNOTSUPP = 58;
    static final int EPIPE = 64;
    static final int EPROTONOSUPPORT = 66;

    /** A socket address: IPv4 (address as a big-endian int, port) or AF_UNIX (a name; "\0…" is abstract). */
    record Addr(int family, int ip, int port, String path) {
        static Addr inet(int ip, int port) {
            return new Addr(AF_INET, ip, port, null);
        }

        static Addr unix(String path) {
            return new Addr(AF_UNIX, 0, 0, path);
        }

        @Override
        public String toString() {
            return family == AF_INET
                    ? ((ip >>> 24) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255) + ":" + port)
                    : "unix:" + path;
        }
    }

    /** The addresses bound in one process: IPv4 ports (one namespace for all of 127/8) and AF_UNIX names. */
    static final class Net {
        final Map<Integer, Socket> ports = new HashMap<>();
        final Map<String, Socket> names = new HashMap<>();
        /** getprotobyname's entries, allocated in the program's memory on first use. */
        final Map<String, Long> protoents = new HashMap<>();
        private int nextPort = FIRST_EPHEMERAL;

        int ephemeralPort() {
            for (int i = 0; i <= LAST_EPHEMERAL - FIRST_EPHEMERAL; i++) {
                int port = nextPort;
                nextPort = port == LAST_EPHEMERAL ? FIRST_EPHEMERAL : port + 1;
                if (!ports.containsKey(port)) {
                    return port;
                }
            }
            throw new FsError(EADDRINUSE);
        }
    }

    /** A byte queue: what one end has sent and the other has not read yet. */
    private static final class Bytes {
        private byte[] data = new byte[256];
        private int start;
        private int end;

        int size() {
            return end - start;
        }

        void add(byte[] b, int off, int len) {
            if (end + len > data.length) {
                int live = size();
                if (live + (long) len > Integer.MAX_VALUE - 8) {
                    throw new FsError(Errno.EFBIG_OR_NOSPC);
                }
                byte[] larger = data;
                if (live + len > data.length) {
                    larger = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(live + (long) len, data.length * 2L))];
                }
                System.arraycopy(data, start, larger, 0, live);
                data = larger;
                start = 0;
                end = live;
            }
            System.arraycopy(b, off, data, end, len);
            end += len;
        }

        int take(byte[] b, int off, int len, boolean peek) {
            int n = Math.min(len, size());
            System.arraycopy(data, start, b, off, n);
            if (!peek) {
                start += n;
                if (start == end) {
                    start = end = 0;
                }
            }
            return n;
        }
    }

    /** A socket: the node behind its descriptor (S_IFSOCK), with its state and queues. */
    static final class Socket extends Node {
        final Net net;
        final int family;
        final int type;
        Addr local;
        Addr remote;
        boolean listening;
        int backlog;
        final ArrayDeque<Socket> pending = new ArrayDeque<>();
        /** The other end of the connection (null until connected; kept after it closes, for getpeername). */
        Socket peer;
        final Bytes inbox = new Bytes();
        /** The peer will send no more: reads drain the inbox, then see end of file. */
        boolean eof;
        /** The connection was reset (its listener closed before accepting it): reads fail with ECONNRESET. */
        boolean reset;
        boolean readShut;
        boolean writeShut;
        boolean closed;

        Socket(long ino, Net net, int family, int type) {
            super(ino);
            this.net = net;
            this.family = family;
            this.type = type;
        }

        @Override
        int mode() {
            return 0xC000 | 0777; // S_IFSOCK
        }

        @Override
        long mtimeMillis() {
            return 0;
        }

        @Override
        boolean seekable() {
            return false;
        }

        @Override
        void truncate(long length) {
            throw new FsError(Errno.EINVAL);
        }

        boolean connected() {
            return peer != null;
        }

        @Override
        int read(long pos, byte[] buf, int off, int len) {
            return recv(buf, off, len, false);
        }

        int recv(byte[] buf, int off, int len, boolean peek) {
            if (listening || (peer == null && !reset && !eof)) {
                throw new FsError(ENOTCONN);
            }
            if (inbox.size() > 0 && !readShut) {
                return inbox.take(buf, off, len, peek);
            }
            if (reset) {
                reset = false;
                eof = true;
                throw new FsError(ECONNRESET);
            }
            if (eof || readShut || len == 0) {
                return 0;
            }
            throw new FsError(Errno.EAGAIN);
        }

        @Override
        int write(long pos, byte[] buf, int off, int len) {
            if (peer == null) {
                throw new FsError(reset ? EPIPE : ENOTCONN);
            }
            if (writeShut || peer.closed || peer.readShut) {
                throw new FsError(EPIPE);
            }
            peer.inbox.add(buf, off, len);
            return len;
        }

        /** poll(2) readiness: POLLIN, POLLOUT, POLLHUP, as a kernel reports them for a stream socket. */
        int pollMask() {
            int mask = 0;
            if (listening) {
                return pending.isEmpty() ? 0 : MoreSyscalls.POLLIN;
            }
            if (peer == null && !reset) {
                return MoreSyscalls.POLLOUT | MoreSyscalls.POLLHUP; // unconnected, as Linux reports it
            }
            if (inbox.size() > 0 || eof || reset || readShut) {
                mask |= MoreSyscalls.POLLIN;
            }
            if (peer != null && !writeShut && !peer.closed && !peer.readShut) {
                mask |= MoreSyscalls.POLLOUT;
            }
            if (reset || ((eof || readShut) && writeShut)) { // both directions shut, as Linux has it
                mask |= MoreSyscalls.POLLHUP;
            }
            if (peer != null && peer.closed && !writeShut) {
                mask |= MoreSyscalls.POLLOUT; // a write reports EPIPE at once
            }
            return mask;
        }

        /** The last descriptor closed (or the runtime exits): the peer sees end of file, the name is free. */
        @Override
        void flush() {
            if (closed) {
                return;
            }
            closed = true;
            if (local != null) {
                if (family == AF_INET && net.ports.get(local.port()) == this) {
                    net.ports.remove(local.port());
                } else if (family == AF_UNIX && local.path() != null && net.names.get(local.path()) == this) {
                    net.names.remove(local.path());
                }
            }
            if (peer != null) {
                peer.eof = true;
            }
            for (Socket s : pending) { // connections never accepted: their clients see a reset
                if (s.peer != null) {
                    s.peer.peer = null;
                    s.peer.reset = true;
                }
            }
            pending.clear();
            listening = false;
        }

        void shutdown(int how) {
            if (peer == null) {
                throw new FsError(ENOTCONN);
            }
            if (how == SHUT_RD || how == SHUT_RDWR) {
                readShut = true;
            }
            if (how == SHUT_WR || how == SHUT_RDWR) {
                writeShut = true;
                peer.eof = true;
            }
        }
    }

    // ---- the operations, on descriptors of a Vfs ----

    static Socket socketOf(Vfs fs, int fd) {
        if (fs.get(fd).node instanceof Socket s) {
            return s;
        }
        throw new FsError(ENOTSOCK);
    }

    static int socket(Vfs fs, int domain, int type, int protocol) {
        if (domain != AF_INET && domain != AF_UNIX) {
            throw new FsError(EAFNOSUPPORT);
        }
        int base = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (base != SOCK_STREAM || (protocol != 0 && !(domain == AF_INET && protocol == IPPROTO_TCP))) {
            throw new FsError(EPROTONOSUPPORT);
        }
        Socket s = new Socket(fs.space.nextIno(), fs.net, domain, base);
        return fs.install(new OpenFile(s, OpenFile.O_RDWR | (type & SOCK_NONBLOCK), "socket:[" + s.ino + "]"), 0);
    }

    static void bind(Vfs fs, int fd, Addr a) {
        Socket s = socketOf(fs, fd);
        if (a.family() != s.family) {
            throw new FsError(EAFNOSUPPORT);
        }
        if (s.local != null) {
            throw new FsError(Errno.EINVAL);
        }
        Net net = s.net;
        if (s.family == AF_INET) {
            if (a.ip() != 0 && (a.ip() >>> 24) != 127) {
                throw new FsError(EADDRNOTAVAIL);
            }
            int port = a.port() == 0 ? net.ephemeralPort() : a.port();
            if (net.ports.containsKey(port)) {
                throw new FsError(EADDRINUSE);
            }
            net.ports.put(port, s);
            s.local = Addr.inet(a.ip(), port);
        } else {
            if (a.path().isEmpty()) {
                throw new FsError(Errno.EINVAL); // autobind is not offered
            }
            if (net.names.containsKey(a.path())) {
                throw new FsError(EADDRINUSE);
            }
            net.names.put(a.path(), s);
            s.local = a;
        }
    }

    private static void autobind(Vfs fs, int fd, Socket s) {
        if (s.local == null) {
            if (s.family == AF_INET) {
                bind(fs, fd, Addr.inet(0, 0));
            } else {
                s.local = Addr.unix(null); // unnamed
            }
        }
    }

    static void listen(Vfs fs, int fd, int backlog) {
        Socket s = socketOf(fs, fd);
        if (s.connected() || s.reset) {
            throw new FsError(Errno.EINVAL);
        }
        if (s.family == AF_UNIX && (s.local == null || s.local.path() == null)) {
            throw new FsError(Errno.EINVAL);
        }
        autobind(fs, fd, s);
        s.listening = true;
        s.backlog = backlog;
    }

    static void connect(Vfs fs, int fd, Addr a) {
        Socket s = socketOf(fs, fd);
        if (a.family() != s.family) {
            throw new FsError(EAFNOSUPPORT);
        }
        if (s.listening) {
            throw new FsError(Errno.EINVAL);
        }
        if (s.connected() || s.reset) {
            throw new FsError(EISCONN);
        }
        Socket server;
        if (s.family == AF_INET) {
            int ip = a.ip() == 0 ? LOOPBACK : a.ip();
            if ((ip >>> 24) != 127) {
                throw new FsError(ENETUNREACH);
            }
            server = s.net.ports.get(a.port());
            if (server == null || !server.listening || (server.local.ip() != 0 && server.local.ip() != ip)) {
                throw new FsError(ECONNREFUSED);
            }
            if (s.local == null) {
                int port = s.net.ephemeralPort();
                s.net.ports.put(port, s);
                s.local = Addr.inet(ip, port);
            } else if (s.local.ip() == 0) {
                s.local = Addr.inet(ip, s.local.port());
            }
        } else {
            server = s.net.names.get(a.path());
            if (server == null) {
                throw new FsError(Errno.ENOENT);
            }
            if (!server.listening) {
                throw new FsError(ECONNREFUSED);
            }
            autobind(fs, fd, s);
        }
        Socket accepted = new Socket(fs.space.nextIno(), s.net, s.family, s.type);
        accepted.local = s.family == AF_INET && server.local.ip() == 0 ? Addr.inet(s.local.ip(), server.local.port()) : server.local;
        accepted.remote = s.local;
        accepted.peer = s;
        s.remote = accepted.local;
        s.peer = accepted;
        server.pending.add(accepted);
    }

    /** Takes the next connection from the accept queue; returns its new descriptor. */
    static int accept(Vfs fs, int fd, int flags) {
        Socket s = socketOf(fs, fd);
        if (!s.listening) {
            throw new FsError(Errno.EINVAL);
        }
        if ((flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) != 0) {
            throw new FsError(Errno.EINVAL);
        }
        Socket c = s.pending.peek();
        if (c == null) {
            throw new FsError(Errno.EAGAIN);
        }
        int newFd = fs.install(new OpenFile(c, OpenFile.O_RDWR | (flags & SOCK_NONBLOCK), "socket:[" + c.ino + "]"), 0);
        s.pending.poll();
        return newFd;
    }

    static Addr sockname(Vfs fs, int fd) {
        Socket s = socketOf(fs, fd);
        if (s.local != null) {
            return s.local;
        }
        return s.family == AF_INET ? Addr.inet(0, 0) : Addr.unix(null);
    }

    static Addr peername(Vfs fs, int fd) {
        Socket s = socketOf(fs, fd);
        if (s.peer == null) {
            throw new FsError(ENOTCONN);
        }
        return s.remote;
    }

    static int send(Vfs fs, int fd, byte[] b, int off, int len) {
        Socket s = socketOf(fs, fd);
        return s.write(0, b, off, len);
    }

    static int recv(Vfs fs, int fd, byte[] b, int off, int len, int flags) {
        Socket s = socketOf(fs, fd);
        return s.recv(b, off, len, (flags & MSG_PEEK) != 0);
    }

    static void shutdown(Vfs fs, int fd, int how) {
        if (how < SHUT_RD || how > SHUT_RDWR) {
            throw new FsError(Errno.EINVAL);
        }
        socketOf(fs, fd).shutdown(how);
    }

    /** getsockopt's integer answer for the options a program asks about; ENOPROTOOPT for others. */
    static int option(Vfs fs, int fd, int level, int name) {
        Socket s = socketOf(fs, fd);
        if (level == SOL_SOCKET) {
            return switch (name) {
                case SO_TYPE -> s.type;
                case SO_ERROR, SO_REUSEADDR, SO_KEEPALIVE -> 0;
                case SO_ACCEPTCONN -> s.listening ? 1 : 0;
                case SO_DOMAIN -> s.family;
                case SO_PROTOCOL -> s.family == AF_INET ? IPPROTO_TCP : 0;
                case SO_SNDBUF, SO_RCVBUF -> 65536;
                default -> throw new FsError(ENOPROTOOPT);
            };
        }
        if (level == IPPROTO_TCP && s.family == AF_INET && name == TCP_NODELAY) {
            return 1;
        }
        throw new FsError(ENOPROTOOPT);
    }

    // ---- addresses in memory ----

    /** Reads a sockaddr of {@code len} bytes; EINVAL when too short, EAFNOSUPPORT for other families. */
    static Addr readAddr(Memory m, long ptr, int len) {
        if (ptr == 0) {
            throw new FsError(Errno.EFAULT);
        }
        if (len < 2) {
            throw new FsError(Errno.EINVAL);
        }
        int family = m.loadI16(ptr) & 0xFFFF;
        if (family == AF_INET) {
            if (len < 16) {
                throw new FsError(Errno.EINVAL);
            }
            byte[] b = m.read(ptr + 2, 6);
            int port = ((b[0] & 255) << 8) | (b[1] & 255);
            int ip = ((b[2] & 255) << 24) | ((b[3] & 255) << 16) | ((b[4] & 255) << 8) | (b[5] & 255);
            return Addr.inet(ip, port);
        }
        if (family == AF_UNIX) {
            int n = Math.min(len, 110) - 2;
            byte[] b = m.read(ptr + 2, n);
            int end = 0;
            if (n > 0 && b[0] == 0) {
                end = n; // abstract: the whole length counts
            } else {
                while (end < n && b[end] != 0) {
                    end++;
                }
            }
            return Addr.unix(new String(b, 0, end, StandardCharsets.ISO_8859_1));
        }
        throw new FsError(EAFNOSUPPORT);
    }

    static byte[] encode(Addr a) {
        if (a.family() == AF_INET) {
            byte[] b = new byte[16];
            b[0] = AF_INET;
            b[2] = (byte) (a.port() >>> 8);
            b[3] = (byte) a.port();
            b[4] = (byte) (a.ip() >>> 24);
            b[5] = (byte) (a.ip() >>> 16);
            b[6] = (byte) (a.ip() >>> 8);
            b[7] = (byte) a.ip();
            return b;
        }
        byte[] path = a.path() == null ? new byte[0] : a.path().getBytes(StandardCharsets.ISO_8859_1);
        boolean abstractName = path.length > 0 && path[0] == 0;
        byte[] b = new byte[2 + path.length + (path.length == 0 || abstractName ? 0 : 1)];
        b[0] = AF_UNIX;
        System.arraycopy(path, 0, b, 2, path.length);
        return b;
    }

    /** Stores {@code a} at {@code ptr} (cut to the room *lenPtr gives) and its full length at *lenPtr. */
    static void writeAddr(Memory m, long ptr, long lenPtr, Addr a) {
        if (ptr == 0 || lenPtr == 0) {
            return;
        }
        byte[] b = encode(a);
        int room = m.loadI32(lenPtr);
        if (room < 0) {
            throw new FsError(Errno.EINVAL);
        }
        m.write(ptr, b, 0, Math.min(room, b.length));
        m.storeI32(lenPtr, b.length);
    }

    // ---- the imports ----

    static void register(ImportRegistry r) {
        r.add("__syscall_socket", (p, a) -> {
            int domain = a.i32();
            int type = a.i32();
            int protocol = a.i32();
            return SyscallImports.sys(() -> socket(p.fs, domain, type, protocol));
        });
        r.add("__syscall_bind", (p, a) -> {
            int fd = a.i32();
            long addr = a.ptr();
            int len = a.i32();
            return SyscallImports.sys(() -> {
                socketOf(p.fs, fd);
                bind(p.fs, fd, readAddr(p.memory, addr, len));
                return 0;
            });
        });
        r.add("__syscall_connect", (p, a) -> {
            int fd = a.i32();
            long addr = a.ptr();
            int len = a.i32();
            return SyscallImports.sys(() -> {
                socketOf(p.fs, fd);
                connect(p.fs, fd, readAddr(p.memory, addr, len));
                return 0;
            });
        });
        r.add("__syscall_listen", (p, a) -> {
            int fd = a.i32();
            int backlog = a.i32();
            return SyscallImports.sys(() -> {
                listen(p.fs, fd, backlog);
                return 0;
            });
        });
        r.add("__syscall_accept4", (p, a) -> {
            int fd = a.i32();
            long addr = a.ptr();
            long lenPtr = a.ptr();
            int flags = a.i32();
            return SyscallImports.sys(() -> {
                int newFd = accept(p.fs, fd, flags);
                writeAddr(p.memory, addr, lenPtr, peername(p.fs, newFd));
                return newFd;
            });
        });
        r.add("__syscall_getsockname", (p, a) -> {
            int fd = a.i32();
            long addr = a.ptr();
            long lenPtr = a.ptr();
            return SyscallImports.sys(() -> {
                writeAddr(p.memory, addr, lenPtr, sockname(p.fs, fd));
                return 0;
            });
        });
        r.add("__syscall_getpeername", (p, a) -> {
            int fd = a.i32();
            long addr = a.ptr();
            long lenPtr = a.ptr();
            return SyscallImports.sys(() -> {
                writeAddr(p.memory, addr, lenPtr, peername(p.fs, fd));
                return 0;
            });
        });
        r.add("__syscall_getsockopt", (p, a) -> {
            int fd = a.i32();
            int level = a.i32();
            int name = a.i32();
            long optval = a.ptr();
            long lenPtr = a.ptr();
            return SyscallImports.sys(() -> {
                int v = option(p.fs, fd, level, name);
                if (optval == 0 || lenPtr == 0) {
                    throw new FsError(Errno.EFAULT);
                }
                int room = p.memory.loadI32(lenPtr);
                if (room < 0) {
                    throw new FsError(Errno.EINVAL);
                }
                byte[] b = {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
                p.memory.write(optval, b, 0, Math.min(room, 4));
                p.memory.storeI32(lenPtr, Math.min(room, 4));
                return 0;
            });
        });
        r.add("__syscall_setsockopt", (p, a) -> {
            int fd = a.i32();
            return SyscallImports.sys(() -> {
                socketOf(p.fs, fd);
                return 0; // accepted and ignored, as Pyodide's own setsockopt does
            });
        });
        r.add("__syscall_shutdown", (p, a) -> {
            int fd = a.i32();
            int how = a.i32();
            return SyscallImports.sys(() -> {
                shutdown(p.fs, fd, how);
                return 0;
            });
        });
        r.add("__syscall_sendto", (p, a) -> {
            int fd = a.i32();
            long buf = a.ptr();
            int len = WasiImports.iovecLength(p.memory, buf, a.i32());
            return SyscallImports.sys(() -> {
                socketOf(p.fs, fd);
                return send(p.fs, fd, p.memory.read(buf, len), 0, len);
            });
        });
        r.add("__syscall_recvfrom", (p, a) -> {
            int fd = a.i32();
            long buf = a.ptr();
            int len = WasiImports.iovecLength(p.memory, buf, a.i32());
            int flags = a.i32();
            a.ptr();
            long lenPtr = a.ptr();
            return SyscallImports.sys(() -> {
                socketOf(p.fs, fd);
                byte[] b = new byte[len];
                int n = recv(p.fs, fd, b, 0, len, flags);
                p.memory.write(buf, b, 0, n);
                if (lenPtr != 0) {
                    p.memory.storeI32(lenPtr, 0); // a stream socket reports no source address
                }
                return n;
            });
        });
        r.add("__syscall_sendmsg", (p, a) -> {
            int fd = a.i32();
            long msg = a.ptr();
            return SyscallImports.sys(() -> {
                socketOf(p.fs, fd);
                Memory m = p.memory;
                long iov = m.loadI32(msg + 8) & 0xFFFFFFFFL;
                int iovcnt = m.loadI32(msg + 12);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < iovcnt; i++) {
                    long base = m.loadI32(iov + 8L * i) & 0xFFFFFFFFL;
                    int len = WasiImports.iovecLength(m, base, m.loadI32(iov + 8L * i + 4));
                    out.writeBytes(m.read(base, len));
                }
                byte[] b = out.toByteArray();
                return send(p.fs, fd, b, 0, b.length);
            });
        });
        r.add("__syscall_recvmsg", (p, a) -> {
            int fd = a.i32();
            long msg = a.ptr();
            int flags = a.i32();
            return SyscallImports.sys(() -> {
                socketOf(p.fs, fd);
                Memory m = p.memory;
                long iov = m.loadI32(msg + 8) & 0xFFFFFFFFL;
                int iovcnt = m.loadI32(msg + 12);
                long total = 0;
                for (int i = 0; i < iovcnt; i++) {
                    total += m.loadI32(iov + 8L * i + 4) & 0xFFFFFFFFL;
                }
                byte[] b = new byte[(int) Math.min(total, WasiImports.MAX_TRANSFER)];
                int n = recv(p.fs, fd, b, 0, b.length, flags);
                int done = 0;
                for (int i = 0; i < iovcnt && done < n; i++) {
                    long base = m.loadI32(iov + 8L * i) & 0xFFFFFFFFL;
                    int len = (int) Math.min(n - done, m.loadI32(iov + 8L * i + 4) & 0xFFFFFFFFL);
                    m.write(base, b, done, len);
                    done += len;
                }
                m.storeI32(msg + 4, 0); // msg_namelen: no source address
                m.storeI32(msg + 20, 0); // msg_controllen
                m.storeI32(msg + 24, 0); // msg_flags
                return n;
            });
        });
    }
}
