# Integer loops: a for loop over range and a while loop, with int arithmetic, comparisons and bit operations.
import json
import time


def workload():
    n = 1_000_000
    acc = 0
    for i in range(n):
        acc = (acc + i * i) % 1_000_003
        if i & 7 == 3:
            acc ^= i
    j = 0
    k = 0
    while j < n:
        k += j >> 3
        j += 1
    return acc + k


for p in (1, 2, 3):
    t0 = time.perf_counter()
    result = workload()
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"workload": "loop", "pass": p, "ms": round(ms, 3), "check": result}), flush=True)
