# Generators: yield from, send, close, generator expressions, StopIteration value.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
print(list(countdown(5)), sum(x * x for x in range(10)), max((len(w), w) for w in "a bb ccc".split()))
def delegator():
    result = yield from countdown(3)
    yield result
print(list(delegator()))
def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
acc = accumulator()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("StopIteration value", e.value)
def closing():
    try:
        while True:
            yield "tick"
    except GeneratorExit:
        print("generator closed")
        raise
g = closing(); next(g); g.close()
print(g.gi_frame, g.gi_running)
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"handled {e}"
t = thrower(); next(t)
print(t.throw(ValueError("boom")))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
gen = (i for i in range(3))
print(list(gen), list(gen), type(gen).__name__)
def inner():
    yield 1
    raise StopIteration("x")
try:
    list(inner())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
class Tree:
    def __init__(self, v, *kids): self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
print(list(Tree(1, Tree(2, Tree(3)), Tree(4))))
print([(x, y) for x in range(3) for y in range(x)], {x: x ** 2 for x in range(4)}, sorted({c for c in "hello"}))
