package dev.ligature.core.text;

import dev.ligature.core.MalformedModuleException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits WebAssembly text (module text or a WAST script) into tokens, up front, into parallel
 * arrays, so parsers can look ahead freely without allocating a token object per token.
 *
 * <p>The lexer works on the UTF-8 bytes of the source rather than on Java characters: string
 * literals denote byte sequences (which need not be UTF-8, as in {@code data} segments), and a
 * quoted module in a script may hold bytes that are not UTF-8 at all, which must be reported as a
 * malformed module, not lost in a charset conversion.
 *
 * <p>A token is a maximal run of identifier characters and string literals, as the specification
 * defines it. A run that is exactly one string is a {@link #STRING}; {@code $} followed by
 * identifier characters, or by exactly one string, is an {@link #ID}; identifier characters alone
 * starting with a lower-case letter form a {@link #KEYWORD}, with a digit or sign a {@link #NUMBER};
 * every other run (for example {@code 0$l} or {@code $l"a"}) is {@link #RESERVED}, which no grammar
 * rule accepts. Comments are dropped; annotations {@code (@id ...)} are checked for well-formed
 * tokens and balanced parentheses, then dropped from the token stream. The three annotations
 * Ligature gives a meaning ({@code @custom}, {@code @name}, {@code @metadata.code.branch_hint})
 * are also recorded with the index of the token they precede, so the module parser can interpret
 * them by position while every other grammar rule keeps ignoring them.
 */
public final class Lexer {
    public static final byte LPAREN = 0, RPAREN = 1, KEYWORD = 2, ID = 3, STRING = 4, NUMBER = 5, RESERVED = 6,
            EOF = 7;

    private static final boolean[] ID_CHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ID_CHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ID_CHAR[c] = true;
            ID_CHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-./:<=>?@\\^_`|~".toCharArray()) {
            ID_CHAR[c] = true;
        }
    }

    private final byte[] src;
    private final int baseLine;
    private final int baseColumn;

    private int count;
    private byte[] kinds = new byte[256];
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int[] lines = new int[256];
    private int[] columns = new int[256];

    private int pos;
    private int line;
    private int lineStart;

    private final java.util.List<Annotation> annotations = new java.util.ArrayList<>();

    /**
     * A recorded annotation: its id, the index of the token that follows it, and the byte range
     * of its contents (after the id, before the closing parenthesis) with that range's position.
     */
    record Annotation(String id, int token, int contentStart, int contentEnd, int line, int column) {}

    /** Ids of the annotations recorded for the parser; all others are dropped. */
    private static final java.util.Set<String> KNOWN_ANNOTATIONS =
            java.util.Set.of("custom", "name", "metadata.code.branch_hint");

    private Lexer(byte[] src, int baseLine, int baseColumn) {
        this.src = src;
        this.baseLine = baseLine;
        this.baseColumn = baseColumn;
        this.line = baseLine;
    }

    /**
     * Tokenizes {@code src}, whose first byte stands at {@code line}:{@code column} of its file
     * (used for error positions). Lexical faults throw {@link MalformedModuleException}.
     */
    public static Lexer tokenize(byte[] src, int line, int column) {
        Lexer lx = new Lexer(src, line, column);
        lx.run();
        return lx;
    }

    public static Lexer tokenize(byte[] src) {
        return tokenize(src, 1, 1);
    }

    /** The source bytes. */
    public byte[] source() {
        return src;
    }

    /** Number of tokens, including the final {@link #EOF}. */
    public int count() {
        return count;
    }

    public byte kind(int token) {
        return kinds[token];
    }

    /** Offset of the token's first byte in the source. */
    public int start(int token) {
        return starts[token];
    }

    /** Offset one past the token's last byte in the source. */
    public int end(int token) {
        return ends[token];
    }

    public int line(int token) {
        return lines[token];
    }

    public int column(int token) {
        return columns[token];
    }

    /** The token's source text (for keywords, numbers and reserved tokens, which are ASCII). */
    public String text(int token) {
        return new String(src, starts[token], ends[token] - starts[token], StandardCharsets.ISO_8859_1);
    }

    /** Whether the token is the keyword {@code word}, compared without allocating. */
    public boolean isKeyword(int token, String word) {
        if (kinds[token] != KEYWORD || ends[token] - starts[token] != word.length()) {
            return false;
        }
        int s = starts[token];
        for (int i = 0; i < word.length(); i++) {
            if (src[s + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes a {@link #STRING} token denotes, escapes resolved. */
    public byte[] stringBytes(int token) {
        return decodeString(starts[token], ends[token]);
    }

    /** A {@link #STRING} token as a name: its bytes must be valid UTF-8. */
    public String stringName(int token) {
        return utf8(stringBytes(token), token);
    }

    /**
     * The name of an {@link #ID} token without its {@code $}: the identifier characters, or the
     * contents of the quoted form {@code $"..."}, which must be valid, non-empty UTF-8. Both forms
     * denote the same identifier when their contents are equal.
     */
    public String idName(int token) {
        int s = starts[token] + 1;
        if (s < ends[token] && src[s] == '"') {
            byte[] b = decodeString(s, ends[token]);
            if (b.length == 0) {
                throw error("empty identifier", token);
            }
            return utf8(b, token);
        }
        return new String(src, s, ends[token] - s, StandardCharsets.ISO_8859_1);
    }

    /** An error located at the token's position. */
    public MalformedModuleException error(String reason, int token) {
        return MalformedModuleException.atPosition(reason, lines[token], columns[token]);
    }

    private String utf8(byte[] b, int token) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error("malformed UTF-8 encoding", token);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Scanning

    private MalformedModuleException errorHere(String reason, int at) {
        int col = at - lineStart + 1;
        if (line == baseLine) {
            col += baseColumn - 1;
        }
        return MalformedModuleException.atPosition(reason, line, col);
    }

    /** The recorded {@code @custom}, {@code @name} and {@code @metadata.code.branch_hint} annotations, in source order. */
    java.util.List<Annotation> annotations() {
        return annotations;
    }

    /** Tokenizes the contents of a recorded annotation on their own. */
    Lexer contents(Annotation a) {
        return tokenize(java.util.Arrays.copyOfRange(src, a.contentStart(), a.contentEnd()), a.line(), a.column());
    }

    private void run() {
        int annotationDepth = 0;
        String known = null;
        int contentStart = 0, contentLine = 0, contentColumn = 0;
        while (true) {
            skipBlanks();
            if (pos >= src.length) {
                if (annotationDepth > 0) {
                    throw errorHere("unclosed annotation", pos);
                }
                add(EOF, pos, pos);
                return;
            }
            int c = src[pos] & 0xFF;
            if (c == '(') {
                if (annotationDepth == 0 && pos + 1 < src.length && src[pos + 1] == '@') {
                    int at = pos;
                    pos += 2;
                    int idEnd = annotationIdEnd(pos, at);
                    String id = new String(src, pos, idEnd - pos, java.nio.charset.StandardCharsets.UTF_8);
                    known = KNOWN_ANNOTATIONS.contains(id) ? id : null;
                    contentStart = idEnd;
                    contentLine = line;
                    contentColumn = idEnd - lineStart + 1 + (line == baseLine ? baseColumn - 1 : 0);
                    pos = idEnd;
                    annotationDepth = 1;
                    continue;
                }
                if (annotationDepth > 0) {
                    annotationDepth++;
                    pos++;
                    continue;
                }
                add(LPAREN, pos, pos + 1);
                pos++;
            } else if (c == ')') {
                if (annotationDepth > 0) {
                    annotationDepth--;
                    if (annotationDepth == 0 && known != null) {
                        annotations.add(new Annotation(known, count, contentStart, pos, contentLine, contentColumn));
                    }
                    pos++;
                    continue;
                }
                add(RPAREN, pos, pos + 1);
                pos++;
            } else {
                int start = pos;
                int end = scanRun(pos);
                if (end == start) {
                    throw illegalAt(start);
                }
                pos = end;
                if (annotationDepth == 0) {
                    add(classify(start, end), start, end);
                }
            }
        }
    }

    /**
     * The end of an annotation id: identifier characters, or one string that must be non-empty
     * UTF-8. Whatever does not form such an id (nothing, or a broken string) is an empty id.
     */
    private int annotationIdEnd(int from, int at) {
        int end;
        try {
            end = scanRun(from);
        } catch (MalformedModuleException e) {
            end = from;
        }
        if (end == from) {
            throw errorHere("empty annotation id", at);
        }
        if (src[from] == '"' && scanString(from) == end) {
            byte[] name = decodeString(from, end);
            if (name.length == 0) {
                throw errorHere("empty annotation id", at);
            }
            for (int i = 0; i < name.length; ) {
                int n = utf8LengthIn(name, i);
                if (n < 0) {
                    throw errorHere("malformed UTF-8 encoding", from);
                }
                i += n;
            }
        }
        return end;
    }

    private MalformedModuleException illegalAt(int at) {
        int c = src[at] & 0xFF;
        if (c >= 0x80 && !validUtf8At(at)) {
            return errorHere("malformed UTF-8 encoding", at);
        }
        return errorHere("illegal character", at);
    }

    /** Skips whitespace and comments. */
    private void skipBlanks() {
        while (pos < src.length) {
            int c = src[pos] & 0xFF;
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                newline(pos);
                pos++;
            } else if (c == ';' && pos + 1 < src.length && src[pos + 1] == ';') {
                int at = pos;
                while (pos < src.length && src[pos] != '\n' && src[pos] != '\r') {
                    pos++;
                }
                checkUtf8(at, pos);
            } else if (c == '(' && pos + 1 < src.length && src[pos + 1] == ';') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int at = pos;
        int depth = 0;
        while (pos < src.length) {
            if (src[pos] == '(' && pos + 1 < src.length && src[pos + 1] == ';') {
                depth++;
                pos += 2;
            } else if (src[pos] == ';' && pos + 1 < src.length && src[pos + 1] == ')') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    checkUtf8(at, pos);
                    return;
                }
            } else {
                if (src[pos] == '\n') {
                    newline(pos);
                }
                pos++;
            }
        }
        throw errorHere("unclosed comment", at);
    }

    private void newline(int at) {
        line++;
        lineStart = at + 1;
    }

    /**
     * The end of the run of identifier characters, reserved punctuation and strings that starts at
     * {@code from}. A run ends at whitespace, a parenthesis, a comment or the end of input.
     */
    private int scanRun(int from) {
        int p = from;
        while (p < src.length) {
            int c = src[p] & 0xFF;
            if (c < 128 && ID_CHAR[c]) {
                p++;
            } else if (c == '"') {
                p = scanString(p);
            } else if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
                p++;
            } else if (c == ';') {
                if (p + 1 < src.length && src[p + 1] == ';') {
                    return p; // a line comment ends the run
                }
                p++;
            } else {
                return p;
            }
        }
        return p;
    }

    /** Checks a string literal starting at the quote at {@code from}; returns the offset after its closing quote. */
    private int scanString(int from) {
        int p = from + 1;
        while (true) {
            if (p >= src.length) {
                throw errorHere("unclosed string", from);
            }
            int c = src[p] & 0xFF;
            if (c == '"') {
                return p + 1;
            }
            if (c == '\n') {
                throw errorHere("unclosed string", from);
            }
            if (c < 0x20 || c == 0x7F) {
                throw errorHere("illegal character", p);
            }
            if (c == '\\') {
                p = scanEscape(p);
            } else if (c >= 0x80) {
                int n = utf8Length(p);
                if (n < 0) {
                    throw errorHere("malformed UTF-8 encoding", p);
                }
                p += n;
            } else {
                p++;
            }
        }
    }

    private int scanEscape(int p) {
        if (p + 1 >= src.length) {
            throw errorHere("unclosed string", p);
        }
        int e = src[p + 1] & 0xFF;
        switch (e) {
            case 't', 'n', 'r', '"', '\'', '\\' -> {
                return p + 2;
            }
            case 'u' -> {
                if (p + 2 >= src.length || src[p + 2] != '{') {
                    throw errorHere("illegal escape", p);
                }
                int q = p + 3;
                long v = 0;
                int digits = 0;
                while (q < src.length && src[q] != '}') {
                    int d = hexDigit(src[q]);
                    if (d < 0) {
                        if (src[q] == '_' && digits > 0) {
                            q++;
                            continue;
                        }
                        throw errorHere("illegal escape", p);
                    }
                    v = Math.min(v * 16 + d, 0x110000);
                    digits++;
                    q++;
                }
                if (q >= src.length || digits == 0 || v >= 0x110000 || (v >= 0xD800 && v < 0xE000)) {
                    throw errorHere("illegal escape", p);
                }
                return q + 1;
            }
            default -> {
                if (p + 2 < src.length && hexDigit(src[p + 1]) >= 0 && hexDigit(src[p + 2]) >= 0) {
                    return p + 3;
                }
                throw errorHere("illegal escape", p);
            }
        }
    }

    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /** Length of the well-formed UTF-8 sequence at {@code p}, or -1. */
    private int utf8Length(int p) {
        return utf8LengthIn(src, p);
    }

    private static int utf8LengthIn(byte[] src, int p) {
        int c = src[p] & 0xFF;
        int n;
        int min;
        if (c < 0x80) {
            return 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return -1;
        }
        if (p + n > src.length) {
            return -1;
        }
        int v = c & (0x7F >> n);
        for (int i = 1; i < n; i++) {
            int b = src[p + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return -1;
            }
            v = (v << 6) | (b & 0x3F);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) {
            return -1;
        }
        return n;
    }

    private boolean validUtf8At(int p) {
        return utf8Length(p) > 0;
    }

    private void checkUtf8(int from, int to) {
        int p = from;
        while (p < to) {
            if ((src[p] & 0x80) == 0) {
                p++;
                continue;
            }
            int n = utf8Length(p);
            if (n < 0 || p + n > to) {
                throw errorHere("malformed UTF-8 encoding", p);
            }
            p += n;
        }
    }

    private byte classify(int start, int end) {
        int c = src[start] & 0xFF;
        boolean hasString = false;
        boolean hasPunct = false;
        for (int p = start; p < end; p++) {
            int b = src[p] & 0xFF;
            if (b == '"') {
                hasString = true;
                break;
            }
            if (b == ',' || b == ';' || b == '[' || b == ']' || b == '{' || b == '}') {
                hasPunct = true;
            }
        }
        if (c == '"') {
            return scanString(start) == end ? STRING : RESERVED;
        }
        if (c == '$' && end > start + 1) {
            if (src[start + 1] == '"') {
                return scanString(start + 1) == end ? ID : RESERVED;
            }
            return hasString || hasPunct ? RESERVED : ID;
        }
        if (hasString || hasPunct) {
            return RESERVED;
        }
        if (c >= 'a' && c <= 'z') {
            return KEYWORD;
        }
        if ((c >= '0' && c <= '9') || c == '+' || c == '-') {
            return NUMBER;
        }
        return RESERVED;
    }

    private byte[] decodeString(int from, int to) {
        // from is the opening quote, to is one past the closing quote
        byte[] out = new byte[to - from];
        int n = 0;
        int p = from + 1;
        int last = to - 1;
        while (p < last) {
            int c = src[p] & 0xFF;
            if (c != '\\') {
                out[n++] = (byte) c;
                p++;
                continue;
            }
            int e = src[p + 1] & 0xFF;
            switch (e) {
                case 't' -> { out[n++] = '\t'; p += 2; }
                case 'n' -> { out[n++] = '\n'; p += 2; }
                case 'r' -> { out[n++] = '\r'; p += 2; }
                case '"' -> { out[n++] = '"'; p += 2; }
                case '\'' -> { out[n++] = '\''; p += 2; }
                case '\\' -> { out[n++] = '\\'; p += 2; }
                case 'u' -> {
                    int q = p + 3;
                    int v = 0;
                    while (src[q] != '}') {
                        if (src[q] != '_') {
                            v = v * 16 + hexDigit(src[q]);
                        }
                        q++;
                    }
                    n = putUtf8(out, n, v);
                    p = q + 1;
                }
                default -> {
                    out[n++] = (byte) (hexDigit(src[p + 1]) * 16 + hexDigit(src[p + 2]));
                    p += 3;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int putUtf8(byte[] out, int n, int v) {
        if (v < 0x80) {
            out[n++] = (byte) v;
        } else if (v < 0x800) {
            out[n++] = (byte) (0xC0 | v >> 6);
            out[n++] = (byte) (0x80 | v & 0x3F);
        } else if (v < 0x10000) {
            out[n++] = (byte) (0xE0 | v >> 12);
            out[n++] = (byte) (0x80 | v >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | v & 0x3F);
        } else {
            out[n++] = (byte) (0xF0 | v >> 18);
            out[n++] = (byte) (0x80 | v >> 12 & 0x3F);
            out[n++] = (byte) (0x80 | v >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | v & 0x3F);
        }
        return n;
    }

    private void add(byte kind, int start, int end) {
        if (count == kinds.length) {
            int cap = count * 2;
            kinds = Arrays.copyOf(kinds, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            lines = Arrays.copyOf(lines, cap);
            columns = Arrays.copyOf(columns, cap);
        }
        kinds[count] = kind;
        starts[count] = start;
        ends[count] = end;
        lines[count] = line;
        int col = start - lineStart + 1;
        columns[count] = line == baseLine ? col + baseColumn - 1 : col;
        count++;
    }
}
