# hashlib digests, incremental hashing, hmac.
import hashlib, hmac
msgs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 40]
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b", "blake2s"):
    for m in msgs:
        print(name, len(m), hashlib.new(name, m).hexdigest())
print(hashlib.blake2b(b"abc", digest_size=16, key=b"secret", salt=b"salty", person=b"me").hexdigest())
print(hashlib.shake_128(b"abc").hexdigest(20), hashlib.shake_256(b"abc").hexdigest(10))
h = hashlib.sha256()
for chunk in (b"The quick ", b"brown fox ", b"jumps over the lazy dog"):
    h.update(chunk)
c = h.copy()
c.update(b"!")
print(h.hexdigest(), c.hexdigest(), h.digest_size, h.block_size, h.name)
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "sha256").hexdigest())
# pbkdf2_hmac is left out: it needs OpenSSL, which Pyodide's stdlib is built without
print(hmac.compare_digest(b"abc", b"abc"), hasattr(hashlib, "sha256"))
print(hashlib.md5(b"x", usedforsecurity=False).hexdigest(), sorted(a for a in hashlib.algorithms_guaranteed))
print(hashlib.file_digest(__import__("io").BytesIO(b"abc"), "sha1").hexdigest())
