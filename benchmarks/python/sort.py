# Sorting 1e5 items: ints, floats via a key function, strings, and tuples (each list built before the timed part,
# copied inside it so every pass sorts the same unsorted data).
import json
import time

state = 777


def rnd():
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state


N = 100_000
ints = [rnd() for _ in range(N)]
strs = ["%x" % (rnd() * 31) for _ in range(N)]
pairs = [(rnd() % 1000, rnd() % 1000) for _ in range(N)]


def workload():
    a = sorted(ints)
    b = sorted(ints, key=lambda v: (v % 1000) / 7.0)
    c = sorted(strs)
    d = sorted(pairs, reverse=True)
    return [a[0], a[N // 2], b[0], c[N // 3], list(d[17])]


for p in (1, 2, 3):
    t0 = time.perf_counter()
    result = workload()
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"workload": "sort", "pass": p, "ms": round(ms, 3), "check": result}), flush=True)
