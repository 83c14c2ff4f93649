/**
 * Emscripten's dynamic linking on Ligature: main modules ({@code -sMAIN_MODULE}) load side modules
 * ({@code -sSIDE_MODULE}) through {@code dlopen}/{@code dlsym} as under Emscripten's JavaScript
 * loader, and embedders load them from Java ({@link dev.ligature.dylink.DylinkProcess}); side
 * modules are compiled once per JVM ({@link dev.ligature.dylink.SideModuleCache}).
 */
module dev.ligature.dylink {
    requires transitive dev.ligature.emscripten;

    exports dev.ligature.dylink;
}
