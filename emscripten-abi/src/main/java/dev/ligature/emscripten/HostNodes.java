package dev.ligature.emscripten;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Nodes backed by a host directory the embedder mounted. Confinement: the virtual file system
 * resolves "." and ".." itself (".." at the mount root leads to the mount point's parent in the
 * virtual tree, never to the host), names never contain '/', and a host symbolic link is followed
 * only when its real target lies inside the mount's real root; otherwise the lookup fails with
 * EACCES. Nothing outside the mount is read or written.
 */
final class HostNodes {
    private HostNodes() {}

    /** One mounted host directory: its real root and whether it is read-only. */
    record Mount(Path realRoot, boolean readOnly) {}

    static Node open(Mount mount, Path path) {
        BasicFileAttributes a = attributes(path);
        if (a == null) {
            return null;
        }
        if (a.isSymbolicLink()) {
            Path real;
            try {
                real = path.toRealPath();
            } catch (IOException e) {
                return null; // dangling link: as if absent
            }
            if (!real.startsWith(mount.realRoot())) {
                throw new FsError(Errno.EACCES);
            }
            path = real;
            a = attributes(path);
            if (a == null) {
                return null;
            }
        }
        long ino = inoOf(path);
        if (a.isDirectory()) {
            return new Dir(mount, path, ino);
        }
        if (a.isRegularFile()) {
            return new File(mount, path, ino);
        }
        throw new FsError(Errno.EACCES); // sockets, fifos, devices of the host: not exposed
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new FsError(Errno.EIO);
        }
    }

    private static long inoOf(Path p) {
        try {
            Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return (key != null ? key.hashCode() : p.hashCode()) & 0x7fffffffL | (1L << 40);
        } catch (IOException e) {
            return p.hashCode() & 0x7fffffffL | (1L << 40);
        }
    }

    static FsError errorOf(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new FsError(Errno.ENOENT);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new FsError(Errno.EEXIST);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new FsError(Errno.ENOTEMPTY);
        }
        if (e instanceof NotDirectoryException) {
            return new FsError(Errno.ENOTDIR);
        }
        if (e instanceof AccessDeniedException) {
            return new FsError(Errno.EACCES);
        }
        return new FsError(Errno.EIO);
    }

    abstract static class HostNode extends Node {
        final Mount mount;
        final Path path;

        HostNode(Mount mount, Path path, long ino) {
            super(ino);
            this.mount = mount;
            this.path = path;
        }

        @Override
        long mtimeMillis() {
            try {
                return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        boolean readOnly() {
            return mount.readOnly();
        }

        @Override
        Object fileSystem() {
            return mount;
        }

        void checkWritable() {
            if (mount.readOnly()) {
                throw new FsError(Errno.EROFS);
            }
        }
    }

    static final class Dir extends HostNode {
        Dir(Mount mount, Path path, long ino) {
            super(mount, path, ino);
        }

        @Override
        int mode() {
            return S_IFDIR | (mount.readOnly() ? 0555 : 0777);
        }

        private Path child(String name) {
            if (name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
                throw new FsError(Errno.EINVAL);
            }
            return path.resolve(name);
        }

        @Override
        Node lookup(String name) {
            Node n = open(mount, child(name));
            if (n != null) {
                n.parent = this;
                n.name = name;
            }
            return n;
        }

        @Override
        List<String> list() {
            try (Stream<Path> s = Files.list(path)) {
                List<String> names = new ArrayList<>();
                s.forEach(p -> names.add(p.getFileName().toString()));
                names.sort(null);
                return names;
            } catch (IOException e) {
                throw errorOf(e);
            }
        }

        @Override
        Node mkdir(String name, int mode) {
            checkWritable();
            try {
                Files.createDirectory(child(name));
            } catch (IOException e) {
                throw errorOf(e);
            }
            return lookup(name);
        }

        @Override
        Node createFile(String name, int mode) {
            checkWritable();
            try {
                Files.createFile(child(name));
            } catch (IOException e) {
                throw errorOf(e);
            }
            return lookup(name);
        }

        @Override
        void remove(String name) {
            checkWritable();
            try {
                Files.delete(child(name));
            } catch (IOException e) {
                throw errorOf(e);
            }
        }

        @Override
        void moveHere(Node node, String newName) {
            checkWritable();
            if (!(node instanceof HostNode h) || h.mount != mount) {
                throw new FsError(Errno.EXDEV);
            }
            h.checkWritable();
            try {
                Files.move(h.path, child(newName), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw errorOf(e);
            }
        }
    }

    static final class File extends HostNode {
        File(Mount mount, Path path, long ino) {
            super(mount, path, ino);
        }

        @Override
        int mode() {
            return S_IFREG | (mount.readOnly() || !Files.isWritable(path) ? 0444 : 0666);
        }

        @Override
        long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        int read(long pos, byte[] buf, int off, int len) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                int n = ch.read(ByteBuffer.wrap(buf, off, len), pos);
                return Math.max(n, 0);
            } catch (IOException e) {
                throw errorOf(e);
            }
        }

        @Override
        int write(long pos, byte[] buf, int off, int len) {
            checkWritable();
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer b = ByteBuffer.wrap(buf, off, len);
                long at = pos;
                while (b.hasRemaining()) {
                    at += ch.write(b, at);
                }
                return len;
            } catch (IOException e) {
                throw errorOf(e);
            }
        }

        @Override
        void truncate(long length) {
            checkWritable();
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                long size = ch.size();
                if (length < size) {
                    ch.truncate(length);
                } else if (length > size) {
                    ch.write(ByteBuffer.allocate(1), length - 1);
                }
            } catch (IOException e) {
                throw errorOf(e);
            }
        }
    }
}
