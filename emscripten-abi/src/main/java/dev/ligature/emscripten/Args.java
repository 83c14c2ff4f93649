package dev.ligature.emscripten;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;

/**
 * Reads a host call's arguments in order. An i64 parameter arrives either as one i64 (BigInt
 * builds, newer releases) or legalised as two i32s, low then high (3.1.x without WASM_BIGINT);
 * {@link #i64()} reads whichever the import's declared type has.
 */
final class Args {
    private final FuncType type;
    private final long[] v;
    private int i;

    Args(FuncType type, long[] v) {
        this.type = type;
        this.v = v;
    }

    int count() {
        return v.length;
    }

    int i32() {
        return i < v.length ? (int) v[i++] : 0;
    }

    /** A wasm32 pointer, unsigned. */
    long ptr() {
        return i32() & 0xFFFFFFFFL;
    }

    long i64() {
        if (i < type.params().size() && type.params().get(i) == NumType.I64) {
            return v[i++];
        }
        long lo = i32() & 0xFFFFFFFFL;
        long hi = i32();
        return (hi << 32) | lo;
    }

    double f64() {
        return i < v.length ? Double.longBitsToDouble(v[i++]) : 0;
    }

    /** The raw slot at absolute position {@code k}. */
    dev.ligature.core.types.FuncType type() {
        return type;
    }

    long raw(int k) {
        return v[k];
    }
}
