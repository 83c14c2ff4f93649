/**
 * Emscripten's dynamic linking on Ligature: main modules that load side modules as {@code dlopen}
 * does in Emscripten's JavaScript runtime. Being built (issue 13); today it reads the {@code dylink.0}
 * metadata of main and side modules ({@link dev.ligature.dylink.DylinkInfo}).
 */
module dev.ligature.dylink {
    requires transitive dev.ligature.emscripten;

    exports dev.ligature.dylink;
}
