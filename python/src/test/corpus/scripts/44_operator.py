# operator module: itemgetter, attrgetter, methodcaller, in-place ops, and the dunder protocol.
import operator as op
from collections import namedtuple
rows = [("b", 2, 9.5), ("a", 3, 1.0), ("c", 1, 5.5)]
print(sorted(rows, key=op.itemgetter(1)), list(map(op.itemgetter(0, 2), rows)), op.itemgetter(slice(1, None))("abc"))
P = namedtuple("P", "name pos")
Pos = namedtuple("Pos", "x y")
ps = [P("p", Pos(3, 1)), P("q", Pos(1, 2))]
print(sorted(ps, key=op.attrgetter("pos.x")), op.attrgetter("name", "pos.y")(ps[0]))
print(op.methodcaller("replace", "a", "A")("banana"), op.methodcaller("split", ",", 1)("a,b,c"))
print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(-7, 3), op.pow(2, 10), op.neg(5), op.pos(-1))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.invert(5), op.lshift(1, 10), op.rshift(1024, 3), op.not_(0), op.truth([]))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1.0), op.ge(3, 4), op.gt(4, 3), op.is_(None, None), op.is_not(1, None))
print(op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.concat([1], [2]), op.length_hint(iter(range(7))))
l = [1, 2, 3, 4]
op.setitem(l, 0, 10); op.delitem(l, 1)
print(l, op.getitem(l, -1), op.index(7), op.abs(-3.5), op.matmul.__name__, op.call(len, "four"))
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd((1,), (2,)), op.imul("ab", 2), op.ior({1}, {2}), op.is_none(None), op.is_not_none(0))
class M:
    def __init__(self, v): self.v = v
    def __matmul__(self, o): return M(self.v * o.v)
    def __index__(self): return self.v
print(op.matmul(M(3), M(4)).v, op.index(M(6)), [10, 20, 30][M(1)], bin(M(5)))
