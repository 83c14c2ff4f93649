/*
 * The slice of CPython 3.14's stable ABI (Py_LIMITED_API 3.14, wasm32-emscripten) that ligext.c
 * uses, declared by hand: CPython's headers are not on the build machine. Only the functions,
 * constants and layouts listed here; every function is exported by Pyodide 314.0.7's main module
 * (checked with wasm-objdump -x -j Export), and data (PyExc_*) is imported through GOT.mem.
 *
 * Layouts for wasm32 (4-byte pointers, Py_ssize_t = ssize_t = 32 bits):
 *   PyObject          { Py_ssize_t ob_refcnt; PyTypeObject *ob_type; }                 8 bytes
 *   PyModuleDef_Base  { PyObject_HEAD; PyObject *(*m_init)(void); Py_ssize_t m_index;
 *                       PyObject *m_copy; }                                             20 bytes
 *   PyMethodDef       { const char *ml_name; PyCFunction ml_meth; int ml_flags;
 *                       const char *ml_doc; }                                           16 bytes
 *   PyModuleDef       { PyModuleDef_Base m_base; const char *m_name; const char *m_doc;
 *                       Py_ssize_t m_size; PyMethodDef *m_methods; PyModuleDef_Slot *m_slots;
 *                       traverseproc m_traverse; inquiry m_clear; freefunc m_free; }    52 bytes
 */
#ifndef LIGEXT_API_H
#define LIGEXT_API_H

#include <sys/types.h>

typedef ssize_t Py_ssize_t;

typedef struct _object PyObject;
typedef struct _typeobject PyTypeObject;

struct _object {
    Py_ssize_t ob_refcnt;
    PyTypeObject *ob_type;
};

typedef PyObject *(*PyCFunction)(PyObject *self, PyObject *args);
typedef PyObject *(*PyCFunctionFast)(PyObject *self, PyObject *const *args, Py_ssize_t nargs);

typedef struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;
    const char *ml_doc;
} PyMethodDef;

/* ml_flags */
#define METH_VARARGS  0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS   0x0004
#define METH_O        0x0008
#define METH_FASTCALL 0x0080

typedef struct PyModuleDef_Base {
    PyObject ob_base;
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;

struct PyModuleDef_Slot;
typedef int (*traverseproc)(PyObject *, int (*)(PyObject *, void *), void *);
typedef int (*inquiry)(PyObject *);
typedef void (*freefunc)(void *);

typedef struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    struct PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
} PyModuleDef;

/* A statically allocated object's reference count on a 32-bit 3.14 build
   (_Py_STATIC_IMMORTAL_INITIAL_REFCNT): immortal, so nobody ever frees the definition. */
#define LIGEXT_STATIC_IMMORTAL_REFCNT ((Py_ssize_t)(7L << 28))
#define PyModuleDef_HEAD_INIT { { LIGEXT_STATIC_IMMORTAL_REFCNT, 0 }, 0, 0, 0 }

/* The stable ABI's version: PyModule_Create(def) is PyModule_Create2(def, 3) under Py_LIMITED_API. */
#define PYTHON_ABI_VERSION 3

/* Py_GetConstant / Py_GetConstantBorrowed identifiers (3.13+). */
#define Py_CONSTANT_NONE 0

#define PyMODINIT_FUNC __attribute__((visibility("default"))) PyObject *

/* Functions (all in the stable ABI). */
PyObject *PyModule_Create2(PyModuleDef *def, int apiver);
void *PyModule_GetState(PyObject *module);
int PyModule_AddIntConstant(PyObject *module, const char *name, long value);
int PyModule_AddStringConstant(PyObject *module, const char *name, const char *value);

PyObject *Py_GetConstant(unsigned int constant_id);
void Py_IncRef(PyObject *o);
void Py_DecRef(PyObject *o);

int PyArg_ParseTuple(PyObject *args, const char *format, ...);

PyObject *PyLong_FromLong(long v);
long PyLong_AsLong(PyObject *o);
PyObject *PyFloat_FromDouble(double v);
double PyFloat_AsDouble(PyObject *o);

PyObject *PyList_New(Py_ssize_t size);
Py_ssize_t PyList_Size(PyObject *list);
PyObject *PyList_GetItem(PyObject *list, Py_ssize_t index);          /* borrowed */
int PyList_SetItem(PyObject *list, Py_ssize_t index, PyObject *item); /* steals item */

PyObject *PyTuple_Pack(Py_ssize_t n, ...);
PyObject *PyDict_New(void);
int PyDict_SetItemString(PyObject *dict, const char *key, PyObject *value); /* does not steal */

int PyCallable_Check(PyObject *o);
PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...); /* NULL-terminated */

PyObject *PyErr_Occurred(void);
void PyErr_Clear(void);
void PyErr_SetString(PyObject *type, const char *message);
PyObject *PyErr_Format(PyObject *type, const char *format, ...);

extern PyObject *PyExc_TypeError;
extern PyObject *PyExc_ValueError;

#endif
