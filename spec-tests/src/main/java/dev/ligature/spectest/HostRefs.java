package dev.ligature.spectest;

/**
 * The host references a script names by number, {@code (ref.extern n)} and {@code (ref.host n)}:
 * plain values that compare equal when their numbers do, so a reference passed into Wasm and
 * returned is recognised.
 */
final class HostRefs {
    private HostRefs() {}

    /** {@code (ref.extern n)}. */
    record Extern(long id) {}

    /** {@code (ref.host n)} of the older scripts. */
    record Host(long id) {}

    static Object extern(long id) {
        return new Extern(id);
    }

    static Object host(long id) {
        return new Host(id);
    }
}
