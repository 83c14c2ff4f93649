/**
 * Python on the JVM: Pyodide's CPython booted without JavaScript, on Ligature's dynamic linker.
 * {@link dev.ligature.python.PythonRuntime} holds the compiled interpreter, shared by every
 * {@link dev.ligature.python.PythonInterpreter} made from it.
 */
module dev.ligature.python {
    requires transitive dev.ligature.dylink;
    requires dev.ligature.jit;

    exports dev.ligature.python;
}
