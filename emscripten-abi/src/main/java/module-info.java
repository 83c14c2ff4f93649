/**
 * Runs programs built by Emscripten without JavaScript: the {@code env} and
 * {@code wasi_snapshot_preview1} host modules and a virtual file system, on Ligature's public API.
 */
module dev.ligature.emscripten {
    requires transitive dev.ligature.core;

    exports dev.ligature.emscripten;
}
