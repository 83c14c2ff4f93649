/**
 * Runs programs emcc built without JavaScript: {@link dev.ligature.emscripten.EmscriptenProgram}
 * loads the module (and, for minified builds, the name mapping in its {@code .js}),
 * {@link dev.ligature.emscripten.EmscriptenHost} supplies Emscripten's runtime imports, a virtual
 * file system and program start-up, and returns the exit status.
 */
package dev.ligature.emscripten;
