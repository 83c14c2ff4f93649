package dev.ligature.emscripten;

import java.util.List;

/**
 * A node of the virtual file system: a directory, a regular file or a character device, held in
 * memory or backed by a host directory the embedder mounted. Operations a node does not support
 * fail with the errno Emscripten's file system gives for them.
 */
abstract class Node {
    static final int S_IFMT = 0xF000;
    static final int S_IFDIR = 0x4000;
    static final int S_IFREG = 0x8000;
    static final int S_IFCHR = 0x2000;
    static final int S_IFLNK = 0xA000;

    /** The directory holding this node; the root is its own parent. */
    Node parent;
    /** The name in the parent ("/" for the root). */
    String name;
    final long ino;

    Node(long ino) {
        this.ino = ino;
    }

    /** Type bits and permissions, as {@code st_mode}. */
    abstract int mode();

    final boolean isDir() {
        return (mode() & S_IFMT) == S_IFDIR;
    }

    final boolean isFile() {
        return (mode() & S_IFMT) == S_IFREG;
    }

    final boolean isSymlink() {
        return (mode() & S_IFMT) == S_IFLNK;
    }

    final boolean isCharDevice() {
        return (mode() & S_IFMT) == S_IFCHR;
    }

    /** {@code st_size}: bytes for files, 4096 for directories (as Emscripten's MEMFS reports). */
    long size() {
        return isDir() ? 4096 : 0;
    }

    /** Modification time in milliseconds since the epoch. */
    abstract long mtimeMillis();

    /** True when writes (and creating or removing entries) must fail with EROFS. */
    boolean readOnly() {
        return false;
    }

    // ---- directories ----

    /** The child called {@code name}, or null when there is none. */
    Node lookup(String name) {
        throw new FsError(Errno.ENOTDIR);
    }

    /** Child names in listing order (without "." and ".."). */
    List<String> list() {
        throw new FsError(Errno.ENOTDIR);
    }

    Node mkdir(String name, int mode) {
        throw new FsError(Errno.ENOTDIR);
    }

    Node createFile(String name, int mode) {
        throw new FsError(Errno.ENOTDIR);
    }

    /** Creates a symbolic link; only the in-memory tree has them (mounts refuse with EPERM). */
    Node symlink(String name, String target) {
        throw new FsError(isDir() ? Errno.EPERM : Errno.ENOTDIR);
    }

    /** Removes the entry {@code name} (a file or an empty directory, checked by the caller). */
    void remove(String name) {
        throw new FsError(Errno.ENOTDIR);
    }

    /** Moves {@code node} (a child of another directory of the same file system) here as {@code newName}. */
    void moveHere(Node node, String newName) {
        throw new FsError(Errno.EXDEV);
    }

    /** Nodes that can be moved into one another's directories share a key. */
    Object fileSystem() {
        return this;
    }

    // ---- files and devices ----

    /** Reads up to {@code len} bytes at {@code pos}; returns the count, 0 at the end. */
    int read(long pos, byte[] buf, int off, int len) {
        throw new FsError(Errno.EISDIR);
    }

    /** Writes {@code len} bytes at {@code pos}; returns the count. */
    int write(long pos, byte[] buf, int off, int len) {
        throw new FsError(Errno.EISDIR);
    }

    void truncate(long length) {
        throw new FsError(isDir() ? Errno.EISDIR : Errno.EINVAL);
    }

    /** True for terminals (stdin, stdout, stderr): ioctl answers and isatty() is 1. */
    boolean isTty() {
        return false;
    }

    /** True when the node has a position (files); devices do not seek. */
    boolean seekable() {
        return isFile() || isDir();
    }

    /** Called when the last descriptor of a device closes or the runtime exits (ttys flush). */
    void flush() {}
}
