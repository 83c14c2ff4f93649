# Encoding and decoding with every error handler.
text = "Ünïcödé ☃ 😀 \udcff"
for enc in ("ascii", "latin-1", "utf-8", "cp1252"):
    for errors in ("replace", "ignore", "xmlcharrefreplace", "backslashreplace", "namereplace"):
        try:
            print(enc, errors, text[:-1].encode(enc, errors))
        except Exception as e:
            print(enc, errors, type(e).__name__, e)
print(text.encode("utf-8", "surrogateescape"))
print(text.encode("utf-8", "surrogatepass"))
data = b"abc\xff\xfe\xc3\xa9\xe2\x98"
for errors in ("replace", "ignore", "backslashreplace", "surrogateescape"):
    print(errors, ascii(data.decode("utf-8", errors)))
try:
    data.decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e, e.start, e.end, e.reason)
try:
    "☃".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
for enc in ("utf-16", "utf-16-be", "utf-32-le", "utf-8-sig", "idna", "punycode", "rot13"):
    import codecs
    print(enc, codecs.encode("bücher", enc))
print(b"\xef\xbb\xbfhi".decode("utf-8-sig"), "münchen.de".encode("idna"), codecs.decode(b"xn--mnchen-3ya", "punycode"))
print(bytes.fromhex("48 65 6c 6c 6f").decode(), "héllo".encode().hex(" "), bytearray(b"abc").upper())
