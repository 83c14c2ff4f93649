package dev.ligature.core.binary;

import dev.ligature.core.MalformedModuleException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a window of a byte array with the primitive decoders of the binary format (LEB128
 * integers, floats, names). Every fault throws {@link MalformedModuleException} with the absolute
 * byte offset and the phrase the spec tests expect; nothing here throws an unchecked JDK exception
 * on bad input.
 */
public final class WasmReader {
    private final byte[] bytes;
    private int pos;
    private int limit;
    /** Absolute offset of bytes[0] in the whole input, for error messages. */
    private final long base;
    /** Message used when the window ends early: "unexpected end" or "unexpected end of section or function". */
    private String eofMessage = "unexpected end";

    public WasmReader(byte[] bytes) {
        this(bytes, 0, bytes.length, 0);
    }

    public WasmReader(byte[] bytes, int from, int to, long base) {
        if (from < 0 || to > bytes.length || from > to) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") outside array of " + bytes.length);
        }
        this.bytes = bytes;
        this.pos = from;
        this.limit = to;
        this.base = base;
    }

    public byte[] array() {
        return bytes;
    }

    /** Index of the next byte in the backing array. */
    public int pos() {
        return pos;
    }

    public void pos(int newPos) {
        this.pos = newPos;
    }

    /** Index one past the last readable byte in the backing array. */
    public int limit() {
        return limit;
    }

    public void limit(int newLimit) {
        this.limit = newLimit;
    }

    /** Absolute offset of the next byte in the original input. */
    public long offset() {
        return base + pos;
    }

    public boolean hasMore() {
        return pos < limit;
    }

    public int remaining() {
        return limit - pos;
    }

    /** Sets the phrase reported when the window ends early. */
    public void eofMessage(String message) {
        this.eofMessage = message;
    }

    public MalformedModuleException error(String reason) {
        return MalformedModuleException.atOffset(reason, offset());
    }

    public MalformedModuleException errorAt(String reason, int atPos) {
        return MalformedModuleException.atOffset(reason, base + atPos);
    }

    private MalformedModuleException eof() {
        return MalformedModuleException.atOffset(eofMessage, base + limit);
    }

    public int u8() {
        if (pos >= limit) {
            throw eof();
        }
        return bytes[pos++] & 0xFF;
    }

    /** The next byte without consuming it, or -1 at the end of the window. */
    public int peek() {
        return pos < limit ? bytes[pos] & 0xFF : -1;
    }

    public void skip(int n) {
        if (n < 0 || n > limit - pos) {
            pos = limit;
            throw eof();
        }
        pos += n;
    }

    public byte[] bytes(long n) {
        if (n < 0 || n > limit - pos) {
            throw n > Integer.MAX_VALUE || n < 0 ? error("length out of bounds") : eof();
        }
        byte[] out = new byte[(int) n];
        System.arraycopy(bytes, pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    /** Unsigned LEB128 of at most 32 bits. */
    public int u32() {
        return (int) unsigned(32);
    }

    /** Unsigned 32-bit LEB128 as a non-negative long. */
    public long u32L() {
        return unsigned(32);
    }

    /** Unsigned LEB128 of at most 64 bits. */
    public long u64() {
        return unsigned(64);
    }

    /** Signed LEB128 of at most 32 bits. */
    public int s32() {
        return (int) signed(32);
    }

    /** Signed LEB128 of at most 33 bits (block types). */
    public long s33() {
        return signed(33);
    }

    /** Signed LEB128 of at most 64 bits. */
    public long s64() {
        return signed(64);
    }

    private long unsigned(int bits) {
        long result = 0;
        int shift = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; ; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw errorAt("integer representation too long", pos - 1);
                }
                int usedBits = bits - shift;
                if (usedBits < 7 && (b >>> usedBits) != 0) {
                    throw errorAt("integer too large", pos - 1);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    private long signed(int bits) {
        long result = 0;
        int shift = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; ; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw errorAt("integer representation too long", pos - 1);
                }
                int usedBits = bits - shift; // value bits in this byte, the last one is the sign
                if (usedBits < 7) {
                    int unused = b >> (usedBits - 1); // sign bit and the bits above it
                    if (unused != 0 && unused != (0x7F >> (usedBits - 1))) {
                        throw errorAt("integer too large", pos - 1);
                    }
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return bits == 64 ? result : result << (64 - bits) >> (64 - bits);
            }
        }
    }

    public int f32Bits() {
        if (limit - pos < 4) {
            pos = limit;
            throw eof();
        }
        int v = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16
                | (bytes[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public long f64Bits() {
        long lo = f32Bits() & 0xFFFFFFFFL;
        long hi = f32Bits() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /** A name: u32 length and that many bytes of valid UTF-8. */
    public String name() {
        long len = u32L();
        if (len > limit - pos) {
            throw error("length out of bounds");
        }
        int start = pos;
        pos += (int) len;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, (int) len));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw errorAt("malformed UTF-8 encoding", start);
        }
    }
}
