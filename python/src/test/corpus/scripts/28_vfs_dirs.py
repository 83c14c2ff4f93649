# Directories in the VFS: makedirs, listdir (sorted), walk, rename, unlink, stat sizes, pathlib, shutil.
import os, shutil, stat
from pathlib import Path
root = "/tmp/corpus_tree"
os.makedirs(os.path.join(root, "a", "b", "c"))
os.makedirs(os.path.join(root, "a", "b"), exist_ok=True)
for rel, size in [("a/one.txt", 10), ("a/b/two.bin", 2048), ("a/b/c/three.txt", 0), ("top.txt", 5)]:
    with open(os.path.join(root, rel), "wb") as f:
        f.write(b"x" * size)
print(sorted(os.listdir(root)), sorted(os.listdir(os.path.join(root, "a"))))
for dirpath, dirnames, filenames in sorted(os.walk(root)):
    print(dirpath, sorted(dirnames), sorted(filenames))
for rel in ("a/one.txt", "a/b/two.bin", "a/b/c/three.txt"):
    st = os.stat(os.path.join(root, rel))
    print(rel, st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), oct(stat.S_IMODE(st.st_mode) & 0o600))
print(stat.S_ISDIR(os.stat(root).st_mode), os.path.getsize(os.path.join(root, "top.txt")))
os.rename(os.path.join(root, "top.txt"), os.path.join(root, "a", "moved.txt"))
os.replace(os.path.join(root, "a", "one.txt"), os.path.join(root, "a", "moved.txt"))
print(sorted(os.listdir(os.path.join(root, "a"))), os.path.getsize(os.path.join(root, "a", "moved.txt")))
os.unlink(os.path.join(root, "a", "moved.txt"))
try:
    os.unlink(os.path.join(root, "a", "moved.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, os.strerror(e.errno))
try:
    os.rmdir(os.path.join(root, "a"))
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    os.makedirs(os.path.join(root, "a"))
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror)
try:
    os.listdir(os.path.join(root, "a", "b", "two.bin"))
except NotADirectoryError as e:
    print("NotADirectoryError", e.errno, e.strerror)
p = Path(root) / "a" / "b"
print(sorted(x.name for x in p.iterdir()), sorted(str(x.relative_to(root)) for x in Path(root).rglob("*.txt")))
(p / "new.txt").write_text("hello pathlib")
print((p / "new.txt").read_text(), (p / "new.txt").stat().st_size, p.suffix, (p / "new.txt").suffix, p.parent.name, p.parts)
shutil.copy(p / "new.txt", p / "copy.txt")
shutil.copytree(os.path.join(root, "a"), os.path.join(root, "a2"))
print(sorted(os.listdir(os.path.join(root, "a2", "b"))))
shutil.rmtree(os.path.join(root, "a"))
print(sorted(os.listdir(root)), os.path.exists(os.path.join(root, "a")))
print(os.getcwd(), os.path.abspath("rel.txt"), os.path.normpath("/tmp//x/../y/./z"), os.path.join("a", "/b", "c"))
os.chdir(root)
print(os.getcwd(), sorted(os.listdir(".")), os.path.realpath("a2/b/.."))
