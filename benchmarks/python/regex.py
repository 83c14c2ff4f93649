# Regular expressions over about 1 MB of generated text: findall with alternation and classes, finditer with
# groups, sub with a backreference, and split.
import json
import re
import time

state = 2024


def rnd():
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state


SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "xe", "zu", "qua", "bri"]


def build(size):
    parts = []
    total = 0
    while total < size:
        r = rnd() % 20
        if r == 0:
            w = "user%d@host%d.example.org" % (rnd() % 1000, rnd() % 50)
        elif r == 1:
            w = "%d-%02d-%02d" % (1990 + rnd() % 35, 1 + rnd() % 12, 1 + rnd() % 28)
        elif r == 2:
            w = str(rnd() % 100000)
        else:
            w = "".join(SYLLABLES[rnd() % len(SYLLABLES)] for _ in range(1 + rnd() % 4))
            if r == 3:
                w = w.capitalize()
        sep = "\n" if rnd() % 13 == 0 else (", " if rnd() % 7 == 0 else " ")
        parts.append(w + sep)
        total += len(w) + len(sep)
    return "".join(parts)


text = build(1_000_000)
EMAIL = re.compile(r"\b[\w.]+@[\w]+(?:\.[\w]+)+\b")
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
CAPWORD = re.compile(r"\b[A-Z][a-z]+\b")
NUMBER = re.compile(r"\b\d+\b")


def workload():
    emails = EMAIL.findall(text)
    years = 0
    for m in DATE.finditer(text):
        years += int(m.group(1))
    caps = len(CAPWORD.findall(text))
    swapped = DATE.sub(r"\3/\2/\1", text)
    numbers = sum(1 for _ in NUMBER.finditer(swapped))
    lines = re.split(r"\n+", text)
    return [len(emails), years, caps, numbers, len(lines), len(swapped)]


for p in (1, 2, 3):
    t0 = time.perf_counter()
    result = workload()
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"workload": "regex", "pass": p, "ms": round(ms, 3), "check": result}), flush=True)
