package dev.ligature.python;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java half of the value form {@code host.py} describes: None, bool, int, float, str, bytes,
 * list, tuple and dict. Python ints become {@code Long} when they fit, else {@code BigInteger};
 * tuples become unmodifiable lists, lists modifiable ones, dicts {@link LinkedHashMap}s.
 */
final class ValueCodec {
    private ValueCodec() {}

    static Object decode(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        Object v = read(b);
        if (b.hasRemaining()) {
            throw new IllegalStateException("trailing bytes after a Python value");
        }
        return v;
    }

    private static Object read(ByteBuffer b) {
        byte tag = b.get();
        switch (tag) {
            case 'N':
                return null;
            case 'T':
                return Boolean.TRUE;
            case 'F':
                return Boolean.FALSE;
            case 'D':
                return b.getDouble();
            case 'I', 'S', 'B': {
                byte[] raw = new byte[b.getInt()];
                b.get(raw);
                if (tag == 'S') {
                    return new String(raw, StandardCharsets.UTF_8);
                }
                if (tag == 'B') {
                    return raw;
                }
                BigInteger i = new BigInteger(raw);
                return i.bitLength() < 64 ? (Object) i.longValue() : i;
            }
            case 'L', 'U': {
                int n = b.getInt();
                List<Object> items = new ArrayList<>(Math.min(n, 1 << 16));
                for (int k = 0; k < n; k++) {
                    items.add(read(b));
                }
                return tag == 'U' ? Collections.unmodifiableList(items) : items;
            }
            case 'M': {
                int n = b.getInt();
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int k = 0; k < n; k++) {
                    Object key = read(b);
                    m.put(key, read(b));
                }
                return m;
            }
            default:
                throw new IllegalStateException("unknown tag " + tag + " in a Python value");
        }
    }

    /**
     * Encodes a Java value: null, Boolean, Byte/Short/Integer/Long, BigInteger, Float/Double,
     * CharSequence, byte[], List (a Python list), Object[] (a tuple), Map.
     *
     * @throws IllegalArgumentException for any other type
     */
    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out, 0);
        return out.toByteArray();
    }

    private static void write(Object v, ByteArrayOutputStream out, int depth) {
        if (depth > 200) {
            throw new IllegalArgumentException("value nested too deeply to convert to Python");
        }
        switch (v) {
            case null -> out.write('N');
            case Boolean bool -> out.write(bool ? 'T' : 'F');
            case Byte x -> integer(BigInteger.valueOf(x), out);
            case Short x -> integer(BigInteger.valueOf(x), out);
            case Integer x -> integer(BigInteger.valueOf(x), out);
            case Long x -> integer(BigInteger.valueOf(x), out);
            case BigInteger x -> integer(x, out);
            case Float x -> real(x, out);
            case Double x -> real(x, out);
            case CharSequence s -> blob('S', s.toString().getBytes(StandardCharsets.UTF_8), out);
            case byte[] bytes -> blob('B', bytes, out);
            case Object[] items -> {
                out.write('U');
                length(items.length, out);
                for (Object o : items) {
                    write(o, out, depth + 1);
                }
            }
            case List<?> items -> {
                out.write('L');
                length(items.size(), out);
                for (Object o : items) {
                    write(o, out, depth + 1);
                }
            }
            case Map<?, ?> map -> {
                out.write('M');
                length(map.size(), out);
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(e.getKey(), out, depth + 1);
                    write(e.getValue(), out, depth + 1);
                }
            }
            default -> throw new IllegalArgumentException("cannot convert a " + v.getClass().getName() + " to a Python value");
        }
    }

    private static void integer(BigInteger i, ByteArrayOutputStream out) {
        blob('I', i.toByteArray(), out);
    }

    private static void real(double d, ByteArrayOutputStream out) {
        out.write('D');
        out.writeBytes(ByteBuffer.allocate(8).putDouble(d).array());
    }

    private static void blob(char tag, byte[] raw, ByteArrayOutputStream out) {
        out.write(tag);
        length(raw.length, out);
        out.writeBytes(raw);
    }

    private static void length(int n, ByteArrayOutputStream out) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(n).array());
    }
}
