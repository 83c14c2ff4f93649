package dev.ligature.jit.compiler;

import static dev.ligature.core.exec.SimdKernels.*;

import dev.ligature.core.instr.Opcode;

/**
 * The lane-wise v128 instructions without immediates: bitwise operations inline, the rest as calls
 * of the interpreter's per-half kernels ({@link dev.ligature.core.exec.SimdKernels}) with constant
 * lane width and operation code, {@code lo' = f(lo_a, lo_b); hi' = f(hi_a, hi_b)}. The family and
 * lane width of most instructions follow from the mnemonic ({@code i16x8.add_sat_s}: shape
 * {@code i16x8}, operation {@code add_sat_s}).
 */
abstract class SimdArithmetic extends HeapEmitter {
    static final String KERNELS = "dev/ligature/core/exec/SimdKernels";

    SimdArithmetic(ModuleShape shape, int funcIndex) {
        super(shape, funcIndex);
    }

    // ------------------------------------------------------------------ access to v128 values

    /** Pushes the low half (bytes 0-7) of the v128 at height {@code h}. */
    void lo(int h) {
        mv.visitVarInsn(LLOAD, stackVar(h, 'V'));
    }

    /** Pushes the high half (bytes 8-15) of the v128 at height {@code h}. */
    void hi(int h) {
        mv.visitVarInsn(LLOAD, stackVar(h, 'V') + 2);
    }

    /** Pushes one half of the v128 at height {@code h}. */
    void half(int h, boolean high) {
        mv.visitVarInsn(LLOAD, stackVar(h, 'V') + (high ? 2 : 0));
    }

    void kernel(String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, KERNELS, name, desc, false);
    }

    /** Pushes the scalar at height {@code h} in slot form (a long). */
    void scalarAsLong(int h) {
        loadAt(h);
        toSlot(mv, stack[h]);
    }

    // ------------------------------------------------------------------ dispatch

    /** Emits {@code op} if it is one of the lane-wise instructions handled here; returns false otherwise. */
    boolean laneWise(Opcode op) {
        if (special(op)) {
            return true;
        }
        String m = op.mnemonic();
        int dot = m.indexOf('.');
        String shape = m.substring(0, dot);
        String name = m.substring(dot + 1);
        boolean signed = name.endsWith("_s");
        if (shape.startsWith("i")) {
            int w = shape.equals("i8x16") ? 8 : shape.equals("i16x8") ? 16 : shape.equals("i32x4") ? 32 : 64;
            int k = intBinary(name);
            if (k >= 0 && w < 64) {
                binary("bin", "(IIJJ)J", w, k);
            } else if ((name.equals("add") || name.equals("sub")) && w < 64) {
                binary(name, "(IJJ)J", w);
            } else if (name.equals("abs") && w < 64) {
                unary("un", "(IIJ)J", w, ABS);
            } else if (name.equals("neg") && w < 64) {
                unary("un", "(IIJ)J", w, NEG);
            } else if (name.equals("popcnt")) {
                unary("un", "(IIJ)J", w, POPCNT);
            } else if (name.equals("shl") || name.equals("shr_s") || name.equals("shr_u")) {
                shift(w, name.equals("shl") ? SHL : signed ? SHR_S : SHR_U);
            } else if (name.startsWith("extend_")) {
                extend(w / 2, signed, name.startsWith("extend_high"));
            } else if (name.startsWith("extmul_")) {
                extmul(w / 2, signed, name.startsWith("extmul_high"));
            } else if (name.startsWith("extadd_pairwise_")) {
                unary("pairwise", "(IZJ)J", w / 2, signed ? 1 : 0);
            } else if (name.startsWith("narrow_")) {
                narrow(w * 2, signed);
            } else if (name.equals("all_true")) {
                allTrue(w);
            } else if (name.equals("bitmask")) {
                bitmask(w);
            } else {
                return false;
            }
            return true;
        }
        boolean f32 = shape.equals("f32x4");
        int k = floatBinary(name);
        if (k >= 0) {
            binary(f32 ? "f32x2" : "f64", "(IJJ)J", k);
            return true;
        }
        k = floatUnary(name);
        if (k >= 0) {
            unary(f32 ? "f32x2" : "f64", "(IJ)J", k);
            return true;
        }
        return false;
    }

    /** Instructions whose emission does not follow from the mnemonic. */
    private boolean special(Opcode op) {
        switch (op) {
            case V128_NOT -> inline1(LXOR, -1L);
            case V128_AND -> inline2(LAND, false);
            case V128_ANDNOT -> inline2(LAND, true);
            case V128_OR -> inline2(LOR, false);
            case V128_XOR -> inline2(LXOR, false);
            case V128_BITSELECT, I8X16_RELAXED_LANESELECT, I16X8_RELAXED_LANESELECT, I32X4_RELAXED_LANESELECT,
                 I64X2_RELAXED_LANESELECT -> bitselect();
            case V128_ANY_TRUE -> {
                int v = sp - 1;
                lo(v);
                hi(v);
                mv.visitInsn(LOR);
                nonZero();
                storeAt(v, 'i');
            }
            case I64X2_ADD -> inline2(LADD, false);
            case I64X2_SUB -> inline2(LSUB, false);
            case I64X2_MUL -> inline2(LMUL, false);
            case I32X4_TRUNC_SAT_F32X4_S, I32X4_RELAXED_TRUNC_F32X4_S -> unary("convert32", "(IJ)J", C_TRUNC_SAT_S);
            case I32X4_TRUNC_SAT_F32X4_U, I32X4_RELAXED_TRUNC_F32X4_U -> unary("convert32", "(IJ)J", C_TRUNC_SAT_U);
            case F32X4_CONVERT_I32X4_S -> unary("convert32", "(IJ)J", C_CONVERT_S);
            case F32X4_CONVERT_I32X4_U -> unary("convert32", "(IJ)J", C_CONVERT_U);
            case I32X4_TRUNC_SAT_F64X2_S_ZERO, I32X4_RELAXED_TRUNC_F64X2_S_ZERO -> fromF64(C_TRUNC_SAT_S);
            case I32X4_TRUNC_SAT_F64X2_U_ZERO, I32X4_RELAXED_TRUNC_F64X2_U_ZERO -> fromF64(C_TRUNC_SAT_U);
            case F32X4_DEMOTE_F64X2_ZERO -> fromF64(C_DEMOTE);
            case F64X2_CONVERT_LOW_I32X4_S -> toF64(C_CONVERT_S);
            case F64X2_CONVERT_LOW_I32X4_U -> toF64(C_CONVERT_U);
            case F64X2_PROMOTE_LOW_F32X4 -> toF64(C_PROMOTE);
            case I64X2_EQ -> compare64(false, false, true);
            case I64X2_NE -> compare64(false, false, false);
            case I64X2_LT_S -> compare64(false, true, false);
            case I64X2_GT_S -> compare64(true, true, false);
            case I64X2_LE_S -> compare64(true, true, true);
            case I64X2_GE_S -> compare64(false, true, true);
            case I64X2_NEG -> {
                int v = sp - 1;
                for (int h = 0; h < 2; h++) {
                    half(v, h == 1);
                    mv.visitInsn(LNEG);
                }
                storeAt(v, 'V');
            }
            case I64X2_ABS -> {
                int v = sp - 1;
                for (int h = 0; h < 2; h++) {
                    half(v, h == 1);
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "abs", "(J)J", false);
                }
                storeAt(v, 'V');
            }
            case F32X4_ABS -> inline1(LAND, 0x7FFF_FFFF_7FFF_FFFFL);
            case F32X4_NEG -> inline1(LXOR, 0x8000_0000_8000_0000L);
            case F64X2_ABS -> inline1(LAND, Long.MAX_VALUE);
            case F64X2_NEG -> inline1(LXOR, Long.MIN_VALUE);
            case I8X16_SPLAT -> splat(8);
            case I16X8_SPLAT -> splat(16);
            case I32X4_SPLAT, F32X4_SPLAT -> splat(32);
            case I64X2_SPLAT, F64X2_SPLAT -> splat(64);
            case I8X16_SWIZZLE, I8X16_RELAXED_SWIZZLE -> {
                int b = sp - 1;
                int a = sp - 2;
                for (int h = 0; h < 2; h++) {
                    lo(a);
                    hi(a);
                    half(b, h == 1);
                    kernel("swizzle", "(JJJ)J");
                }
                storeAt(a, 'V');
                sp = a + 1;
            }
            case I32X4_DOT_I16X8_S -> binary("dotI16", "(JJ)J");
            case I16X8_RELAXED_DOT_I8X16_I7X16_S -> binary("relaxedDotI8", "(JJ)J");
            case I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S -> ternary("relaxedDotI8Add", "(JJJ)J", -1);
            case F32X4_RELAXED_MADD -> ternary("madd32", "(JJJZ)J", 0);
            case F32X4_RELAXED_NMADD -> ternary("madd32", "(JJJZ)J", 1);
            case F64X2_RELAXED_MADD -> ternary("madd64", "(JJJZ)J", 0);
            case F64X2_RELAXED_NMADD -> ternary("madd64", "(JJJZ)J", 1);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int intBinary(String name) {
        return switch (name) {
            case "eq" -> EQ;
            case "ne" -> NE;
            case "lt_s" -> LT_S;
            case "lt_u" -> LT_U;
            case "gt_s" -> GT_S;
            case "gt_u" -> GT_U;
            case "le_s" -> LE_S;
            case "le_u" -> LE_U;
            case "ge_s" -> GE_S;
            case "ge_u" -> GE_U;
            case "add_sat_s" -> ADD_SAT_S;
            case "add_sat_u" -> ADD_SAT_U;
            case "sub_sat_s" -> SUB_SAT_S;
            case "sub_sat_u" -> SUB_SAT_U;
            case "min_s" -> MIN_S;
            case "min_u" -> MIN_U;
            case "max_s" -> MAX_S;
            case "max_u" -> MAX_U;
            case "avgr_u" -> AVGR_U;
            case "mul" -> MUL;
            case "q15mulr_sat_s", "relaxed_q15mulr_s" -> Q15MULR_SAT_S;
            default -> -1;
        };
    }

    private static int floatBinary(String name) {
        return switch (name) {
            case "add" -> F_ADD;
            case "sub" -> F_SUB;
            case "mul" -> F_MUL;
            case "div" -> F_DIV;
            case "min", "relaxed_min" -> F_MIN;
            case "max", "relaxed_max" -> F_MAX;
            case "pmin" -> F_PMIN;
            case "pmax" -> F_PMAX;
            case "eq" -> F_EQ;
            case "ne" -> F_NE;
            case "lt" -> F_LT;
            case "gt" -> F_GT;
            case "le" -> F_LE;
            case "ge" -> F_GE;
            default -> -1;
        };
    }

    private static int floatUnary(String name) {
        return switch (name) {
            case "sqrt" -> F_SQRT;
            case "ceil" -> F_CEIL;
            case "floor" -> F_FLOOR;
            case "trunc" -> F_TRUNC;
            case "nearest" -> F_NEAREST;
            default -> -1;
        };
    }

    // ------------------------------------------------------------------ shapes of emission

    /** {@code v' = f(consts..., v)} on each half of the v128 on top. */
    private void unary(String name, String desc, int... consts) {
        int v = sp - 1;
        for (int h = 0; h < 2; h++) {
            for (int c : consts) {
                pushInt(mv, c);
            }
            half(v, h == 1);
            kernel(name, desc);
        }
        storeAt(v, 'V');
    }

    /** {@code a' = f(consts..., a, b)} on each half of the two v128s on top. */
    private void binary(String name, String desc, int... consts) {
        int b = sp - 1;
        int a = sp - 2;
        for (int h = 0; h < 2; h++) {
            for (int c : consts) {
                pushInt(mv, c);
            }
            half(a, h == 1);
            half(b, h == 1);
            kernel(name, desc);
        }
        storeAt(a, 'V');
        sp = a + 1;
    }

    /** {@code a' = f(a, b, c[, flag])} on each half of the three v128s on top; {@code flag < 0} for none. */
    private void ternary(String name, String desc, int flag) {
        int a = sp - 3;
        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < 3; i++) {
                half(a + i, h == 1);
            }
            if (flag >= 0) {
                pushInt(mv, flag);
            }
            kernel(name, desc);
        }
        storeAt(a, 'V');
        sp = a + 1;
    }

    /** {@code v' = v OP constant} on each half. */
    private void inline1(int jvmOp, long constant) {
        int v = sp - 1;
        for (int h = 0; h < 2; h++) {
            half(v, h == 1);
            pushLong(constant);
            mv.visitInsn(jvmOp);
        }
        storeAt(v, 'V');
    }

    /** {@code a' = a OP b} (or {@code a OP ~b}) on each half. */
    private void inline2(int jvmOp, boolean notB) {
        int b = sp - 1;
        int a = sp - 2;
        for (int h = 0; h < 2; h++) {
            half(a, h == 1);
            half(b, h == 1);
            if (notB) {
                pushLong(-1L);
                mv.visitInsn(LXOR);
            }
            mv.visitInsn(jvmOp);
        }
        storeAt(a, 'V');
        sp = a + 1;
    }

    /** {@code (a & c) | (b & ~c)} on each half. */
    private void bitselect() {
        int c = sp - 1;
        int b = sp - 2;
        int a = sp - 3;
        for (int h = 0; h < 2; h++) {
            half(a, h == 1);
            half(c, h == 1);
            mv.visitInsn(LAND);
            half(b, h == 1);
            half(c, h == 1);
            pushLong(-1L);
            mv.visitInsn(LXOR);
            mv.visitInsn(LAND);
            mv.visitInsn(LOR);
        }
        storeAt(a, 'V');
        sp = a + 1;
    }

    /**
     * i64x2 comparisons without branches. {@code less}: all ones where {@code a < b} (signed), from
     * the sign of {@code Long.compare}; else all ones where {@code a != b}, from the sign of
     * {@code x | -x} for {@code x = a ^ b}. {@code swap} compares b with a, {@code invert} negates.
     */
    private void compare64(boolean swap, boolean less, boolean invert) {
        int b = sp - 1;
        int a = sp - 2;
        for (int h = 0; h < 2; h++) {
            half(swap ? b : a, h == 1);
            half(swap ? a : b, h == 1);
            if (less) {
                mv.visitInsn(LCMP);
                pushInt(mv, 31);
                mv.visitInsn(ISHR);
                mv.visitInsn(I2L);
            } else {
                mv.visitInsn(LXOR);
                mv.visitInsn(DUP2);
                mv.visitInsn(LNEG);
                mv.visitInsn(LOR);
                pushInt(mv, 63);
                mv.visitInsn(LSHR);
            }
            if (invert) {
                pushLong(-1L);
                mv.visitInsn(LXOR);
            }
        }
        storeAt(a, 'V');
        sp = a + 1;
    }

    /** Conversion {@code k} of both f64 lanes into the low half; the high half becomes zero. */
    private void fromF64(int k) {
        int v = sp - 1;
        pushInt(mv, k);
        lo(v);
        hi(v);
        kernel("convertFrom64", "(IJJ)J");
        mv.visitInsn(LCONST_0);
        storeAt(v, 'V');
    }

    /** Conversion {@code k} of the two low 32-bit lanes into the two f64 lanes. */
    private void toF64(int k) {
        int v = sp - 1;
        for (int lane = 0; lane < 2; lane++) {
            pushInt(mv, k);
            lo(v);
            pushInt(mv, lane);
            kernel("convertTo64", "(IJI)J");
        }
        storeAt(v, 'V');
    }

    /** Turns the long on top into the i32 1 if it is non-zero, else 0: {@code (x | -x) >>> 63}. */
    private void nonZero() {
        mv.visitInsn(DUP2);
        mv.visitInsn(LNEG);
        mv.visitInsn(LOR);
        pushInt(mv, 63);
        mv.visitInsn(LUSHR);
        mv.visitInsn(L2I);
    }

    private void splat(int w) {
        int x = sp - 1;
        if (w < 64) {
            pushInt(mv, w);
        }
        scalarAsLong(x);
        if (w < 64) {
            kernel("splat", "(IJ)J");
        }
        mv.visitInsn(DUP2);
        storeAt(x, 'V');
    }

    /** Shift of every lane of width {@code w} of the v128 below by the i32 on top. */
    private void shift(int w, int k) {
        int n = sp - 1;
        int v = sp - 2;
        for (int h = 0; h < 2; h++) {
            pushInt(mv, w);
            pushInt(mv, k);
            half(v, h == 1);
            loadAt(n);
            kernel("shift", "(IIJI)J");
        }
        storeAt(v, 'V');
        sp = v + 1;
    }

    /** Widens the low or high half of lanes of width {@code w} into lanes of width {@code 2w}. */
    private void extend(int w, boolean signed, boolean high) {
        int v = sp - 1;
        for (int h = 0; h < 2; h++) {
            pushInt(mv, w);
            pushInt(mv, signed ? 1 : 0);
            half(v, high);
            pushInt(mv, h * (32 / w));
            kernel("widen", "(IZJI)J");
        }
        storeAt(v, 'V');
    }

    private void extmul(int w, boolean signed, boolean high) {
        int b = sp - 1;
        int a = sp - 2;
        for (int h = 0; h < 2; h++) {
            pushInt(mv, w);
            pushInt(mv, signed ? 1 : 0);
            half(a, high);
            half(b, high);
            pushInt(mv, h * (32 / w));
            kernel("extmul", "(IZJJI)J");
        }
        storeAt(a, 'V');
        sp = a + 1;
    }

    /** Narrows the lanes of width {@code w} of a (result low half) and b (result high half). */
    private void narrow(int w, boolean signed) {
        int b = sp - 1;
        int a = sp - 2;
        for (int src : new int[] {a, b}) {
            pushInt(mv, w);
            pushInt(mv, signed ? 1 : 0);
            lo(src);
            hi(src);
            kernel("narrow", "(IZJJ)J");
        }
        storeAt(a, 'V');
        sp = a + 1;
    }

    private void allTrue(int w) {
        int v = sp - 1;
        for (int h = 0; h < 2; h++) {
            pushInt(mv, w);
            half(v, h == 1);
            kernel("allTrue", "(IJ)Z");
        }
        mv.visitInsn(IAND);
        storeAt(v, 'i');
    }

    private void bitmask(int w) {
        int v = sp - 1;
        pushInt(mv, w);
        lo(v);
        kernel("bitmask", "(IJ)I");
        pushInt(mv, w);
        hi(v);
        kernel("bitmask", "(IJ)I");
        pushInt(mv, 64 / w);
        mv.visitInsn(ISHL);
        mv.visitInsn(IOR);
        storeAt(v, 'i');
    }
}
