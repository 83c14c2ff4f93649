package dev.ligature.bench.memory;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Wasm's value layouts: little-endian and with no alignment requirement (Wasm alignment is only a hint). */
final class Layouts {
    private Layouts() {}

    static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
}
