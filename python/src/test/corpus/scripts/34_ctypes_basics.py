# ctypes: fixed-width arithmetic wrap-around, structures, unions, arrays, pointers, byref.
import ctypes as C
print(C.c_int(2**31 - 1).value + 1, C.c_int(2**31).value, C.c_uint8(300).value, C.c_int16(-40000).value, C.c_uint32(-1).value)
print(C.sizeof(C.c_int), C.sizeof(C.c_int64), C.sizeof(C.c_double), C.sizeof(C.c_char), C.sizeof(C.c_bool))
class Point(C.Structure):
    _fields_ = [("x", C.c_int), ("y", C.c_int)]
class Rect(C.Structure):
    _fields_ = [("tl", Point), ("br", Point), ("flags", C.c_uint8), ("scale", C.c_double)]
r = Rect(Point(1, 2), Point(10, 20), 3, 0.5)
print(r.tl.x, r.br.y, r.flags, r.scale, C.sizeof(Point), C.sizeof(Rect), Rect.scale.offset, Rect.flags.offset)
print(bytes(Point(1, -1)).hex(), Point.from_buffer_copy(bytes.fromhex("0700000008000000")).y)
class Bits(C.Structure):
    _fields_ = [("a", C.c_uint32, 3), ("b", C.c_uint32, 5), ("c", C.c_uint32, 24)]
bits = Bits(5, 17, 1000)
print(bits.a, bits.b, bits.c, bytes(bits).hex())
class U(C.Union):
    _fields_ = [("i", C.c_uint32), ("f", C.c_float), ("b", C.c_uint8 * 4)]
u = U(); u.f = 1.0
print(hex(u.i), list(u.b))
arr = (C.c_int * 5)(5, 3, 9, 1, 7)
print(list(arr), len(arr), arr[2], sum(arr), C.sizeof(arr))
arr[0] = 100
print(arr[:], (C.c_double * 2)(1.5, 2.5)[1])
n = C.c_int(41)
ptr = C.pointer(n)
ptr.contents.value += 1
print(n.value, ptr[0], C.cast(ptr, C.c_void_p).value != 0)
buf = C.create_string_buffer(b"hello", 10)
print(buf.raw, buf.value, C.sizeof(buf), C.string_at(buf), C.string_at(C.addressof(buf), 3))
C.memmove(buf, b"HE", 2)
C.memset(C.addressof(buf) + 5, ord("!"), 1)
print(buf.value)
w = C.create_unicode_buffer("wide ☃")
print(w.value, C.sizeof(C.c_wchar))
libc = C.CDLL(None)
print(libc.strlen(b"ligature"), libc.abs(-17), libc.atoi(b"1234"))
libc.strtol.restype = C.c_long
libc.strtol.argtypes = [C.c_char_p, C.POINTER(C.c_char_p), C.c_int]
end = C.c_char_p()
print(libc.strtol(b"ff rest", C.byref(end), 16), end.value)
print(C.c_int.__name__, type(C.c_char_p(b"x").value).__name__, C.c_float(0.1).value, C.c_bool(7).value)
