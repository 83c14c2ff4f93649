/**
 * A Ligature user's module: it requires the engine's modules by name, as any modular application would. The README
 * examples are compiled into it (package dev.ligature.consumer), so on the module path they see only what
 * dev.ligature.core and dev.ligature.jit export.
 */
module dev.ligature.consumer {
    requires dev.ligature.core;
    requires dev.ligature.jit;
}
