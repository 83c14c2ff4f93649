# copy (shallow/deep, __deepcopy__) and pickle round trips for all protocols.
import copy, pickle, pickletools
from dataclasses import dataclass
from collections import OrderedDict
@dataclass
class Node:
    value: int
    children: list
class Custom:
    def __init__(self, x): self.x = x; self.cache = "big"
    def __getstate__(self): return {"x": self.x}
    def __setstate__(self, st): self.x = st["x"]; self.cache = "rebuilt"
    def __eq__(self, o): return isinstance(o, Custom) and self.x == o.x
tree = Node(1, [Node(2, []), Node(3, [Node(4, [])])])
shallow, deep = copy.copy(tree), copy.deepcopy(tree)
tree.children[0].value = 20
print(shallow.children[0].value, deep.children[0].value, shallow.children is tree.children, deep == tree)
shared = [1, 2]
outer = [shared, shared]
d = copy.deepcopy(outer)
print(d[0] is d[1], d[0] is shared)
cyc = [1]; cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, copy.copy({"a": [1]})["a"] is not None, copy.replace(Node(1, []), value=9))
objs = [None, True, 1, -2**100, 3.5, 1 + 2j, "str é☃", b"bytes", bytearray(b"ba"), (1, (2,)), [1, [2]], {"k": {1, 2}}, frozenset("ab"),
        OrderedDict(a=1), Node(5, [Node(6, [])]), Custom(7), range(1, 10, 2), slice(1, 5), Ellipsis, NotImplemented, int, len]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps(objs, protocol=proto))
    print(proto, back == objs, [type(o).__name__ for o in back][-8:], back[15].cache)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, len(pickle.dumps(list(range(100)), protocol=4)))
print(pickle.dumps((1, "a", [2.5]), protocol=2).hex())
print(pickle.dumps({"a": [1, 2], "b": (3,)}, protocol=5).hex())
ops = [op.name for op, arg, pos in pickletools.genops(pickle.dumps([1, "x"], protocol=3))]
print(ops)
try:
    pickle.dumps(lambda: 1)
except (pickle.PicklingError, AttributeError) as e:
    print(type(e).__name__)
try:
    pickle.loads(b"garbage")
except pickle.UnpicklingError as e:
    print("UnpicklingError:", e)
