# Recursion limits: RecursionError is raised and caught, the limit can be raised and lowered.
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
def unbounded(n):
    return unbounded(n + 1)
print(sys.getrecursionlimit(), depth(500))
try:
    unbounded(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), depth(2500))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError at limit 3000:", e)
sys.setrecursionlimit(100)
try:
    depth(200)
except RecursionError:
    print("RecursionError at limit 100")
print(depth(50))
# the limit is lowered before recursing through C (repr -> __repr__ -> repr): with the default 1000,
# Pyodide in node overflows V8's native stack before CPython's recursion check fires (fatal error)
sys.setrecursionlimit(200)
class Deep:
    def __repr__(self):
        return repr(self)
try:
    repr(Deep())
except RecursionError:
    print("RecursionError from __repr__")
sys.setrecursionlimit(1000)
nested = []
for _ in range(50):
    nested = [nested]
print(str(nested).count("["))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
print("still alive", depth(10))
