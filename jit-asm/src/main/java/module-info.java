/**
 * Ligature's compiler: runs WebAssembly modules as JVM bytecode. Choose it with
 * {@link dev.ligature.jit.JitEngine} when making a {@link dev.ligature.core.runtime.WasmModule}, or
 * load the classes {@link dev.ligature.jit.AotJar} wrote ahead of time.
 */
module dev.ligature.jit {
    requires transitive dev.ligature.core;
    requires org.objectweb.asm;

    exports dev.ligature.jit;
}
