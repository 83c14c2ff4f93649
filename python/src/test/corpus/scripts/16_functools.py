# functools: lru_cache, partial, reduce, singledispatch, total_ordering, cached_property, wraps.
import functools
@functools.lru_cache(maxsize=32)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib(10), fib.cache_info().misses)
@functools.cache
def sq(x):
    return x * x
print([sq(i) for i in (1, 2, 1)], sq.cache_info())
p = functools.partial(int, base=2)
print(p("1011"), p.func.__name__, p.keywords, functools.partial(pow, 2)(10))
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(lambda a, b: a + b, [], "start"))
@functools.singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return "list of " + ", ".join(describe(i) for i in x)
print(describe(5), describe("s"), describe([1, "a", 2.5]), describe(True))
@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version(1, 2), Version(1, 10), Version(0, 9)]
print(sorted(vs), Version(1, 2) >= Version(1, 1), Version(1) <= Version(1), max(vs))
class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print("computing area")
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, "area" in vars(c))
def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return ("wrapped", f(*a, **k))
    return wrapper
@deco
def greet(name):
    "Say hi."
    return "hi " + name
print(greet("bob"), greet.__name__, greet.__doc__, greet.__wrapped__("x"))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))
