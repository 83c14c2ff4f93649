/**
 * Ligature's core. Minimal placeholder from the build branch (issue 12) so the consumer check can run on the module
 * path: it exports every package. The lead's module-info.java for issue 12 replaces it.
 */
module dev.ligature.core {
    exports dev.ligature.core;
    exports dev.ligature.core.ast;
    exports dev.ligature.core.binary;
    exports dev.ligature.core.exec;
    exports dev.ligature.core.instr;
    exports dev.ligature.core.runtime;
    exports dev.ligature.core.script;
    exports dev.ligature.core.text;
    exports dev.ligature.core.types;
    exports dev.ligature.core.valid;
}
