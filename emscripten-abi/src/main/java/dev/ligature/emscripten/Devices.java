package dev.ligature.emscripten;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Character devices: /dev/null, /dev/urandom and the terminals behind fds 0, 1 and 2. */
final class Devices {
    private Devices() {}

    abstract static class Device extends Node {
        Device(long ino) {
            super(ino);
        }

        @Override
        int mode() {
            return S_IFCHR | 0666;
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
    }

    /** Reads nothing, swallows writes. */
    static final class Null extends Device {
        Null(long ino) {
            super(ino);
        }

        @Override
        int read(long pos, byte[] buf, int off, int len) {
            return 0;
        }

        @Override
        int write(long pos, byte[] buf, int off, int len) {
            return len;
        }
    }

    /** /dev/random and /dev/urandom: the host's random policy. */
    static final class Random extends Device {
        private final RandomGenerator random;

        Random(long ino, RandomGenerator random) {
            super(ino);
            this.random = random;
        }

        @Override
        int read(long pos, byte[] buf, int off, int len) {
            byte[] b = new byte[len];
            random.nextBytes(b);
            System.arraycopy(b, 0, buf, off, len);
            return len;
        }

        @Override
        int write(long pos, byte[] buf, int off, int len) {
            return len;
        }
    }

    /**
     * A terminal. Output goes out a line at a time, as Emscripten's TTY hands whole lines to
     * {@code console.log}: NUL bytes are dropped (or end the line, in builds without a file system),
     * each line is rendered as node's console shows it ({@link ConsoleText}) and, when the runtime
     * exits, a pending partial line is written followed by a newline (node prints it with one).
     * With {@code rawOutput} bytes pass through unchanged instead.
     */
    static final class Tty extends Device {
        private final InputStream in;
        private final OutputStream out;
        private final boolean rawOutput;
        /** Builds without a file system print through a simpler path on which NUL ends a line. */
        boolean nulEndsLine;
        /** Whether it answers as a terminal (isatty, terminal ioctls); the embedder may say it is not. */
        boolean terminal = true;
        private byte[] line = new byte[256];
        private int lineLength;

        Tty(long ino, InputStream in, OutputStream out, boolean rawOutput) {
            super(ino);
            this.in = in;
            this.out = out;
            this.rawOutput = rawOutput;
        }

        @Override
        boolean isTty() {
            return terminal;
        }

        /** A terminal is a character device; standard streams the embedder says are not look like pipes. */
        @Override
        int mode() {
            return terminal ? super.mode() : 0x1000 | 0600; // S_IFIFO
        }

        @Override
        int read(long pos, byte[] buf, int off, int len) {
            if (in == null) {
                return 0;
            }
            try {
                // Emscripten's TTY keeps reading until the request is filled or input ends.
                return in.readNBytes(buf, off, len);
            } catch (IOException e) {
                throw new FsError(Errno.EIO);
            }
        }

        @Override
        int write(long pos, byte[] buf, int off, int len) {
            if (out == null) {
                throw new FsError(Errno.ENXIO);
            }
            try {
                if (rawOutput) {
                    out.write(buf, off, len);
                    out.flush();
                    return len;
                }
                for (int i = off; i < off + len; i++) {
                    byte b = buf[i];
                    if (b == '\n' || (b == 0 && nulEndsLine)) {
                        emitLine();
                    } else if (b != 0) {
                        if (lineLength == line.length) {
                            line = Arrays.copyOf(line, line.length * 2);
                        }
                        line[lineLength++] = b;
                    }
                }
                return len;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void emitLine() throws IOException {
            out.write(ConsoleText.render(line, lineLength));
            out.write('\n');
            out.flush();
            lineLength = 0;
        }

        @Override
        void flush() {
            if (lineLength > 0 && out != null) {
                try {
                    emitLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * An anonymous pipe as Emscripten's PIPEFS has it: one node behind both descriptors, bytes in
     * order; reading an empty pipe fails with EAGAIN (the read end is always non-blocking), and
     * writes succeed whether or not a reader is left.
     */
    static final class Pipe extends Node {
        private byte[] data = new byte[0];
        private int start;
        private int end;

        Pipe(long ino) {
            super(ino);
        }

        @Override
        int mode() {
            return 0x1000 | 0777; // S_IFIFO
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
        int read(long pos, byte[] buf, int off, int len) {
            if (len <= 0) {
                return 0;
            }
            if (end == start) {
                throw new FsError(Errno.EAGAIN);
            }
            int n = Math.min(len, end - start);
            System.arraycopy(data, start, buf, off, n);
            start += n;
            return n;
        }

        @Override
        int write(long pos, byte[] buf, int off, int len) {
            if (end + len > data.length) {
                int live = end - start;
                if (live + (long) len > Integer.MAX_VALUE - 8) {
                    throw new FsError(Errno.EFBIG_OR_NOSPC);
                }
                byte[] larger = new byte[Math.max(live + len, Math.min(Integer.MAX_VALUE - 8, data.length * 2))];
                System.arraycopy(data, start, larger, 0, live);
                data = larger;
                start = 0;
                end = live;
            }
            System.arraycopy(buf, off, data, end, len);
            end += len;
            return len;
        }

        @Override
        void truncate(long length) {
            throw new FsError(Errno.EINVAL);
        }
    }
}
