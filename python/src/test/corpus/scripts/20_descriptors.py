# Descriptors: data vs non-data, __set_name__, property, __getattr__/__getattribute__.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name, self.age = name, age
p = Person("Ann", 30)
print(p.name, p.age, Person.name.owner, Person.age.name, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
class NonData:
    def __get__(self, obj, t=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance"
print(h.attr)
class Temp:
    def __init__(self): self._c = 0.0
    @property
    def f(self):
        "Fahrenheit"
        return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v): self._c = (v - 32) * 5 / 9
    @f.deleter
    def f(self): print("deleting f")
t = Temp(); t.f = 212
print(t._c, t.f, Temp.f.__doc__)
del t.f
try:
    Temp.f.fset = None
except AttributeError as e:
    print("AttributeError:", e)
class Lazy:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name * 2
        raise AttributeError(name)
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
l = Lazy()
print(l.xy, l.secret, getattr(l, "nope", "default"), hasattr(l, "zzz"))
class Bound:
    def m(self): return self
b = Bound()
print(Bound.__dict__["m"].__get__(b) == b.m, b.m.__self__ is b, type(b.m).__name__, type(Bound.m).__name__)
class Counter:
    __slots__ = ("n",)
print(type(Counter.n).__name__, classmethod(lambda c: c).__get__(None, int)(), staticmethod(len).__get__(None, int)("abc"))
