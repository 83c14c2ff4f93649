# heapq and bisect.
import heapq, bisect
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data, heapq.nlargest(3, [9, 4, 7, 1, 8]), heapq.nsmallest(2, ["pear", "fig", "apple"], key=len))
print(heapq.heappushpop([1, 5, 9], 3), heapq.heapreplace([1, 5, 9], 7), list(heapq.merge([1, 4, 7], [2, 5], [0, 9])))
tasks = []
for prio, order, name in [(2, 0, "write"), (1, 1, "read"), (2, 2, "close"), (0, 3, "open")]:
    heapq.heappush(tasks, (prio, order, name))
print([heapq.heappop(tasks)[2] for _ in range(4)])
a = [1, 2, 4, 4, 4, 8, 16]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 100))
bisect.insort(a, 5); bisect.insort_left(a, 4)
print(a)
grades = [bisect.bisect([60, 70, 80, 90], s) for s in (33, 60, 75, 99)]
print(["FDCBA"[g] for g in grades])
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 4, key=lambda r: r[1]))
print(list(heapq.merge(["b", "d"], ["a", "c"], key=str.upper, reverse=False)), heapq.nlargest(2, {"x": 3, "y": 9, "z": 1}.items(), key=lambda kv: kv[1]))
