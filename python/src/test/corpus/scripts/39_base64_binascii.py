# base64 variants and binascii.
import base64, binascii
data = bytes(range(0, 256, 7)) + "é☃".encode()
for enc in (base64.b64encode, base64.urlsafe_b64encode, base64.b32encode, base64.b32hexencode, base64.b16encode, base64.b85encode, base64.a85encode):
    e = enc(data)
    print(enc.__name__, e)
print(base64.b64decode(base64.b64encode(data)) == data, base64.b32decode(base64.b32encode(b"x")), base64.a85decode(base64.a85encode(data)) == data)
print(base64.b64encode(b"ab"), base64.b64encode(b"a"), base64.b64decode("YWJj"), base64.b64decode(b"YW Jj\n", validate=False))
print(base64.encodebytes(b"x" * 60), base64.standard_b64encode(b"\xfb\xff"), base64.urlsafe_b64decode("-_8="))
try:
    base64.b64decode("abc")
except binascii.Error as e:
    print("binascii.Error:", e)
try:
    base64.b64decode("ab$c", validate=True)
except binascii.Error as e:
    print("binascii.Error:", e)
print(binascii.hexlify(b"\x00\xffhi"), binascii.hexlify(b"abcdef", "-", 2), binascii.unhexlify("4c6967"), binascii.b2a_base64(b"hi", newline=False))
print(binascii.crc32(b"hello world"), binascii.crc_hqx(b"hello", 0), binascii.a2b_qp(b"caf=C3=A9"), binascii.b2a_qp("café".encode()))
print(binascii.b2a_uu(b"uuencode me"), binascii.a2b_uu(binascii.b2a_uu(b"round")))
try:
    binascii.unhexlify("abc")
except binascii.Error as e:
    print("binascii.Error:", e)
