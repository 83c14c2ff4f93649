package dev.ligature.emscripten;

/**
 * The errno values of Emscripten's libc (musl with WASI numbering), as its headers define them. A
 * syscall returns {@code -errno}; a WASI function returns {@code errno}.
 */
final class Errno {
    private Errno() {}

    static final int E2BIG = 1;
    static final int EACCES = 2;
    static final int EAGAIN = 6;
    static final int EBADF = 8;
    static final int EBUSY = 10;
    static final int EEXIST = 20;
    static final int EFAULT = 21;
    static final int EINVAL = 28;
    static final int EIO = 29;
    static final int EISDIR = 31;
    static final int ELOOP = 32;
    static final int EMFILE = 33;
    static final int EMLINK = 34;
    static final int ENAMETOOLONG = 37;
    static final int ENODEV = 43;
    static final int ENOENT = 44;
    static final int ENOMEM = 48;
    static final int ENOSYS = 52;
    static final int ENOTDIR = 54;
    static final int ENOTEMPTY = 55;
    static final int ENOTTY = 59;
    static final int ENXIO = 60;
    static final int EOVERFLOW = 61;
    static final int EPERM = 63;
    static final int ERANGE = 68;
    static final int EROFS = 69;
    static final int ESPIPE = 70;
    static final int EXDEV = 75;
    /** Files in memory are limited to what one Java array holds: ENOSPC past that. */
    static final int EFBIG_OR_NOSPC = 51;
}
