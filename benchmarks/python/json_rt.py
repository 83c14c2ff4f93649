# json: dumps and loads of a structure of about 1 MB (nested dicts and lists of str, int, float, bool, None),
# built deterministically by a linear congruential generator before the timed part.
import json
import time

state = 12345


def rnd():
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state


WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
         "ünïcödé", "naïve", "quote\"d", "tab\there", "línea\nnueva"]


def build():
    records = []
    for i in range(5300):
        records.append({
            "id": i,
            "name": WORDS[rnd() % len(WORDS)] + "-" + str(rnd() % 10000),
            "score": (rnd() % 1000000) / 1000.0,
            "active": rnd() % 2 == 0,
            "parent": None if i % 5 == 0 else rnd() % (i + 1),
            "tags": [WORDS[rnd() % len(WORDS)] for _ in range(rnd() % 6)],
            "point": {"x": rnd() % 1000 - 500, "y": (rnd() % 100000) / 7.0, "z": [rnd() % 100 for _ in range(4)]},
        })
    return {"version": 3, "records": records}


data = build()


def workload():
    text = json.dumps(data)
    back = json.loads(text)
    assert back == data
    return len(text)


for p in (1, 2, 3):
    t0 = time.perf_counter()
    result = workload()
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"workload": "json", "pass": p, "ms": round(ms, 3), "check": result}), flush=True)
