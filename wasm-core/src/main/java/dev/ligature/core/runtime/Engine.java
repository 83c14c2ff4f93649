package dev.ligature.core.runtime;

import dev.ligature.core.exec.Interpreter;

/**
 * How a module's code runs: {@link #interpreter()} here, or Ligature's compiler to JVM bytecode
 * ({@code dev.ligature.jit.JitEngine.lazy()}, {@code eager()}, or classes from an ahead-of-time jar
 * with {@code AotJar.engine(...)}) when the {@code ligature-jit-asm} module is present. Pass one to
 * {@link WasmModule#decode(byte[], Engine)} or {@link WasmModule#parseText(String, Engine)}.
 *
 * <p>Only Ligature's own engines implement this interface; a module compiled by one engine keeps
 * it for every instance.
 */
public interface Engine {
    /** The engine's name, e.g. {@code "interpreter"} or {@code "compiler (lazy)"}. */
    String name();

    /** The interpreter: no compilation, so the fastest start; runs code several times slower than the compiler. */
    static Engine interpreter() {
        return Interpreter.INSTANCE;
    }
}
