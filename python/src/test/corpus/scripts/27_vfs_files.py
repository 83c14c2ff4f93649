# Files in the VFS under /tmp: write/read/append/seek, text vs binary, errno values.
import os, errno
base = "/tmp/corpus_files"
os.makedirs(base, exist_ok=True)
path = os.path.join(base, "data.txt")
with open(path, "w", encoding="utf-8") as f:
    print(f.write("first line\n"), f.write("ünïcödé ☃\n"), f.tell())
with open(path, "a", encoding="utf-8") as f:
    f.write("appended\n")
with open(path, encoding="utf-8") as f:
    print(f.readlines())
with open(path, "rb") as f:
    head = f.read(5)
    f.seek(-9, os.SEEK_END)
    print(head, f.read(), f.tell(), f.seek(0, os.SEEK_CUR))
with open(path, "r+b") as f:
    f.seek(0)
    f.write(b"FIRST")
    f.truncate(20)
print(open(path, "rb").read(), os.path.getsize(path), os.stat(path).st_size)
with open(path, "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open(path, "rb").read(), repr(open(path, newline="").read()), repr(open(path).read()))
for fn, arg in [(open, "/tmp/corpus_files/missing.txt"), (os.remove, "/tmp/nope/x"), (os.rmdir, base), (os.mkdir, base), (open, base)]:
    try:
        fn(arg)
    except OSError as e:
        print(fn.__name__, type(e).__name__, e.errno, errno.errorcode[e.errno], e.strerror, e.filename)
print([(name, getattr(errno, name), os.strerror(getattr(errno, name))) for name in ("ENOENT", "EEXIST", "EISDIR", "ENOTDIR", "ENOTEMPTY", "EACCES", "EBADF", "EINVAL")])
try:
    os.close(9999)
except OSError as e:
    print("close", e.errno, e.strerror)
fd = os.open(path, os.O_RDONLY)
print(os.read(fd, 3), os.lseek(fd, 0, os.SEEK_END), os.fstat(fd).st_size)
os.close(fd)
try:
    with open(path, "x") as f:
        pass
except FileExistsError as e:
    print("FileExistsError", e.errno)
print(os.path.exists(path), os.path.isfile(path), os.path.isdir(base), os.path.splitext(path), os.path.basename(path))
