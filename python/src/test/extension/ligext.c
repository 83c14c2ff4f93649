/*
 * ligext: a small CPython extension module of Ligature's own, built against the stable ABI
 * (see build.sh and ligext_api.h). It exists to test that Ligature's dynamic linker and
 * Pyodide host import a C extension the way CPython does (dlopen + dlsym("PyInit_ligext"),
 * then the init function and METH_VARARGS/METH_NOARGS methods through
 * _PyEM_TrampolineCall_JS, METH_O/METH_FASTCALL methods called directly), and that C calls
 * back into Python.
 */
#include "ligext_api.h"

/* Per-module state (PyModuleDef.m_size bytes, zeroed by PyModule_Create2). */
typedef struct {
    long next_ticket;
} ligext_state;

/* A static in the side module's own data segment: one per loaded instance, i.e. per interpreter. */
static long calls;

/* add(a, b) -> a + b, both C longs (32 bits on wasm32). METH_VARARGS. */
static PyObject *ligext_add(PyObject *self, PyObject *args) {
    long a, b;
    calls++;
    if (!PyArg_ParseTuple(args, "ll:add", &a, &b)) {
        return 0;
    }
    return PyLong_FromLong(a + b);
}

/* fsum(list) -> float: the items converted with PyFloat_AsDouble, added left to right. METH_O. */
static PyObject *ligext_fsum(PyObject *self, PyObject *list) {
    double total = 0.0;
    Py_ssize_t n, i;
    calls++;
    n = PyList_Size(list);
    if (n < 0) {
        PyErr_Clear();
        PyErr_SetString(PyExc_TypeError, "fsum() expects a list");
        return 0;
    }
    for (i = 0; i < n; i++) {
        double x = PyFloat_AsDouble(PyList_GetItem(list, i));
        if (x == -1.0 && PyErr_Occurred()) {
            return 0;
        }
        total += x;
    }
    return PyFloat_FromDouble(total);
}

/* describe(a, b) -> {"sum": a + b, "product": a * b, "pair": (a, b)}. METH_FASTCALL. */
static PyObject *ligext_describe(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    long a, b;
    PyObject *dict, *sum, *product, *pair;
    int failed;
    calls++;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "describe() takes 2 arguments (%zd given)", nargs);
        return 0;
    }
    a = PyLong_AsLong(args[0]);
    if (a == -1 && PyErr_Occurred()) {
        return 0;
    }
    b = PyLong_AsLong(args[1]);
    if (b == -1 && PyErr_Occurred()) {
        return 0;
    }
    dict = PyDict_New();
    sum = PyLong_FromLong(a + b);
    product = PyLong_FromLong(a * b);
    pair = PyTuple_Pack(2, args[0], args[1]);
    failed = !dict || !sum || !product || !pair
            || PyDict_SetItemString(dict, "sum", sum) < 0
            || PyDict_SetItemString(dict, "product", product) < 0
            || PyDict_SetItemString(dict, "pair", pair) < 0;
    if (sum) Py_DecRef(sum);
    if (product) Py_DecRef(product);
    if (pair) Py_DecRef(pair);
    if (failed) {
        if (dict) Py_DecRef(dict);
        return 0;
    }
    return dict;
}

/* positive(n) -> n if n > 0, else ValueError("expected a positive number, got <n>"). METH_O. */
static PyObject *ligext_positive(PyObject *self, PyObject *arg) {
    long n;
    calls++;
    n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return 0;
    }
    if (n <= 0) {
        PyErr_Format(PyExc_ValueError, "expected a positive number, got %ld", n);
        return 0;
    }
    Py_IncRef(arg);
    return arg;
}

/* ticket() -> 1, 2, 3, ... from the module's state. METH_NOARGS (self is the module). */
static PyObject *ligext_ticket(PyObject *module, PyObject *unused) {
    ligext_state *state = PyModule_GetState(module);
    calls++;
    if (!state) {
        return 0;
    }
    state->next_ticket++;
    return PyLong_FromLong(state->next_ticket);
}

/* calls() -> how many times the other functions ran in this instance. METH_NOARGS. */
static PyObject *ligext_calls(PyObject *module, PyObject *unused) {
    return PyLong_FromLong(calls);
}

/* apply(f, x) -> f(x); exceptions raised by f pass through. METH_VARARGS. */
static PyObject *ligext_apply(PyObject *self, PyObject *args) {
    PyObject *f, *x;
    calls++;
    if (!PyArg_ParseTuple(args, "OO:apply", &f, &x)) {
        return 0;
    }
    if (!PyCallable_Check(f)) {
        PyErr_SetString(PyExc_TypeError, "apply() needs a callable");
        return 0;
    }
    return PyObject_CallFunctionObjArgs(f, x, (PyObject *)0);
}

/* map_range(f, n) -> [f(0), f(1), ..., f(n - 1)]. METH_VARARGS. */
static PyObject *ligext_map_range(PyObject *self, PyObject *args) {
    PyObject *f, *list;
    long n, i;
    calls++;
    if (!PyArg_ParseTuple(args, "Ol:map_range", &f, &n)) {
        return 0;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "map_range() needs n >= 0");
        return 0;
    }
    list = PyList_New(n);
    if (!list) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        PyObject *index = PyLong_FromLong(i);
        PyObject *item;
        if (!index) {
            Py_DecRef(list);
            return 0;
        }
        item = PyObject_CallFunctionObjArgs(f, index, (PyObject *)0);
        Py_DecRef(index);
        if (!item) {
            Py_DecRef(list);
            return 0;
        }
        PyList_SetItem(list, i, item);
    }
    return list;
}

/* none() -> None, a new reference from Py_GetConstant. METH_NOARGS. */
static PyObject *ligext_none(PyObject *self, PyObject *unused) {
    calls++;
    return Py_GetConstant(Py_CONSTANT_NONE);
}

static PyMethodDef ligext_methods[] = {
    {"add", ligext_add, METH_VARARGS, "add(a, b) -> a + b"},
    {"fsum", ligext_fsum, METH_O, "fsum(list) -> sum of its items as floats"},
    {"describe", (PyCFunction)(void (*)(void))ligext_describe, METH_FASTCALL,
     "describe(a, b) -> {'sum': a + b, 'product': a * b, 'pair': (a, b)}"},
    {"positive", ligext_positive, METH_O, "positive(n) -> n, or ValueError if n <= 0"},
    {"ticket", ligext_ticket, METH_NOARGS, "ticket() -> the next number from the module state"},
    {"calls", ligext_calls, METH_NOARGS, "calls() -> how many calls the other functions had"},
    {"apply", ligext_apply, METH_VARARGS, "apply(f, x) -> f(x)"},
    {"map_range", ligext_map_range, METH_VARARGS, "map_range(f, n) -> [f(i) for i in range(n)]"},
    {"none", ligext_none, METH_NOARGS, "none() -> None"},
    {0, 0, 0, 0},
};

static PyModuleDef ligext_module = {
    PyModuleDef_HEAD_INIT,
    "ligext",
    "A C extension module of Ligature's own, built against CPython's stable ABI.",
    sizeof(ligext_state),
    ligext_methods,
    0, 0, 0, 0,
};

PyMODINIT_FUNC PyInit_ligext(void) {
    PyObject *m = PyModule_Create2(&ligext_module, PYTHON_ABI_VERSION);
    if (!m) {
        return 0;
    }
    if (PyModule_AddIntConstant(m, "ANSWER", 42) < 0
            || PyModule_AddStringConstant(m, "GREETING", "hello from C") < 0) {
        Py_DecRef(m);
        return 0;
    }
    return m;
}
