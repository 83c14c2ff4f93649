package dev.ligature.emscripten;

import java.io.ByteArrayOutputStream;

/**
 * What a line of program output becomes on node's console: Emscripten 3.1.x decodes the line's
 * bytes with its own lenient UTF-8 decoder (no validation: a lead byte takes the next bytes as
 * continuation bytes whatever they are), and node writes the resulting UTF-16 text as UTF-8, with
 * U+FFFD for unpaired surrogates. Valid UTF-8 comes through unchanged.
 */
final class ConsoleText {
    private ConsoleText() {}

    static byte[] render(byte[] line, int length) {
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = line[i] >= 0;
        }
        if (ascii) {
            return java.util.Arrays.copyOf(line, length);
        }
        return encode(decode(line, length));
    }

    /** Emscripten 3.1.x's UTF8ArrayToString on a byte array, bytes past the end reading as 0. */
    static String decode(byte[] h, int end) {
        StringBuilder s = new StringBuilder(end);
        int i = 0;
        while (i < end) {
            int u0 = h[i++] & 0xFF;
            if ((u0 & 0x80) == 0) {
                s.append((char) u0);
                continue;
            }
            int u1 = at(h, i++, end) & 63;
            if ((u0 & 0xE0) == 0xC0) {
                s.append((char) (((u0 & 31) << 6) | u1));
                continue;
            }
            int u2 = at(h, i++, end) & 63;
            int cp;
            if ((u0 & 0xF0) == 0xE0) {
                cp = ((u0 & 15) << 12) | (u1 << 6) | u2;
            } else {
                cp = ((u0 & 7) << 18) | (u1 << 12) | (u2 << 6) | (at(h, i++, end) & 63);
            }
            if (cp < 0x10000) {
                s.append((char) cp);
            } else {
                int ch = cp - 0x10000;
                s.append((char) (0xD800 | (ch >> 10)));
                s.append((char) (0xDC00 | (ch & 0x3FF)));
            }
        }
        return s.toString();
    }

    private static int at(byte[] h, int i, int end) {
        return i < end ? h[i] & 0xFF : 0;
    }

    /** UTF-8 as node writes a JavaScript string: unpaired surrogates become U+FFFD. */
    static byte[] encode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
            }
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 63);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 63);
                out.write(0x80 | cp & 63);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 63);
                out.write(0x80 | cp >> 6 & 63);
                out.write(0x80 | cp & 63);
            }
        }
        return out.toByteArray();
    }
}
