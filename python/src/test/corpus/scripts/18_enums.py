# enum: Enum, IntEnum, Flag, StrEnum, auto, unique, iteration, lookup.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(list(Color), Color(1), Color["GREEN"], Color.CRIMSON is Color.RED, Color.RED.name, Color.RED.value)
print(repr(Color.BLUE), str(Color.BLUE), f"{Color.BLUE}", list(Color.__members__), Color.RED in Color)
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), int(rw), Perm.R in rw, Perm.X in rw, list(rw), ~Perm.R, Perm(7))
class Shape(enum.Flag):
    ROUND = enum.auto()
    RED = enum.auto()
    BIG = enum.auto()
print(Shape.ROUND | Shape.BIG, [m.value for m in Shape], bool(Shape(0)), repr(Shape.RED & Shape.BIG))
class Level(enum.IntEnum):
    LOW = 10
    HIGH = 20
print(Level.LOW < Level.HIGH, Level.HIGH + 1, sorted([Level.HIGH, 15, Level.LOW]), Level(20).name, str(Level.LOW), format(Level.LOW))
class Mode(enum.StrEnum):
    READ = enum.auto()
    WRITE = "w"
print(Mode.READ, Mode.WRITE.upper(), Mode("w"), Mode.READ == "read", repr(Mode.READ))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.371e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass, self.radius = mass, radius
    @property
    def gravity(self):
        return round(6.674e-11 * self.mass / self.radius ** 2, 2)
print([(p.name, p.gravity) for p in Planet])
Animal = enum.Enum("Animal", "CAT DOG")
print(list(Animal), Animal.DOG.value, type(Color.RED).__name__, isinstance(Color.RED, Color))
