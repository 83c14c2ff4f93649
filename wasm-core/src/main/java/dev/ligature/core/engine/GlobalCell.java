package dev.ligature.core.engine;

import dev.ligature.core.runtime.Global;
import dev.ligature.core.types.GlobalType;

/**
 * The storage of one global variable, in slot form: {@link #value} holds an i32, i64 or the raw
 * bits of an f32/f64 (a v128 uses {@link #value} for bytes 0-7 and {@link #high} for 8-15), a
 * reference lives in {@link #ref}. Engines read and write the fields directly (generated code does
 * so with getfield/putfield); Wasm validation has already checked mutability. Embedders reach it
 * through {@link Global}, which checks. Not API.
 */
public final class GlobalCell {
    public final GlobalType type;
    /** The value type in canonical form (type indices replaced by canonical ids), for import matching. */
    public final Object typeKey;
    public long value;
    public long high;
    public Object ref;
    private Global view;

    public GlobalCell(GlobalType type, Object typeKey) {
        this.type = type;
        this.typeKey = typeKey;
    }

    /** The embedder's view of this cell; one per cell, so an exported global is the same object wherever it is read. */
    public Global view() {
        return view;
    }

    /** Called once by the runtime when it makes the view. */
    public void attach(Global g) {
        if (view != null) {
            throw new IllegalStateException("global cell already attached");
        }
        view = g;
    }
}
