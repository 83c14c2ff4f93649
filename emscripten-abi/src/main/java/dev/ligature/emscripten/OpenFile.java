package dev.ligature.emscripten;

/** An open file description: the node, the open flags, the position, and the path it was opened by. */
final class OpenFile {
    static final int O_ACCMODE = 3;
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOFOLLOW = 0400000;

    final Node node;
    int flags;
    long position;
    final String path;
    int refs = 1;

    OpenFile(Node node, int flags, String path) {
        this.node = node;
        this.flags = flags;
        this.path = path;
    }

    boolean readable() {
        return (flags & O_ACCMODE) != O_WRONLY;
    }

    boolean writable() {
        return (flags & O_ACCMODE) != O_RDONLY;
    }
}
