# ctypes CFUNCTYPE callbacks: qsort from libc with a Python comparator, and a callback counting calls.
import ctypes as C
libc = C.CDLL(None)
CMP = C.CFUNCTYPE(C.c_int, C.POINTER(C.c_int), C.POINTER(C.c_int))
calls = []
def py_cmp(a, b):
    calls.append(1)
    return (a[0] > b[0]) - (a[0] < b[0])
values = [5, 3, 9, 1, 7, -4, 0, 12, 3]
arr = (C.c_int * len(values))(*values)
libc.qsort(arr, len(arr), C.sizeof(C.c_int), CMP(py_cmp))
print(list(arr), len(calls) > 0)
def desc(a, b):
    return b[0] - a[0]
libc.qsort(arr, len(arr), C.sizeof(C.c_int), CMP(desc))
print(list(arr))
DCMP = C.CFUNCTYPE(C.c_int, C.POINTER(C.c_double), C.POINTER(C.c_double))
darr = (C.c_double * 5)(2.5, -1.0, 3.25, 0.0, 1e-3)
libc.qsort(darr, 5, C.sizeof(C.c_double), DCMP(lambda a, b: (a[0] > b[0]) - (a[0] < b[0])))
print(list(darr))
class Rec(C.Structure):
    _fields_ = [("key", C.c_int), ("tag", C.c_char * 4)]
recs = (Rec * 4)(Rec(3, b"c"), Rec(1, b"a"), Rec(2, b"b"), Rec(0, b"z"))
RCMP = C.CFUNCTYPE(C.c_int, C.POINTER(Rec), C.POINTER(Rec))
libc.qsort(recs, 4, C.sizeof(Rec), RCMP(lambda a, b: a[0].key - b[0].key))
print([(r.key, r.tag) for r in recs])
ADD = C.CFUNCTYPE(C.c_int, C.c_int, C.c_int)
add = ADD(lambda a, b: a + b)
print(add(2, 3), add(2**31 - 1, 1))
import sys
def report(unraisable):
    # the default hook would print the callback's repr, which holds a heap address
    print("unraisable:", type(unraisable.exc_value).__name__, unraisable.exc_value)
sys.unraisablehook = report
def bad(a, b):
    raise ValueError("comparator exploded")
small = (C.c_int * 2)(2, 1)
libc.qsort(small, 2, C.sizeof(C.c_int), CMP(bad))
print("qsort survived a raising callback:", sorted(small) == [1, 2])
