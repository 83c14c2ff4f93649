package dev.ligature.dylink;

/**
 * The {@code dlopen} mode bits of Emscripten's {@code <dlfcn.h>} (musl's values), for
 * {@link DylinkProcess#dlopen(String, int)}.
 */
public final class Dlfcn {
    private Dlfcn() {}

    /** Resolve symbols when first used; Emscripten binds at load or first call either way. */
    public static final int RTLD_LAZY = 1;
    /** Resolve symbols at load. */
    public static final int RTLD_NOW = 2;
    /** Only return an already loaded library, else fail (Emscripten ignores it and loads: a bug Ligature does not copy). */
    public static final int RTLD_NOLOAD = 4;
    /** Make the library's symbols available to libraries loaded later and to {@code dlsym(RTLD_DEFAULT)}. */
    public static final int RTLD_GLOBAL = 256;
    /** The library's symbols are visible only to itself and its dependencies (the default). */
    public static final int RTLD_LOCAL = 0;
    /** Never unload; nothing is ever unloaded in Emscripten, so this changes nothing. */
    public static final int RTLD_NODELETE = 4096;
    /** The handle of the global namespace for {@code dlsym}. */
    public static final int RTLD_DEFAULT = 0;
}
