package dev.ligature.emscripten;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A read-only zip archive mounted as a directory (Pyodide ships its standard library as one).
 * The tree comes from the entry names when mounting; an entry's bytes are inflated on first
 * read and kept. Entry names with "..", absolute paths or empty components are ignored, so an
 * archive cannot place anything outside its mount.
 */
final class ZipNodes {
    private ZipNodes() {}

    /** The archive and the inode numbers of its nodes. */
    static final class Archive {
        final ZipFile zip;
        private long nextIno = 1L << 42;

        Archive(ZipFile zip) {
            this.zip = zip;
        }

        long nextIno() {
            return nextIno++;
        }
    }

    /** Builds the directory tree of {@code zip}. */
    static Dir mount(ZipFile zip) {
        Archive archive = new Archive(zip);
        Dir root = new Dir(archive, 0);
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            String[] parts = e.getName().split("/");
            if (e.getName().startsWith("/") || !safe(parts)) {
                continue;
            }
            Dir dir = root;
            int last = parts.length - 1;
            for (int i = 0; i < last; i++) {
                dir = dir.subdir(parts[i]);
            }
            if (parts.length == 0 || parts[last].isEmpty()) {
                continue;
            }
            if (e.isDirectory()) {
                dir.subdir(parts[last]);
            } else if (!(dir.children.get(parts[last]) instanceof Dir)) {
                File f = new File(archive, e);
                f.parent = dir;
                f.name = parts[last];
                dir.children.put(parts[last], f);
            }
        }
        return root;
    }

    private static boolean safe(String[] parts) {
        for (String p : parts) {
            if (p.equals("..") || p.equals(".") || p.indexOf('\\') >= 0) {
                return false;
            }
        }
        return true;
    }

    abstract static class ZipNode extends Node {
        final Archive archive;

        ZipNode(Archive archive) {
            super(archive.nextIno());
            this.archive = archive;
        }

        @Override
        boolean readOnly() {
            return true;
        }

        @Override
        Object fileSystem() {
            return archive;
        }

        @Override
        Node mkdir(String name, int mode) {
            throw new FsError(Errno.EROFS);
        }

        @Override
        Node createFile(String name, int mode) {
            throw new FsError(Errno.EROFS);
        }

        @Override
        void remove(String name) {
            throw new FsError(Errno.EROFS);
        }

        @Override
        void moveHere(Node node, String newName) {
            throw new FsError(Errno.EROFS);
        }

        @Override
        int write(long pos, byte[] buf, int off, int len) {
            throw new FsError(isDir() ? Errno.EISDIR : Errno.EROFS);
        }

        @Override
        void truncate(long length) {
            throw new FsError(isDir() ? Errno.EISDIR : Errno.EROFS);
        }
    }

    static final class Dir extends ZipNode {
        final Map<String, Node> children = new LinkedHashMap<>();

        Dir(Archive archive, int unused) {
            super(archive);
        }

        Dir subdir(String name) {
            Node n = children.get(name);
            if (n instanceof Dir d) {
                return d;
            }
            Dir d = new Dir(archive, 0);
            d.parent = this;
            d.name = name;
            children.put(name, d); // a directory wins over a file entry of the same name
            return d;
        }

        @Override
        int mode() {
            return S_IFDIR | 0555;
        }

        @Override
        long mtimeMillis() {
            return 0;
        }

        @Override
        Node lookup(String name) {
            return children.get(name);
        }

        @Override
        List<String> list() {
            return new ArrayList<>(children.keySet());
        }
    }

    static final class File extends ZipNode {
        private final ZipEntry entry;
        private byte[] data;

        File(Archive archive, ZipEntry entry) {
            super(archive);
            this.entry = entry;
        }

        @Override
        int mode() {
            return S_IFREG | 0444;
        }

        @Override
        long size() {
            return data != null ? data.length : Math.max(entry.getSize(), 0);
        }

        @Override
        long mtimeMillis() {
            return Math.max(entry.getTime(), 0);
        }

        private byte[] data() {
            if (data == null) {
                if (entry.getSize() > Integer.MAX_VALUE - 8) {
                    throw new FsError(Errno.EFBIG_OR_NOSPC);
                }
                try (InputStream in = archive.zip.getInputStream(entry)) {
                    data = in.readAllBytes();
                } catch (IOException e) {
                    throw new FsError(Errno.EIO);
                } catch (UncheckedIOException | OutOfMemoryError e) {
                    throw new FsError(Errno.EIO);
                }
            }
            return data;
        }

        @Override
        int read(long pos, byte[] buf, int off, int len) {
            byte[] d = data();
            if (pos >= d.length) {
                return 0;
            }
            int n = (int) Math.min(len, d.length - pos);
            System.arraycopy(d, (int) pos, buf, off, n);
            return n;
        }
    }
}
