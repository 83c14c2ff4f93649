package dev.ligature.core.runtime;

/**
 * Makes import values on demand, for the imports an {@link Imports} does not bind otherwise (see
 * {@link Imports#resolver(ImportResolver)}): a dynamic linker answers {@code GOT.mem}/{@code GOT.func}
 * imports with cells it creates as it meets them, and unknown functions with lazy stubs that bind on
 * first call. It is called once per import of each instantiation, while linking, and the value it
 * returns is checked against the import's type like any other.
 */
@FunctionalInterface
public interface ImportResolver {
    /**
     * {@return the value of {@code imp} (a {@link WasmFunction}, {@link Memory}, {@link Table},
     * {@link Global} or {@link Tag}), or null if this resolver has none}
     *
     * @param imp the import, with its declared type
     */
    Object resolve(ImportType imp);
}
