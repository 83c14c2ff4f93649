/**
 * Ligature's compiler from WebAssembly to JVM bytecode, chosen when a module is made:
 * {@code WasmModule.decode(bytes, JitEngine.lazy())} compiles each function on its first call,
 * {@link dev.ligature.jit.JitEngine#eager()} compiles every function up front, and
 * {@link dev.ligature.jit.AotJar} writes a module's classes to a jar and loads them later without
 * compiling. Compiled code is shared by every instance of a module and unloaded with it. A function
 * the compiler cannot handle fails with {@link dev.ligature.jit.JitCompileException}; nothing falls
 * back to the interpreter.
 */
package dev.ligature.jit;
