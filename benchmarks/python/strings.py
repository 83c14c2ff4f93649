# String building: join over a generator, += concatenation, f-strings and %-formatting, str methods (upper,
# replace, split, strip), io.StringIO writes, and encode to UTF-8.
import io
import json
import time


def workload():
    parts = []
    for i in range(50_000):
        parts.append(f"{i:06d}:{i * 3 % 97:>3}|")
    joined = "".join(parts)
    s = ""
    for i in range(20_000):
        s += "k%d=%s;" % (i, "é" if i % 3 == 0 else "e")
    buf = io.StringIO()
    for line in joined.split("|")[:30_000]:
        buf.write(line.strip().upper().replace(":", " = "))
        buf.write("\n")
    out = buf.getvalue()
    encoded = (s + out).encode("utf-8")
    return [len(joined), len(s), len(out), len(encoded), out.count("0")]


for p in (1, 2, 3):
    t0 = time.perf_counter()
    result = workload()
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"workload": "strings", "pass": p, "ms": round(ms, 3), "check": result}), flush=True)
