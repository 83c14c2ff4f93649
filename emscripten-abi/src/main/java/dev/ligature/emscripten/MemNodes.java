package dev.ligature.emscripten;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** In-memory directories and files, like Emscripten's MEMFS (listing order is creation order). */
final class MemNodes {
    private MemNodes() {}

    /** Inode numbers and timestamps shared by one file system instance. */
    static final class Space {
        private long nextIno = 1;
        final LongSupplier clockMillis;

        Space(LongSupplier clockMillis) {
            this.clockMillis = clockMillis;
        }

        long nextIno() {
            return nextIno++;
        }

        /** The next inode number, without taking it (statfs reports it as f_files). */
        long peekIno() {
            return nextIno;
        }
    }

    static final class Dir extends Node {
        final Space space;
        final Map<String, Node> children = new LinkedHashMap<>();
        final int perms;
        long mtime;

        Dir(Space space, int perms) {
            super(space.nextIno());
            this.space = space;
            this.perms = perms & 07777;
            this.mtime = space.clockMillis.getAsLong();
        }

        @Override
        int mode() {
            return S_IFDIR | perms;
        }

        @Override
        long mtimeMillis() {
            return mtime;
        }

        @Override
        Node lookup(String name) {
            return children.get(name);
        }

        @Override
        List<String> list() {
            return new ArrayList<>(children.keySet());
        }

        /** Adds {@code node} (a mount or a device) under {@code name}. */
        <N extends Node> N attach(String name, N node) {
            node.parent = this;
            node.name = name;
            children.put(name, node);
            return node;
        }

        @Override
        Node mkdir(String name, int mode) {
            return attach(name, new Dir(space, mode));
        }

        @Override
        Node createFile(String name, int mode) {
            return attach(name, new File(space, mode));
        }

        @Override
        Node symlink(String name, String target) {
            return attach(name, new Symlink(space, target));
        }

        @Override
        void remove(String name) {
            children.remove(name);
            mtime = space.clockMillis.getAsLong();
        }

        @Override
        void moveHere(Node node, String newName) {
            node.parent.remove(node.name);
            attach(newName, node);
        }

        @Override
        Object fileSystem() {
            return space;
        }
    }

    /** A symbolic link: its target path, resolved when a lookup passes through it. */
    static final class Symlink extends Node {
        final String target;
        final long mtime;

        Symlink(Space space, String target) {
            super(space.nextIno());
            this.target = target;
            this.mtime = space.clockMillis.getAsLong();
        }

        @Override
        int mode() {
            return S_IFLNK | 0777;
        }

        @Override
        long size() {
            return target.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }

        @Override
        long mtimeMillis() {
            return mtime;
        }

        @Override
        Object fileSystem() {
            return space();
        }

        private Space space() {
            return ((Dir) parent).space;
        }

        @Override
        boolean seekable() {
            return false;
        }
    }

    static final class File extends Node {
        final Space space;
        final int perms;
        byte[] data = new byte[0];
        long length;
        long mtime;

        File(Space space, int perms) {
            super(space.nextIno());
            this.space = space;
            this.perms = perms & 07777;
            this.mtime = space.clockMillis.getAsLong();
        }

        @Override
        int mode() {
            return S_IFREG | perms;
        }

        @Override
        long size() {
            return length;
        }

        @Override
        long mtimeMillis() {
            return mtime;
        }

        @Override
        Object fileSystem() {
            return space;
        }

        @Override
        int read(long pos, byte[] buf, int off, int len) {
            if (pos >= length) {
                return 0;
            }
            int n = (int) Math.min(len, length - pos);
            System.arraycopy(data, (int) pos, buf, off, n);
            return n;
        }

        @Override
        int write(long pos, byte[] buf, int off, int len) {
            long end = pos + len;
            if (end > Integer.MAX_VALUE - 8) {
                throw new FsError(Errno.EFBIG_OR_NOSPC);
            }
            ensure((int) end);
            System.arraycopy(buf, off, data, (int) pos, len);
            length = Math.max(length, end);
            mtime = space.clockMillis.getAsLong();
            return len;
        }

        private void ensure(int capacity) {
            if (capacity > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, data.length * 2L)));
            }
        }

        @Override
        void truncate(long newLength) {
            if (newLength > Integer.MAX_VALUE - 8) {
                throw new FsError(Errno.EFBIG_OR_NOSPC);
            }
            if (newLength < length) {
                Arrays.fill(data, (int) newLength, (int) length, (byte) 0);
            } else {
                ensure((int) newLength);
            }
            length = newLength;
            mtime = space.clockMillis.getAsLong();
        }
    }

    /**
     * A read-only file whose bytes the embedder gave once and every run shares, without a copy
     * (Pyodide's standard library zip, say).
     */
    static final class SharedFile extends Node {
        private final byte[] data;
        private final long mtime;

        SharedFile(Space space, byte[] data) {
            super(space.nextIno());
            this.data = data;
            this.mtime = space.clockMillis.getAsLong();
        }

        @Override
        int mode() {
            return S_IFREG | 0444;
        }

        @Override
        long size() {
            return data.length;
        }

        @Override
        long mtimeMillis() {
            return mtime;
        }

        @Override
        boolean readOnly() {
            return true;
        }

        @Override
        int read(long pos, byte[] buf, int off, int len) {
            if (pos >= data.length) {
                return 0;
            }
            int n = (int) Math.min(len, data.length - pos);
            System.arraycopy(data, (int) pos, buf, off, n);
            return n;
        }
    }
}
