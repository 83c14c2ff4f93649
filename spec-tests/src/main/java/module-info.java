/** The runner of the official WebAssembly test suite (WAST scripts) on Ligature's engines. Internal: not published. */
module dev.ligature.spectest {
    requires transitive dev.ligature.core;

    exports dev.ligature.spectest;
}
