/**
 * Ligature's WebAssembly core: decode or parse a module, validate it, instantiate it with imports,
 * and call its functions, on the interpreter here or on the compiler of {@code dev.ligature.jit}.
 *
 * <p>The API is three packages: {@link dev.ligature.core.runtime} (modules, instances, imports, host
 * functions, functions, memories, tables, globals, tags, traps, options), {@link dev.ligature.core.types}
 * (the Wasm types those carry) and {@link dev.ligature.core} (the errors of loading a module). The
 * other packages are Ligature's inside (the module model, the binary and text formats, the
 * validator, the interpreter and the engine interface) and are exported only to Ligature's own
 * modules that build on them.
 */
module dev.ligature.core {
    exports dev.ligature.core;
    exports dev.ligature.core.runtime;
    exports dev.ligature.core.types;

    exports dev.ligature.core.ast to dev.ligature.jit, dev.ligature.spectest;
    exports dev.ligature.core.binary to dev.ligature.jit, dev.ligature.spectest;
    exports dev.ligature.core.engine to dev.ligature.jit, dev.ligature.spectest;
    exports dev.ligature.core.exec to dev.ligature.jit;
    exports dev.ligature.core.instr to dev.ligature.jit;
    exports dev.ligature.core.script to dev.ligature.spectest;
    exports dev.ligature.core.text to dev.ligature.jit, dev.ligature.spectest;
    exports dev.ligature.core.valid to dev.ligature.jit, dev.ligature.spectest;
}
