package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;
import java.nio.charset.StandardCharsets;

/**
 * The network database imports Emscripten implements in JavaScript: {@code getaddrinfo},
 * {@code getnameinfo}, {@code getprotobyname}/{@code getprotobynumber}. There is no DNS: numeric
 * IPv4 addresses and "localhost" (127.0.0.1, where {@link Sockets} can connect) resolve, as does
 * no host at all (loopback, or any address with AI_PASSIVE); any other name is {@code EAI_NONAME}
 * (Emscripten would invent a 172.29.x.x address no socket could reach), and IPv6 is
 * {@code EAI_NONAME}/{@code EAI_FAMILY}. Results are allocated as Emscripten's are: one addrinfo
 * and its sockaddr from malloc, which musl's {@code freeaddrinfo} frees.
 */
final class NetDb {
    private NetDb() {}

    static final int EAI_BADFLAGS = -1;
    static final int EAI_NONAME = -2;
    static final int EAI_FAMILY = -6;
    static final int EAI_SOCKTYPE = -7;
    static final int EAI_SERVICE = -8;
    static final int EAI_OVERFLOW = -12;

    static final int AI_PASSIVE = 1;
    static final int AI_CANONNAME = 2;
    static final int AI_NUMERICHOST = 4;
    static final int AI_V4MAPPED = 8;
    static final int AI_ALL = 0x10;
    static final int AI_ADDRCONFIG = 0x20;
    static final int AI_NUMERICSERV = 0x400;
    static final int NI_NAMEREQD = 8;

    private static final int AF_UNSPEC = 0;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_UDP = 17;

    /** A dotted-quad IPv4 address as a big-endian int, or null. */
    static Integer parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int ip = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(part);
            if (v > 255) {
                return null;
            }
            ip = (ip << 8) | v;
        }
        return ip;
    }

    /**
     * Resolves {@code node} (null for none) as {@link NetDb} describes: the IPv4 address, or an
     * EAI_ code (negative) in the low bits of a result whose bit 32 is set.
     */
    static long resolve(String node, int flags, int family) {
        if (node == null) {
            return (flags & AI_PASSIVE) != 0 ? 0 : Sockets.LOOPBACK;
        }
        Integer ip = parseIpv4(node);
        if (ip == null && (flags & AI_NUMERICHOST) == 0 && node.equalsIgnoreCase("localhost")) {
            ip = Sockets.LOOPBACK;
        }
        return ip == null ? (1L << 32) | (EAI_NONAME & 0xFFFFFFFFL) : ip & 0xFFFFFFFFL;
    }

    static int getaddrinfo(EmProcess p, long nodePtr, long servicePtr, long hint, long out) {
        Memory m = p.memory;
        int flags = 0;
        int family = AF_UNSPEC;
        int type = 0;
        int proto = 0;
        if (hint != 0) {
            flags = m.loadI32(hint);
            family = m.loadI32(hint + 4);
            type = m.loadI32(hint + 8);
            proto = m.loadI32(hint + 12);
        }
        if (type != 0 && proto == 0) {
            proto = type == SOCK_DGRAM ? IPPROTO_UDP : IPPROTO_TCP;
        }
        if (type == 0 && proto != 0) {
            type = proto == IPPROTO_UDP ? SOCK_DGRAM : SOCK_STREAM;
        }
        if (proto == 0) {
            proto = IPPROTO_TCP;
        }
        if (type == 0) {
            type = SOCK_STREAM;
        }
        if (nodePtr == 0 && servicePtr == 0) {
            return EAI_NONAME;
        }
        if ((flags & ~(AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_NUMERICSERV | AI_V4MAPPED | AI_ALL | AI_ADDRCONFIG)) != 0
                || ((flags & AI_CANONNAME) != 0 && nodePtr == 0)) {
            return EAI_BADFLAGS;
        }
        if ((flags & AI_ADDRCONFIG) != 0) {
            return EAI_NONAME; // as Emscripten answers it
        }
        if (type != SOCK_STREAM && type != SOCK_DGRAM) {
            return EAI_SOCKTYPE;
        }
        if (family != AF_UNSPEC && family != Sockets.AF_INET && family != AF_INET6) {
            return EAI_FAMILY;
        }
        int port = 0;
        if (servicePtr != 0) {
            String service = p.cString(servicePtr).strip();
            try {
                port = Integer.parseInt(service.replaceFirst("^\\+", "")) & 0xFFFF;
            } catch (NumberFormatException e) {
                return (flags & AI_NUMERICSERV) != 0 ? EAI_NONAME : EAI_SERVICE;
            }
        }
        if (family == AF_INET6) {
            return nodePtr == 0 ? EAI_FAMILY : EAI_NONAME; // no IPv6 here
        }
        long ip = resolve(nodePtr == 0 ? null : p.cString(nodePtr), flags, family);
        if ((ip >>> 32) != 0) {
            return (int) ip;
        }
        byte[] sockaddr = Sockets.encode(Sockets.Addr.inet((int) ip, port));
        long sa = p.malloc(sockaddr.length);
        m.write(sa, sockaddr);
        long ai = p.malloc(32);
        m.storeI32(ai, 0); // ai_flags
        m.storeI32(ai + 4, Sockets.AF_INET);
        m.storeI32(ai + 8, type);
        m.storeI32(ai + 12, proto);
        m.storeI32(ai + 16, sockaddr.length);
        m.storeI32(ai + 20, (int) sa);
        m.storeI32(ai + 24, 0); // ai_canonname: none, as Emscripten leaves it
        m.storeI32(ai + 28, 0); // ai_next
        m.storeI32(out, (int) ai);
        return 0;
    }

    /** getnameinfo: always numeric (there is no reverse DNS); NI_NAMEREQD fails with EAI_NONAME. */
    static int getnameinfo(EmProcess p, long sa, int salen, long node, int nodelen, long serv, int servlen, int flags) {
        Sockets.Addr addr;
        try {
            addr = Sockets.readAddr(p.memory, sa, salen);
        } catch (FsError e) {
            return EAI_FAMILY;
        }
        if (addr.family() != Sockets.AF_INET) {
            return EAI_FAMILY;
        }
        boolean overflowed = false;
        if (node != 0 && nodelen > 0) {
            if ((flags & NI_NAMEREQD) != 0) {
                return EAI_NONAME;
            }
            String host = addr.toString();
            overflowed |= !put(p, host.substring(0, host.lastIndexOf(':')), node, nodelen);
        }
        if (serv != 0 && servlen > 0) {
            overflowed |= !put(p, Integer.toString(addr.port()), serv, servlen);
        }
        return overflowed ? EAI_OVERFLOW : 0;
    }

    /** Writes {@code s} NUL-terminated in at most {@code room} bytes; false when it did not fit. */
    private static boolean put(EmProcess p, String s, long at, int room) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, room - 1);
        p.memory.write(at, b, 0, n);
        p.memory.storeI8(at + n, (byte) 0);
        return b.length + 1 < room; // Emscripten counts exactly filling the buffer as overflow
    }

    /** The protoent for "tcp"/"TCP"/6 or "udp"/"UDP"/17 (allocated once per process), or 0. */
    static long protoent(EmProcess p, String key) {
        String name = switch (key) {
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            default -> null;
        };
        if (name == null) {
            return 0;
        }
        return p.fs.net.protoents.computeIfAbsent(name, n -> {
            long nameBuf = p.malloc(4);
            p.writeCString(nameBuf, n);
            long aliasBuf = p.malloc(4);
            p.writeCString(aliasBuf, n.toUpperCase(java.util.Locale.ROOT));
            long aliases = p.malloc(8);
            p.memory.storeI32(aliases, (int) aliasBuf);
            p.memory.storeI32(aliases + 4, 0);
            long entry = p.malloc(12);
            p.memory.storeI32(entry, (int) nameBuf);
            p.memory.storeI32(entry + 4, (int) aliases);
            p.memory.storeI32(entry + 8, n.equals("tcp") ? IPPROTO_TCP : IPPROTO_UDP);
            return entry;
        });
    }

    static void register(ImportRegistry r) {
        r.add("getaddrinfo", (p, a) -> getaddrinfo(p, a.ptr(), a.ptr(), a.ptr(), a.ptr()));
        r.add("getnameinfo", (p, a) -> getnameinfo(p, a.ptr(), a.i32(), a.ptr(), a.i32(), a.ptr(), a.i32(), a.i32()));
        r.add("getprotobyname", (p, a) -> protoent(p, p.cString(a.ptr())));
        r.add("getprotobynumber", (p, a) -> protoent(p, Integer.toString(a.i32())));
    }
}
