# Exceptions caught and printed: chaining, notes, groups, tracebacks printed to stdout.
import sys, traceback
def level3(x):
    return {"a": 1}[x]
def level2(x):
    try:
        return level3(x)
    except KeyError as e:
        raise ValueError(f"bad key {x!r}") from e
def level1():
    return level2("zz")
try:
    level1()
except ValueError:
    traceback.print_exc(file=sys.stdout)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][1]
except IndexError as e:
    print(traceback.format_exc(), end="")
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    raise KeyError("k")
except KeyError as e:
    e.add_note("first note")
    e.add_note("second note")
    print("".join(traceback.format_exception(e)), end="")
try:
    raise ExceptionGroup("many", [ValueError("v"), TypeError("t"), ExceptionGroup("inner", [OSError(2, "nf")])])
except* ValueError as eg:
    print("caught ValueError group:", eg.exceptions)
except* (TypeError, OSError) as eg:
    print("caught rest:", [type(x).__name__ for x in eg.exceptions])
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise AppError(42, "custom failure")
except Exception as e:
    print(e, repr(e), e.args, isinstance(e, AppError))
def gen_finally():
    try:
        yield 1
    finally:
        print("finally ran")
for v in gen_finally():
    print("got", v)
def f():
    try:
        return "try"
    finally:
        print("cleanup before return")
print(f())
print(traceback.format_exception_only(SyntaxError("bad syntax", ("f.py", 3, 5, "x = = 1\n", 3, 6))), end="")
try:
    compile("def f(:\n  pass", "<snippet>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.filename)
for exc_type in (ArithmeticError, LookupError, OSError):
    print(exc_type.__name__, [c.__name__ for c in exc_type.__subclasses__()][:4])
print(issubclass(FileNotFoundError, OSError), IOError is OSError, BaseExceptionGroup.__mro__[1].__name__)
