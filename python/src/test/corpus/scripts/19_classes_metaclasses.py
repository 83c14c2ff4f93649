# Classes: MRO, super, __init_subclass__, metaclasses, __slots__, class decorators, __set_name__.
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", name.lower())
        mcls.classes.append(name)
        return cls
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj.created_by = "Registry"
        return obj
class Base(metaclass=Registry):
    def __init__(self, v):
        self.v = v
class Child(Base, tag="kid"):
    pass
c = Child(3)
print(Registry.classes, Base.tag, Child.tag, c.v, c.created_by, type(Child).__name__)
class A:
    def hello(self): return "A"
class B(A):
    def hello(self): return "B>" + super().hello()
class C(A):
    def hello(self): return "C>" + super().hello()
class D(B, C):
    def hello(self): return "D>" + super().hello()
print(D().hello(), [k.__name__ for k in D.__mro__])
try:
    class X(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class Plugin:
    plugins = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__
        Plugin.plugins.append(cls.plugin_name)
class Csv(Plugin, name="csv"): pass
class Xml(Plugin): pass
print(Plugin.plugins)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
try:
    s.c = 2
except AttributeError as e:
    print("AttributeError:", e)
class Vec:
    def __init__(self, *xs): self.xs = xs
    def __add__(self, o): return Vec(*(a + b for a, b in zip(self.xs, o.xs)))
    def __mul__(self, k): return Vec(*(a * k for a in self.xs))
    __rmul__ = __mul__
    def __eq__(self, o): return self.xs == o.xs
    __hash__ = None
    def __len__(self): return len(self.xs)
    def __getitem__(self, i): return self.xs[i]
    def __repr__(self): return f"Vec{self.xs}"
    def __bool__(self): return any(self.xs)
v = Vec(1, 2) + Vec(3, 4)
print(v, 2 * v, v * 3, len(v), list(v), v[-1], bool(Vec(0, 0)), v == Vec(4, 6), Vec.__hash__)
Dyn = type("Dyn", (object,), {"x": 5, "double": lambda self: self.x * 2})
print(Dyn().double(), Dyn.__name__, Dyn.__qualname__, isinstance(Dyn, type), issubclass(bool, int))
class Meta(type):
    def __repr__(cls): return f"<class {cls.__name__} via Meta>"
    @property
    def upper_name(cls): return cls.__name__.upper()
class M(metaclass=Meta): pass
print(repr(M), M.upper_name, type(M), type(type))
class WithClassMethods:
    count = 0
    @classmethod
    def make(cls): cls.count += 1; return cls()
    @staticmethod
    def util(x): return x + 1
WithClassMethods.make(); WithClassMethods.make()
print(WithClassMethods.count, WithClassMethods.util(1), WithClassMethods().util(2))
