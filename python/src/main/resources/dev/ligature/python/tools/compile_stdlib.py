# Adds an unchecked-hash .pyc beside every .py of the standard library zip, compiled by the
# interpreter running this (so magic number and code format match it). The code objects carry the
# file names zipimport gives sources it compiles itself ("<archive>/<name>.py"), so tracebacks read
# the same either way. Entries are stored uncompressed: zipimport then reads them without inflating.
import importlib._bootstrap_external as _external
import importlib.util
import zipfile


def build(src, dst):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, data)
            if info.filename.endswith(".py"):
                code = compile(data, src + "/" + info.filename, "exec", dont_inherit=True)
                pyc = _external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
                zout.writestr(info.filename + "c", bytes(pyc))
