package dev.ligature.emscripten;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.emscripten.Sockets.Addr;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The in-process socket layer, driven below the syscall imports: the sequence CPython's
 * {@code socketpair()} fallback performs, data and end of file, readiness, and the clean failures.
 */
class SocketsTest {
    private final Vfs fs = new Vfs(new MemNodes.Space(() -> 0L));

    private int tcp() {
        return Sockets.socket(fs, Sockets.AF_INET, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0);
    }

    private static int errno(Runnable r) {
        return assertThrows(FsError.class, r::run).errno;
    }

    private int poll(int fd) {
        return ((Sockets.Socket) fs.get(fd).node).pollMask();
    }

    private void send(int fd, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        assertEquals(b.length, Sockets.send(fs, fd, b, 0, b.length));
    }

    private String recv(int fd, int max) {
        byte[] b = new byte[max];
        int n = Sockets.recv(fs, fd, b, 0, max, 0);
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** Listener, client, accepted end: the three descriptors of a loopback connection. */
    private int[] pair() {
        int l = tcp();
        Sockets.bind(fs, l, Addr.inet(Sockets.LOOPBACK, 0));
        Sockets.listen(fs, l, 1);
        Addr addr = Sockets.sockname(fs, l);
        int c = tcp();
        Sockets.connect(fs, c, addr);
        int s = Sockets.accept(fs, l, 0);
        return new int[] {l, c, s};
    }

    @Test
    void socketpairFallbackSequence() {
        int l = tcp();
        Sockets.bind(fs, l, Addr.inet(Sockets.LOOPBACK, 0));
        Sockets.listen(fs, l, 128);
        Addr addr = Sockets.sockname(fs, l);
        assertEquals(Sockets.LOOPBACK, addr.ip());
        assertTrue(addr.port() >= 32768, "ephemeral port " + addr.port());
        assertEquals(0, poll(l));
        assertEquals(Errno.EAGAIN, errno(() -> Sockets.accept(fs, l, 0)));

        int c = tcp();
        Sockets.connect(fs, c, addr);
        assertEquals(MoreSyscalls.POLLIN, poll(l));
        int s = Sockets.accept(fs, l, Sockets.SOCK_NONBLOCK);
        assertEquals(OpenFile.O_RDWR | Sockets.O_NONBLOCK, fs.get(s).flags);
        fs.close(l);

        // socket.py checks that each end names the other
        assertEquals(Sockets.sockname(fs, s), Sockets.peername(fs, c));
        assertEquals(Sockets.sockname(fs, c), Sockets.peername(fs, s));

        assertEquals(MoreSyscalls.POLLOUT, poll(c));
        send(c, "wake");
        assertEquals(MoreSyscalls.POLLIN | MoreSyscalls.POLLOUT, poll(s));
        assertEquals("wa", recv(s, 2));
        assertEquals("ke", recv(s, 100));
        assertEquals(Errno.EAGAIN, errno(() -> recv(s, 100)));
        send(s, "back");
        assertEquals("back", recv(c, 100));
    }

    @Test
    void closeGivesEndOfFileThenBrokenPipe() {
        int[] p = pair();
        send(p[1], "last words");
        fs.close(p[1]);
        assertEquals(MoreSyscalls.POLLIN | MoreSyscalls.POLLOUT, poll(p[2]));
        assertEquals("last words", recv(p[2], 100));
        assertEquals("", recv(p[2], 100));
        assertEquals(Sockets.EPIPE, errno(() -> send(p[2], "anyone?")));
    }

    @Test
    void shutdownWriteIsEndOfFileForThePeer() {
        int[] p = pair();
        Sockets.shutdown(fs, p[1], Sockets.SHUT_WR);
        assertEquals("", recv(p[2], 10));
        assertEquals(Sockets.EPIPE, errno(() -> send(p[1], "x")));
        send(p[2], "still open");
        assertEquals("still open", recv(p[1], 100));
    }

    @Test
    void peekLeavesTheData() {
        int[] p = pair();
        send(p[1], "abc");
        byte[] b = new byte[8];
        assertEquals(3, Sockets.recv(fs, p[2], b, 0, 8, Sockets.MSG_PEEK));
        assertEquals("abc", recv(p[2], 8));
    }

    @Test
    void descriptorReadsAndWritesAreRecvAndSend() {
        int[] p = pair();
        Node client = fs.get(p[1]).node;
        Node server = fs.get(p[2]).node;
        byte[] hi = "hi".getBytes(StandardCharsets.UTF_8);
        assertEquals(2, client.write(0, hi, 0, 2));
        byte[] b = new byte[2];
        assertEquals(2, server.read(0, b, 0, 2));
        assertArrayEquals(hi, b);
        assertEquals(Errno.EAGAIN, errno(() -> server.read(0, b, 0, 2)));
    }

    @Test
    void listenerClosedBeforeAcceptResetsTheClient() {
        int l = tcp();
        Sockets.bind(fs, l, Addr.inet(0, 0));
        Sockets.listen(fs, l, 1);
        int c = tcp();
        Sockets.connect(fs, c, Addr.inet(Sockets.LOOPBACK, Sockets.sockname(fs, l).port()));
        fs.close(l);
        assertEquals(Sockets.ECONNRESET, errno(() -> recv(c, 10)));
        assertEquals("", recv(c, 10));
    }

    @Test
    void portsAreTakenAndFreed() {
        int a = tcp();
        Sockets.bind(fs, a, Addr.inet(Sockets.LOOPBACK, 8080));
        int b = tcp();
        assertEquals(Sockets.EADDRINUSE, errno(() -> Sockets.bind(fs, b, Addr.inet(Sockets.LOOPBACK, 8080))));
        assertEquals(Errno.EINVAL, errno(() -> Sockets.bind(fs, a, Addr.inet(Sockets.LOOPBACK, 8081))));
        fs.close(a);
        Sockets.bind(fs, b, Addr.inet(0, 8080));
        assertEquals(Addr.inet(0, 8080), Sockets.sockname(fs, b));
    }

    @Test
    void onlyThisProcessIsReachable() {
        int c = tcp();
        assertEquals(Sockets.ECONNREFUSED, errno(() -> Sockets.connect(fs, c, Addr.inet(Sockets.LOOPBACK, 9))));
        assertEquals(Sockets.ENETUNREACH, errno(() -> Sockets.connect(fs, c, Addr.inet(0x0A010203, 80))));
        assertEquals(Sockets.EADDRNOTAVAIL, errno(() -> Sockets.bind(fs, c, Addr.inet(0xC0A80001, 0))));
        int bound = tcp();
        Sockets.bind(fs, bound, Addr.inet(Sockets.LOOPBACK, 0));
        // bound but not listening: refused too
        assertEquals(Sockets.ECONNREFUSED, errno(() -> Sockets.connect(fs, c, Sockets.sockname(fs, bound))));
        assertEquals(Sockets.ENOTCONN, errno(() -> Sockets.peername(fs, c)));
        assertEquals(Sockets.ENOTCONN, errno(() -> recv(c, 1)));
    }

    @Test
    void otherKindsOfSocketFailCleanly() {
        assertEquals(Sockets.EAFNOSUPPORT, errno(() -> Sockets.socket(fs, 10, Sockets.SOCK_STREAM, 0))); // AF_INET6
        assertEquals(Sockets.EPROTONOSUPPORT, errno(() -> Sockets.socket(fs, Sockets.AF_INET, 2, 0))); // SOCK_DGRAM
        assertEquals(Sockets.EPROTONOSUPPORT, errno(() -> Sockets.socket(fs, Sockets.AF_INET, Sockets.SOCK_STREAM, 17)));
        int file = fs.install(new OpenFile(new Devices.Null(fs.space.nextIno()), OpenFile.O_RDWR, "/dev/null"), 0);
        assertEquals(Sockets.ENOTSOCK, errno(() -> Sockets.listen(fs, file, 1)));
        assertEquals(Errno.EBADF, errno(() -> Sockets.listen(fs, 99, 1)));
        int c = tcp();
        assertEquals(Sockets.EAFNOSUPPORT, errno(() -> Sockets.connect(fs, c, Addr.unix("/tmp/s"))));
        assertEquals(Sockets.ENOPROTOOPT, errno(() -> Sockets.option(fs, c, Sockets.SOL_SOCKET, 12345)));
        assertEquals(Sockets.SOCK_STREAM, Sockets.option(fs, c, Sockets.SOL_SOCKET, Sockets.SO_TYPE));
    }

    @Test
    void unixStreamSockets() {
        int l = Sockets.socket(fs, Sockets.AF_UNIX, Sockets.SOCK_STREAM, 0);
        Sockets.bind(fs, l, Addr.unix("/tmp/app.sock"));
        Sockets.listen(fs, l, 1);
        int c = Sockets.socket(fs, Sockets.AF_UNIX, Sockets.SOCK_STREAM, 0);
        assertEquals(Errno.ENOENT, errno(() -> Sockets.connect(fs, c, Addr.unix("/tmp/other.sock"))));
        Sockets.connect(fs, c, Addr.unix("/tmp/app.sock"));
        int s = Sockets.accept(fs, l, 0);
        assertEquals(Addr.unix("/tmp/app.sock"), Sockets.peername(fs, c));
        assertEquals(Addr.unix(null), Sockets.peername(fs, s));
        send(s, "over unix");
        assertEquals("over unix", recv(c, 100));
        assertArrayEquals(new byte[] {1, 0}, Sockets.encode(Addr.unix(null)));
        assertEquals(2 + 13 + 1, Sockets.encode(Addr.unix("/tmp/app.sock")).length);
    }

    @Test
    void inetAddressEncoding() {
        byte[] b = Sockets.encode(Addr.inet(Sockets.LOOPBACK, 0x1F90));
        assertArrayEquals(new byte[] {2, 0, 0x1F, (byte) 0x90, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, b);
    }

    @Test
    void namesResolveToLoopbackOnly() {
        assertEquals(Sockets.LOOPBACK, NetDb.parseIpv4("127.0.0.1"));
        assertEquals(null, NetDb.parseIpv4("127.1"));
        assertEquals(null, NetDb.parseIpv4("256.0.0.1"));
        assertEquals(Sockets.LOOPBACK, NetDb.resolve("localhost", 0, 0));
        assertEquals(Sockets.LOOPBACK, NetDb.resolve(null, 0, 0));
        assertEquals(0, NetDb.resolve(null, NetDb.AI_PASSIVE, 0));
        assertEquals(0x0A000001L, NetDb.resolve("10.0.0.1", 0, 0));
        assertEquals((1L << 32) | (NetDb.EAI_NONAME & 0xFFFFFFFFL), NetDb.resolve("example.com", 0, 0));
        assertEquals((1L << 32) | (NetDb.EAI_NONAME & 0xFFFFFFFFL), NetDb.resolve("localhost", NetDb.AI_NUMERICHOST, 0));
    }
}
