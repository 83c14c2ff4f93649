# Sorting: stability, keys, reverse, multi-pass sorts, sort of mixed/NaN values.
records = [("bob", 25, "b"), ("alice", 30, "a"), ("carol", 25, "c"), ("dave", 30, "d"), ("eve", 22, "e"), ("frank", 25, "f")]
by_age = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_age])
print([r[0] for r in sorted(records, key=lambda r: r[1], reverse=True)])
two_pass = sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[1])
print([r[0] for r in two_pass] == [r[0] for r in sorted(records, key=lambda r: (r[1], r[0]))])
words = "The quick Brown fox Jumps over the lazy Dog".split()
print(sorted(words), sorted(words, key=str.casefold), sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)))
data = [3, 1, 2]
data.sort(reverse=True)
print(data, sorted("bca"), sorted({3: "x", 1: "y"}), sorted([(1, "b"), (1, "a"), (0, "z")]))
big = [(i * 7919) % 1000 for i in range(2000)]
s = sorted(big)
print(s[:5], s[-5:], all(a <= b for a, b in zip(s, s[1:])))
pairs = [(k % 10, i) for i, k in enumerate(big)]
stable = sorted(pairs, key=lambda p: p[0])
print(all(a[1] < b[1] for a, b in zip(stable, stable[1:]) if a[0] == b[0]))
print(sorted([1.5, float("inf"), -2, 0, float("-inf")]), min("abc", key=ord), max([], default="empty"))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K({self.v})"
print(sorted([K(3), K(1), K(2)]), list(reversed(sorted(range(5)))))
