# dataclasses: defaults, ordering, frozen, slots, asdict, replace, field options, post_init.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar, KW_ONLY
@dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list, compare=False)
    secret: str = field(default="x", repr=False)
a = Item("apple", 1.5, ["fruit"])
b = Item("apple", 0.5)
print(a, b, a == b, a > b, sorted([a, b, Item("aardvark")]))
print(asdict(a), astuple(b), replace(a, price=9.0), [f.name for f in fields(Item)])
@dataclass(frozen=True, slots=True)
class P:
    x: int
    y: int = 0
p = P(1, 2)
print(p, hash(p) == hash(P(1, 2)), {p, P(1, 2)}, P.__slots__, hasattr(p, "__dict__"))
try:
    p.x = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
@dataclass
class Rect:
    w: int
    h: int
    scale: InitVar[int] = 1
    area: int = field(init=False)
    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h
print(Rect(2, 3), Rect(2, 3, 10))
@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
print(Opts(level=3), Mixed(1, b=5))
try:
    Opts(True)
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
print(Item.__match_args__, P.__dataclass_params__.frozen)
