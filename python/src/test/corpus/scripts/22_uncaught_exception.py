# An uncaught exception with a cause: traceback on stderr, exit status 1, stdout kept.
import sys
def parse(text):
    return int(text)
def load(values):
    out = []
    for v in values:
        try:
            out.append(parse(v))
        except ValueError as e:
            raise RuntimeError(f"cannot load {v!r}") from e
    return out
print("before the failure")
sys.stdout.flush()
print("loaded", load(["1", "2"]))
load(["3", "four"])
print("never printed")
