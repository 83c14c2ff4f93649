/** The {@code ligature} command. Internal: an application, not a library. */
module dev.ligature.cli {
    requires dev.ligature.core;
    requires dev.ligature.jit;
    requires dev.ligature.emscripten;
    requires dev.ligature.dylink;
    requires dev.ligature.python;
    requires dev.ligature.spectest;
}
