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
    /** {@return the engine's name for messages and logs, e.g. {@code "interpreter"} or {@code "compiler (lazy)"}} */
    String name();

    /**
     * {@return the interpreter, one instance shared by every module} It compiles nothing, so a module is
     * ready soonest, but its code runs several times slower than on the compiler. It needs no
     * other module and is what {@link WasmModule#decode(byte[])} and
     * {@link WasmModule#parseText(String)} use.
     */
    static Engine interpreter() {
        return Interpreter.INSTANCE;
    }
}
