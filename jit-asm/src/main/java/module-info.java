/**
 * Ligature's compiler to JVM bytecode. Minimal placeholder from the build branch (issue 12) so the consumer check can
 * run on the module path. The lead's module-info.java for issue 12 replaces it.
 */
module dev.ligature.jit {
    requires transitive dev.ligature.core;
    requires org.objectweb.asm;
    exports dev.ligature.jit;
}
