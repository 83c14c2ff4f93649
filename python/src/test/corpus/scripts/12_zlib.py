# zlib/gzip/bz2-free compression round trips and checksums.
import zlib, gzip, io
data = (b"Ligature runs Pyodide on the JVM. " * 50) + bytes(range(256))
for level in (0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.decompress(c) == data, c[:2].hex())
print(zlib.crc32(data), zlib.adler32(data), zlib.crc32(b"hello", 12345), hex(zlib.crc32(b"")))
co = zlib.compressobj(9, zlib.DEFLATED, -15)
raw = co.compress(data) + co.flush()
print(len(raw), zlib.decompress(raw, -15) == data)
d = zlib.decompressobj()
full = zlib.compress(data)
out = b"".join(d.decompress(full[i:i + 17]) for i in range(0, len(full), 17)) + d.flush()
print(out == data, d.eof, d.unused_data)
g = gzip.compress(data, mtime=0)
print(len(g), g[:4].hex(), gzip.decompress(g) == data)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as f:
    f.write(b"streamed text\n" * 3)
print(buf.getvalue().hex()[:40], gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue())).read())
try:
    zlib.decompress(b"not compressed")
except zlib.error as e:
    print("zlib.error:", e)
print(zlib.ZLIB_VERSION[:2], zlib.MAX_WBITS)
