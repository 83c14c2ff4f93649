# typing at runtime: get_type_hints, get_origin/get_args, TypedDict, Protocol, generics, NewType, Literal.
import typing as T
from typing import TypedDict, Protocol, NamedTuple, Generic, TypeVar, Literal, NewType, Optional, Union, runtime_checkable, Annotated
class Movie(TypedDict, total=False):
    title: str
    year: int
class Required(TypedDict):
    name: str
    tags: list[str]
print(Movie.__required_keys__, sorted(Movie.__optional_keys__), sorted(Required.__required_keys__), Required(name="x", tags=[]))
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class File:
    def close(self): pass
print(isinstance(File(), Closer), isinstance(1, Closer))
K = TypeVar("K")
V = TypeVar("V", bound=int)
class Box(Generic[K]):
    def __init__(self, item: K): self.item = item
print(Box[int], Box[int](3).item, Box.__parameters__, T.get_origin(Box[str]), T.get_args(Box[str]))
class Pair[A, B]:
    def __init__(self, a: A, b: B): self.a, self.b = a, b
type IntList = list[int]
print(Pair.__type_params__, IntList.__value__, IntList.__name__, Pair[int, str])
def f(a: int, b: Optional[str] = None, *args: float, c: "list[int]" = [], **kw: dict[str, int]) -> Union[int, str]:
    return a
print(T.get_type_hints(f))
print(T.get_origin(list[int]), T.get_args(dict[str, list[int]]), T.get_origin(int | None), T.get_args(int | str), T.get_args(Literal["a", 1]))
UserId = NewType("UserId", int)
print(UserId(5), UserId.__supertype__, UserId.__name__)
class Emp(NamedTuple):
    name: str
    id: int = 3
print(Emp("a"), Emp.__annotations__, Emp._field_defaults)
def g(x: Annotated[int, "meta"]) -> None: ...
print(T.get_type_hints(g, include_extras=True), T.get_type_hints(g))
print(T.cast(int, "not checked"), T.assert_type(5, int), T.reveal_type.__name__, isinstance([], T.Iterable), int | str)
@T.final
class Final: pass
@T.overload
def h(x: int) -> int: ...
@T.overload
def h(x: str) -> str: ...
def h(x): return x
print(h("ok"), len(T.get_overloads(h)), Final.__final__, T.TYPE_CHECKING)
class Node:
    next: "Node | None"
    value: int
print(T.get_type_hints(Node), Node.__annotations__)
