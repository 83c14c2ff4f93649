package dev.ligature.emscripten;

import java.util.ArrayList;
import java.util.List;

/**
 * The virtual file system a program sees: a tree rooted at "/" with /dev, /tmp, /home/web_user
 * (Emscripten's defaults) and any host mounts, a current directory, and the table of open file
 * descriptors (0, 1, 2 are the terminals). Paths resolve here, component by component, so that
 * ".." never leaves the virtual tree. Errors are {@link FsError}s with Emscripten's errno values.
 */
final class Vfs {
    static final int MAX_FDS = 4096;
    private static final int MAX_SYMLINK_DEPTH = 40;

    final MemNodes.Space space;
    final MemNodes.Dir root;
    Node cwd;
    /** The in-process network: the addresses this process's sockets are bound to. */
    final Sockets.Net net = new Sockets.Net();
    private final List<OpenFile> fds = new ArrayList<>();

    Vfs(MemNodes.Space space) {
        this.space = space;
        this.root = new MemNodes.Dir(space, 0777);
        root.parent = root;
        root.name = "/";
        this.cwd = root;
    }

    // ---- paths ----

    /** Lexically normalises an absolute path: "." and empty parts dropped, ".." pops (never above "/"). */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The absolute path of {@code node}, built by walking to the root. */
    String pathOf(Node node) {
        if (node == root) {
            return "/";
        }
        List<String> parts = new ArrayList<>();
        Node n = node;
        int guard = 0;
        while (n != root && guard++ < 4096) {
            parts.add(n.name);
            n = n.parent;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            sb.append('/').append(parts.get(i));
        }
        return sb.toString();
    }

    /** The result of resolving all but the last component of a path. */
    record Parent(Node dir, String name) {}

    /** The directory to start from for {@code path}: root for absolute paths, else {@code base}. */
    private Node start(String path, Node base) {
        return path.startsWith("/") ? root : base;
    }

    /** Resolves every component of {@code path} from {@code base}, following symbolic links. */
    Node resolve(String path, Node base) {
        return resolve(path, base, true);
    }

    /**
     * Resolves {@code path} from {@code base}: symbolic links in the middle are always followed,
     * the last one only when {@code followLast} (lstat, O_NOFOLLOW and unlink see the link).
     * ENOENT/ENOTDIR/ELOOP as Emscripten gives them.
     */
    Node resolve(String path, Node base, boolean followLast) {
        return resolve(path, base, followLast, new int[1]);
    }

    private Node resolve(String path, Node base, boolean followLast, int[] links) {
        if (path.isEmpty()) {
            throw new FsError(Errno.ENOENT);
        }
        Node n = start(path, base);
        String[] parts = path.split("/");
        int last = parts.length - 1;
        while (last >= 0 && parts[last].isEmpty()) {
            last--;
        }
        for (int i = 0; i < parts.length; i++) {
            n = step(n, parts[i]);
            if (n.isSymlink() && (i < last || followLast)) {
                n = follow(n, links);
            }
        }
        return n;
    }

    /** The node a symbolic link leads to, relative to the link's directory. */
    Node follow(Node link, int[] links) {
        while (link.isSymlink()) {
            if (++links[0] > MAX_SYMLINK_DEPTH) {
                throw new FsError(Errno.ELOOP);
            }
            link = resolve(((MemNodes.Symlink) link).target, link.parent, true, links);
        }
        return link;
    }

    /** Resolves the parent directory of {@code path}'s last component and returns it with that name. */
    Parent resolveParent(String path, Node base) {
        if (path.isEmpty()) {
            throw new FsError(Errno.ENOENT);
        }
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int slash = trimmed.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : trimmed.substring(0, slash + 1);
        String name = slash < 0 ? trimmed : trimmed.substring(slash + 1);
        Node dir = dirPart.isEmpty() ? start(trimmed, base) : resolve(dirPart, base, true);
        if (!dir.isDir()) {
            throw new FsError(Errno.ENOTDIR);
        }
        return new Parent(dir, name);
    }

    private Node step(Node n, String part) {
        if (part.isEmpty() || part.equals(".")) {
            if (!n.isDir()) {
                throw new FsError(Errno.ENOTDIR);
            }
            return n;
        }
        if (!n.isDir()) {
            throw new FsError(Errno.ENOTDIR);
        }
        if (part.equals("..")) {
            return n.parent;
        }
        if (part.length() > 255) {
            throw new FsError(Errno.ENAMETOOLONG);
        }
        Node child = n.lookup(part);
        if (child == null) {
            throw new FsError(Errno.ENOENT);
        }
        return child;
    }

    /** Looks up the last component given its parent ("." and ".." included); null when absent. */
    Node child(Parent p) {
        String name = p.name();
        if (name.isEmpty() || name.equals(".") || name.equals("/")) {
            return p.dir();
        }
        if (name.equals("..")) {
            return p.dir().parent;
        }
        return p.dir().lookup(name);
    }

    // ---- descriptors ----

    int install(OpenFile f, int minFd) {
        for (int fd = Math.max(0, minFd); fd < MAX_FDS; fd++) {
            while (fds.size() <= fd) {
                fds.add(null);
            }
            if (fds.get(fd) == null) {
                fds.set(fd, f);
                return fd;
            }
        }
        throw new FsError(Errno.EMFILE);
    }

    OpenFile get(int fd) {
        OpenFile f = fd >= 0 && fd < fds.size() ? fds.get(fd) : null;
        if (f == null) {
            throw new FsError(Errno.EBADF);
        }
        return f;
    }

    void close(int fd) {
        OpenFile f = get(fd);
        fds.set(fd, null);
        if (--f.refs == 0) {
            f.node.flush();
        }
    }

    /** Flushes every terminal: the runtime is exiting. */
    void flushAll() {
        for (OpenFile f : fds) {
            if (f != null) {
                f.node.flush();
            }
        }
    }

    // ---- operations ----

    /** Opens {@code path} the way Emscripten's FS.open does and returns the new descriptor. */
    int open(String path, Node base, int flags, int mode) {
        Parent p = resolveParent(path, base);
        Node node = child(p);
        if (node != null && node.isSymlink()) {
            if ((flags & OpenFile.O_NOFOLLOW) != 0) {
                throw new FsError(Errno.ELOOP);
            }
            try {
                node = follow(node, new int[1]);
            } catch (FsError e) {
                // Emscripten's FS.open ignores a failed lookup: a dangling or looping link is "absent"
                if ((flags & OpenFile.O_CREAT) != 0) {
                    throw new FsError(Errno.EEXIST);
                }
                throw new FsError(Errno.ENOENT);
            }
        }
        if ((flags & OpenFile.O_CREAT) != 0) {
            if (node != null) {
                if ((flags & OpenFile.O_EXCL) != 0) {
                    throw new FsError(Errno.EEXIST);
                }
            } else {
                if (p.dir().readOnly()) {
                    throw new FsError(Errno.EROFS);
                }
                node = p.dir().createFile(p.name(), mode & 07777);
            }
        }
        if (node == null) {
            throw new FsError(Errno.ENOENT);
        }
        if ((flags & OpenFile.O_DIRECTORY) != 0 && !node.isDir()) {
            throw new FsError(Errno.ENOTDIR);
        }
        boolean writes = (flags & OpenFile.O_ACCMODE) != OpenFile.O_RDONLY || (flags & OpenFile.O_TRUNC) != 0;
        if (node.isDir() && writes) {
            throw new FsError(Errno.EISDIR);
        }
        if (writes && node.readOnly()) {
            throw new FsError(Errno.EROFS);
        }
        if ((flags & OpenFile.O_TRUNC) != 0 && node.isFile()) {
            node.truncate(0);
        }
        int stored = flags & ~(OpenFile.O_CREAT | OpenFile.O_EXCL | OpenFile.O_TRUNC);
        return install(new OpenFile(node, stored, pathOf(node)), 0);
    }

    void symlink(String target, String path, Node base) {
        Parent p = resolveParent(path, base);
        if (p.name().equals(".") || p.name().equals("..") || child(p) != null) {
            throw new FsError(Errno.EEXIST);
        }
        if (p.dir().readOnly()) {
            throw new FsError(Errno.EROFS);
        }
        p.dir().symlink(p.name(), target);
    }

    void mkdir(String path, Node base, int mode) {
        Parent p = resolveParent(path, base);
        if (p.name().equals(".") || p.name().equals("..") || child(p) != null) {
            throw new FsError(Errno.EEXIST);
        }
        if (p.dir().readOnly()) {
            throw new FsError(Errno.EROFS);
        }
        p.dir().mkdir(p.name(), mode & 01777);
    }

    /** unlink (dir=false) or rmdir (dir=true). */
    void remove(String path, Node base, boolean dir) {
        Parent p = resolveParent(path, base);
        Node node = child(p);
        if (node == null) {
            throw new FsError(Errno.ENOENT);
        }
        if (dir) {
            if (!node.isDir()) {
                throw new FsError(Errno.ENOTDIR);
            }
            if (node == root || node == cwd || p.name().equals(".") || p.name().equals("..")) {
                throw new FsError(Errno.EBUSY);
            }
            if (!node.list().isEmpty()) {
                throw new FsError(Errno.ENOTEMPTY);
            }
        } else if (node.isDir()) {
            throw new FsError(Errno.EISDIR);
        }
        if (p.dir().readOnly()) {
            throw new FsError(Errno.EROFS);
        }
        p.dir().remove(p.name());
    }

    void rename(String from, Node fromBase, String to, Node toBase) {
        Parent src = resolveParent(from, fromBase);
        Parent dst = resolveParent(to, toBase);
        Node node = child(src);
        if (node == null) {
            throw new FsError(Errno.ENOENT);
        }
        if (src.dir().fileSystem() != dst.dir().fileSystem()) {
            throw new FsError(Errno.EXDEV);
        }
        Node existing = child(dst);
        if (existing == node) {
            return;
        }
        // A directory may not move into itself or below itself.
        for (Node d = dst.dir(); ; d = d.parent) {
            if (d == node) {
                throw new FsError(Errno.EINVAL);
            }
            if (d == root) {
                break;
            }
        }
        if (existing != null) {
            if (node.isDir() && !existing.isDir()) {
                throw new FsError(Errno.ENOTDIR);
            }
            if (!node.isDir() && existing.isDir()) {
                throw new FsError(Errno.EISDIR);
            }
            if (existing.isDir() && !existing.list().isEmpty()) {
                throw new FsError(Errno.ENOTEMPTY);
            }
            if (dst.dir().readOnly()) {
                throw new FsError(Errno.EROFS);
            }
            dst.dir().remove(dst.name());
        }
        if (src.dir().readOnly() || dst.dir().readOnly()) {
            throw new FsError(Errno.EROFS);
        }
        dst.dir().moveHere(node, dst.name());
    }
}
