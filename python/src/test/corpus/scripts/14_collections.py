# collections: Counter, defaultdict, OrderedDict, deque, namedtuple, ChainMap.
from collections import Counter, defaultdict, OrderedDict, deque, namedtuple, ChainMap, UserDict
c = Counter("mississippi")
print(c, c.most_common(2), sorted(c.elements()), c["z"], c.total())
c2 = Counter(a=3, b=1)
print(c + c2, c - c2, c & Counter("ssx"), c | c2, +Counter(a=-1, b=2))
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd), dd["missing"], sorted(dd))
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od == OrderedDict.fromkeys("acd"))
dq = deque(range(5), maxlen=7)
dq.rotate(2); dq.appendleft(-1); dq.extend([9, 8, 7])
print(dq, dq.popleft(), dq.pop(), dq.count(9), dq.index(0), dq.maxlen)
Point = namedtuple("Point", "x y", defaults=[0])
p = Point(3)
print(p, p._asdict(), p._replace(y=5), Point._fields, Point._make([1, 2]), p.x + p[1])
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], dict(cm), cm.new_child({"c": 4}).maps, len(cm))
class LowerDict(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
ld = LowerDict(); ld["ABC"] = 1
print(ld, "abc" in ld)
d = {"x": 1}; d |= {"y": 2}
print(d, {"a": 1} | {"a": 2}, list(reversed({"p": 1, "q": 2})))
