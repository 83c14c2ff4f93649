package dev.ligature.core.binary;

import dev.ligature.core.instr.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the primitive encoders of the binary format. */
public final class WasmWriter {
    private byte[] buf;
    private int size;

    public WasmWriter() {
        this(64);
    }

    public WasmWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public int size() {
        return size;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public WasmWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public WasmWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WasmWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** Unsigned LEB128 (u32 or u64: the value is taken as unsigned). */
    public WasmWriter u64(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    public WasmWriter u32(long v) {
        return u64(v & 0xFFFFFFFFL);
    }

    /** Signed LEB128 (s32, s33 or s64). */
    public WasmWriter s64(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    public WasmWriter f32Bits(int bits) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[size++] = (byte) (bits >>> (8 * i));
        }
        return this;
    }

    public WasmWriter f64Bits(long bits) {
        f32Bits((int) bits);
        return f32Bits((int) (bits >>> 32));
    }

    public WasmWriter name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        return bytes(utf8);
    }

    /** An instruction's opcode: one byte, or the prefix byte followed by the u32 code. */
    public WasmWriter opcode(Opcode op) {
        if (op.prefix() == 0) {
            return u8(op.code());
        }
        return u8(op.prefix()).u32(op.code());
    }

    /** Appends another writer's contents, preceded by their length as a u32 (a section or body). */
    public WasmWriter sized(WasmWriter inner) {
        u32(inner.size);
        return bytes(inner.buf, 0, inner.size);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public void reset() {
        size = 0;
    }
}
