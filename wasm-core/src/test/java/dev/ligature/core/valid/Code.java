package dev.ligature.core.valid;

import dev.ligature.core.ast.Expr;
import dev.ligature.core.binary.BinaryTypes;
import dev.ligature.core.binary.WasmWriter;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.ValType;

/** Builds instruction sequences in their binary form, for tests: {@code code().i32(1).op(DROP).expr()}. */
final class Code {
    private final WasmWriter w = new WasmWriter();

    static Code code() {
        return new Code();
    }

    /** A sequence of immediate-less instructions. */
    static Code of(Opcode... ops) {
        Code c = new Code();
        for (Opcode op : ops) {
            c.op(op);
        }
        return c;
    }

    Code op(Opcode op) {
        w.opcode(op);
        return this;
    }

    /** An instruction with one u32 index immediate (local, global, label, function, ...). */
    Code op(Opcode op, long index) {
        w.opcode(op);
        w.u32(index);
        return this;
    }

    /** An instruction with two u32 immediates. */
    Code op(Opcode op, long a, long b) {
        w.opcode(op);
        w.u32(a);
        w.u32(b);
        return this;
    }

    Code u32(long v) {
        w.u32(v);
        return this;
    }

    Code u8(int b) {
        w.u8(b);
        return this;
    }

    Code i32(int v) {
        w.opcode(Opcode.I32_CONST);
        w.s64(v);
        return this;
    }

    Code i64(long v) {
        w.opcode(Opcode.I64_CONST);
        w.s64(v);
        return this;
    }

    Code f32(float v) {
        w.opcode(Opcode.F32_CONST);
        w.f32Bits(Float.floatToRawIntBits(v));
        return this;
    }

    Code f64(double v) {
        w.opcode(Opcode.F64_CONST);
        w.f64Bits(Double.doubleToRawLongBits(v));
        return this;
    }

    Code v128(long lo, long hi) {
        w.opcode(Opcode.V128_CONST);
        w.f64Bits(lo);
        w.f64Bits(hi);
        return this;
    }

    /** A block-like instruction with empty block type. */
    Code block(Opcode op) {
        w.opcode(op);
        w.u8(0x40);
        return this;
    }

    /** A block-like instruction with a single result type. */
    Code block(Opcode op, ValType result) {
        w.opcode(op);
        BinaryTypes.writeValType(w, result);
        return this;
    }

    /** A block-like instruction whose type is a type index. */
    Code blockIdx(Opcode op, int typeIndex) {
        w.opcode(op);
        w.s64(typeIndex);
        return this;
    }

    /** A memory instruction on memory 0. */
    Code mem(Opcode op, int align, long offset) {
        w.opcode(op);
        w.u32(align);
        w.u64(offset);
        return this;
    }

    /** A memory instruction naming its memory. */
    Code mem(Opcode op, int align, int memory, long offset) {
        w.opcode(op);
        w.u32(align | 0x40);
        w.u32(memory);
        w.u64(offset);
        return this;
    }

    Code heap(Opcode op, AbsHeapType h) {
        w.opcode(op);
        w.u8(h.code());
        return this;
    }

    Code heap(Opcode op, int typeIndex) {
        w.opcode(op);
        w.s64(typeIndex);
        return this;
    }

    Code valType(ValType t) {
        BinaryTypes.writeValType(w, t);
        return this;
    }

    Code s64(long v) {
        w.s64(v);
        return this;
    }

    /** The sequence followed by the final {@code end}. */
    Expr expr() {
        w.opcode(Opcode.END);
        return Expr.wrap(w.toByteArray());
    }
}
