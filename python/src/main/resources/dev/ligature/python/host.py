# Ligature's side of the Java embedding API, run once per interpreter in a private namespace.
# Values cross between Java and Python in one tagged binary form (every length and count is a
# 4-byte big-endian unsigned integer):
#   N None, T True, F False, I int (length + two's-complement big-endian bytes), D float (8 bytes),
#   S str (length + UTF-8, lone surrogates kept), B bytes (length + bytes), L list / U tuple
#   (count + items), M dict (count + key, value pairs).
import struct
import sys
import traceback

_MAX_DEPTH = 200


def encode(obj):
    out = bytearray()
    _encode(obj, out, 0)
    return bytes(out)


def _encode(o, out, depth):
    if depth > _MAX_DEPTH:
        raise ValueError("value nested too deeply to convert to Java")
    t = type(o)
    if o is None:
        out += b"N"
    elif o is True:
        out += b"T"
    elif o is False:
        out += b"F"
    elif t is int or (isinstance(o, int) and not isinstance(o, bool)):
        o = int(o)
        raw = o.to_bytes((o.bit_length() + 8) // 8, "big", signed=True)
        out += b"I" + struct.pack(">I", len(raw)) + raw
    elif t is float or isinstance(o, float):
        out += b"D" + struct.pack(">d", o)
    elif isinstance(o, str):
        raw = str(o).encode("utf-8", "surrogatepass")
        out += b"S" + struct.pack(">I", len(raw)) + raw
    elif isinstance(o, (bytes, bytearray, memoryview)):
        raw = bytes(o)
        out += b"B" + struct.pack(">I", len(raw)) + raw
    elif isinstance(o, (list, tuple)):
        out += (b"U" if isinstance(o, tuple) else b"L") + struct.pack(">I", len(o))
        for item in o:
            _encode(item, out, depth + 1)
    elif isinstance(o, dict):
        out += b"M" + struct.pack(">I", len(o))
        for k, v in o.items():
            _encode(k, out, depth + 1)
            _encode(v, out, depth + 1)
    else:
        raise TypeError(f"cannot convert a {t.__qualname__} to a Java value")


def decode(data):
    value, end = _decode(memoryview(data), 0)
    if end != len(data):
        raise ValueError("trailing bytes after a Java value")
    return value


def _decode(b, i):
    tag = b[i]
    i += 1
    if tag == 0x4E:
        return None, i
    if tag == 0x54:
        return True, i
    if tag == 0x46:
        return False, i
    if tag == 0x44:
        return struct.unpack_from(">d", b, i)[0], i + 8
    if tag in (0x49, 0x53, 0x42):
        (n,) = struct.unpack_from(">I", b, i)
        i += 4
        raw = bytes(b[i:i + n])
        i += n
        if tag == 0x49:
            return int.from_bytes(raw, "big", signed=True), i
        if tag == 0x53:
            return raw.decode("utf-8", "surrogatepass"), i
        return raw, i
    if tag in (0x4C, 0x55, 0x4D):
        (n,) = struct.unpack_from(">I", b, i)
        i += 4
        if tag == 0x4D:
            d = {}
            for _ in range(n):
                k, i = _decode(b, i)
                v, i = _decode(b, i)
                d[k] = v
            return d, i
        items = []
        for _ in range(n):
            v, i = _decode(b, i)
            items.append(v)
        return (tuple(items) if tag == 0x55 else items), i
    raise ValueError(f"unknown tag {tag} in a Java value")


def _type_name(exc):
    t = type(exc)
    return t.__qualname__ if t.__module__ == "builtins" else t.__module__ + "." + t.__qualname__


def describe(exc):
    """(type, message, traceback text, exit status) of an exception that reached Java."""
    status = 1
    if isinstance(exc, SystemExit):
        code = exc.code
        if code is None:
            status = 0
        elif isinstance(code, int):
            status = code
    text = "".join(traceback.format_exception(exc))
    return encode((_type_name(exc), str(exc), text, status))


def flush(_unused=None):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def set_argv(args):
    """sys.argv and sys.path[0] as the python command sets them for its forms of program."""
    argv, path0 = args
    sys.argv = list(argv)
    sys.path.insert(0, path0)


def set_main_file(name):
    import __main__
    __main__.__file__ = name
    __main__.__cached__ = None


def exit_status(exc):
    """The status python exits with for an uncaught SystemExit (printing a non-int code, as it
    does), or None for any other exception."""
    if not isinstance(exc, SystemExit):
        return None
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    try:
        sys.stderr.write(str(code) + "\n")
        sys.stderr.flush()
    except Exception:
        pass
    return 1


def place_script(args):
    """Makes a script read from the host readable at its name inside the interpreter too, so
    tracebacks show its lines and it can read itself, unless something is already there."""
    import os
    path, source = args
    try:
        if not os.path.exists(path):
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            with open(path, "wb") as f:
                f.write(source)
    except OSError:
        pass


def set_executable(name):
    """sys.executable when CPython could not find argv[0] on PATH (there is no python binary in the
    virtual file system): the command's name, which `python -m` usage lines show."""
    if not sys.executable:
        sys.executable = name
