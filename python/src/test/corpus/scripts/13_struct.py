# struct with standard sizes (little/big endian), pack_into/unpack_from, iter_unpack.
import struct
fmt = "<bBhHiIqQfd?"
vals = (-1, 255, -300, 65000, -70000, 4000000000, -2**63, 2**64 - 1, 1.5, -2.25, True)
packed = struct.pack(fmt, *vals)
print(struct.calcsize(fmt), packed.hex(), struct.unpack(fmt, packed))
print(struct.pack(">I", 0xDEADBEEF).hex(), struct.pack("<I", 0xDEADBEEF).hex(), struct.pack("!h", -2).hex())
print(struct.pack("<5s3x2p", b"hi", b"abc").hex(), struct.unpack("<4s", b"abcd"), struct.pack("<e", 0.1).hex())
print(struct.unpack("<f", struct.pack("<f", 0.1))[0], struct.unpack(">d", bytes.fromhex("400921fb54442d18")))
buf = bytearray(12)
struct.pack_into("<HiH", buf, 2, 7, -1, 9)
print(buf.hex(), struct.unpack_from("<i", buf, 4), list(struct.iter_unpack("<H", b"\x01\x00\x02\x00\x03\x00")))
s = struct.Struct(">3sHxI")
print(s.size, s.format, s.pack(b"abc", 513, 7).hex(), s.unpack(s.pack(b"xyz", 1, 2)))
for bad in [("<h", 40000), ("<B", -1), ("<i", "x")]:
    try:
        struct.pack(*bad)
    except struct.error as e:
        print("struct.error:", e)
try:
    struct.unpack("<I", b"abc")
except struct.error as e:
    print("struct.error:", e)
