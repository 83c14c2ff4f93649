/**
 * Runs programs emcc built without JavaScript: {@link dev.ligature.emscripten.EmscriptenProgram}
 * loads the module (and, for minified builds, the name mapping in its {@code .js}),
 * {@link dev.ligature.emscripten.EmscriptenHost} supplies Emscripten's runtime imports, a virtual
 * file system and program start-up, and returns the exit status.
 *
 * <p>A program's own endings are not exceptions to the embedder: {@code exit} ({@link
 * dev.ligature.emscripten.ProgramExit}), an abort ({@link dev.ligature.emscripten.EmscriptenAbort})
 * and an uncaught C++ exception all become the exit status that
 * {@link dev.ligature.emscripten.EmscriptenHost#run} returns, with Emscripten's diagnostics on
 * stderr. What escapes {@code run} is a failure to load or link the program
 * ({@link dev.ligature.emscripten.EmscriptenLoadException},
 * {@link dev.ligature.core.runtime.LinkException}) or a trap ({@link dev.ligature.core.runtime.Trap}).
 */
package dev.ligature.emscripten;
