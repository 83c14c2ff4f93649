# Recursive calls: naive Fibonacci, so nearly all the time is Python-to-Python calls and small-int arithmetic.
import json
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def workload():
    return fib(27)


for p in (1, 2, 3):
    t0 = time.perf_counter()
    result = workload()
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"workload": "fib", "pass": p, "ms": round(ms, 3), "check": result}), flush=True)
