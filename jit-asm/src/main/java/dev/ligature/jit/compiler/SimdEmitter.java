package dev.ligature.jit.compiler;

import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Imm;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.VecType;

/**
 * The v128 instructions. A v128 is two long locals (see {@link StackEmitter}). Lane-wise
 * operations are {@link SimdArithmetic}'s; this class emits v128 constants, globals, lane access,
 * shuffles and memory access inline, the shuffles and wide loads through the same kernels.
 */
abstract class SimdEmitter extends SimdArithmetic {

    SimdEmitter(ModuleShape shape, int funcIndex) {
        super(shape, funcIndex);
    }

    /** Emits {@code op} if it is a v128 instruction (or a v128 global access); returns false otherwise. */
    boolean simdInstruction(Opcode op, CodeReader r) {
        switch (op) {
            case GLOBAL_GET, GLOBAL_SET -> {
                int g = (int) r.index();
                if (shape.globalTypes[g] != VecType.V128) {
                    return false;
                }
                vectorGlobal(op == Opcode.GLOBAL_GET, g);
            }
            case V128_CONST -> {
                byte[] b = r.v128();
                pushLong(littleEndian(b, 0));
                pushLong(littleEndian(b, 8));
                storeAt(sp++, 'V');
            }
            case I8X16_SHUFFLE -> shuffle(r.v128());
            default -> {
                String sig = op.sig();
                if (sig == null || sig.indexOf('v') < 0) {
                    return false;
                }
                if (op.imm() == Imm.LANE) {
                    lane(op, r.lane());
                } else if (op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE) {
                    vectorMemory(op, r);
                } else if (op.imm() != Imm.NONE || !laneWise(op)) {
                    return false;
                }
            }
        }
        return true;
    }

    static long littleEndian(byte[] b, int from) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[from + i] & 0xFF);
        }
        return v;
    }

    private void vectorGlobal(boolean get, int g) {
        if (get) {
            global(g);
            mv.visitFieldInsn(GETFIELD, GLOBAL, "value", "J");
            global(g);
            mv.visitFieldInsn(GETFIELD, GLOBAL, "high", "J");
            storeAt(sp++, 'V');
        } else {
            int v = --sp;
            global(g);
            lo(v);
            mv.visitFieldInsn(PUTFIELD, GLOBAL, "value", "J");
            global(g);
            hi(v);
            mv.visitFieldInsn(PUTFIELD, GLOBAL, "high", "J");
        }
    }

    // ------------------------------------------------------------------ lanes and shuffles

    private void lane(Opcode op, int lane) {
        if (op.sig().startsWith("v>")) {
            extractLane(op, lane);
        } else {
            replaceLane(op, lane);
        }
    }

    private void extractLane(Opcode op, int lane) {
        int v = sp - 1;
        char result = op.sig().charAt(2);
        int w = 128 / op.width(); // Opcode.width() of a lane instruction is its lane count
        int bit = lane * w;
        half(v, bit >= 64);
        if ((bit & 63) != 0) {
            pushInt(mv, bit & 63);
            mv.visitInsn(LUSHR);
        }
        switch (op) {
            case I8X16_EXTRACT_LANE_S -> { mv.visitInsn(L2I); mv.visitInsn(I2B); }
            case I8X16_EXTRACT_LANE_U -> { mv.visitInsn(L2I); pushInt(mv, 0xFF); mv.visitInsn(IAND); }
            case I16X8_EXTRACT_LANE_S -> { mv.visitInsn(L2I); mv.visitInsn(I2S); }
            case I16X8_EXTRACT_LANE_U -> { mv.visitInsn(L2I); pushInt(mv, 0xFFFF); mv.visitInsn(IAND); }
            default -> fromSlot(mv, result); // i32/f32 take the low 32 bits, i64/f64 the whole half
        }
        storeAt(v, result);
    }

    private void replaceLane(Opcode op, int lane) {
        int x = sp - 1;
        int v = sp - 2;
        int w = 128 / op.width();
        withLane(v, w, lane * w, () -> scalarAsLong(x));
        storeAt(v, 'V');
        sp--;
    }

    /**
     * Pushes the v128 at height {@code v} (low half, high half) with its {@code width}-bit lane at bit
     * {@code bit} replaced by the long that {@code lane} pushes (its low {@code width} bits count).
     */
    private void withLane(int v, int width, int bit, Runnable lane) {
        int at = bit & 63;
        long m = (width == 64 ? -1L : (1L << width) - 1) << at;
        boolean high = bit >= 64;
        if (high) {
            lo(v);
        }
        half(v, high);
        pushLong(~m);
        mv.visitInsn(LAND);
        lane.run();
        if (at != 0) {
            pushInt(mv, at);
            mv.visitInsn(LSHL);
        }
        pushLong(m);
        mv.visitInsn(LAND);
        mv.visitInsn(LOR);
        if (!high) {
            hi(v);
        }
    }

    /**
     * {@code i8x16.shuffle} with constant lanes: each result half is a swizzle of the first operand
     * (lanes 0-15) or'ed with a swizzle of the second (lanes 16-31), each with index 0xFF (giving 0)
     * where the other operand supplies the byte.
     */
    private void shuffle(byte[] lanes) {
        int b = sp - 1;
        int a = sp - 2;
        for (int h = 0; h < 2; h++) {
            long fromA = 0;
            long fromB = 0;
            for (int j = 7; j >= 0; j--) {
                int k = lanes[h * 8 + j] & 31;
                fromA = (fromA << 8) | (k < 16 ? k : 0xFF);
                fromB = (fromB << 8) | (k >= 16 ? k - 16 : 0xFF);
            }
            boolean any = false;
            if (fromA != -1L) {
                swizzleConst(a, fromA);
                any = true;
            }
            if (fromB != -1L) {
                swizzleConst(b, fromB);
                if (any) {
                    mv.visitInsn(LOR);
                }
            }
        }
        storeAt(a, 'V');
        sp = a + 1;
    }

    private void swizzleConst(int v, long idx) {
        lo(v);
        hi(v);
        pushLong(idx);
        kernel("swizzle", "(JJJ)J");
    }

    // ------------------------------------------------------------------ memory

    private void vectorMemory(Opcode op, CodeReader r) {
        boolean withVector = op.sig().startsWith("av");
        int addr = withVector ? sp - 2 : sp - 1;
        int v = addr + 1;
        int w = op.width();
        // Scratch for the memory and the effective address (or loaded value): the locals of the
        // first free stack height, which hold nothing live during this instruction.
        int tmpMem = stackVar(sp, 'r');
        int tmpLong = stackVar(sp, 'I');
        memory(r.memory());
        effectiveAddress(r, addr);
        switch (op) {
            case V128_LOAD, V128_STORE -> {
                // Check all 16 bytes first: a store must not write its first half and then trap.
                mv.visitVarInsn(LSTORE, tmpLong);
                mv.visitVarInsn(ASTORE, tmpMem);
                mv.visitVarInsn(ALOAD, tmpMem);
                mv.visitVarInsn(LLOAD, tmpLong);
                pushLong(16);
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "checkRange", "(JJ)V", false);
                for (int h = 0; h < 2; h++) {
                    mv.visitVarInsn(ALOAD, tmpMem);
                    mv.visitVarInsn(LLOAD, tmpLong);
                    if (h == 1) {
                        pushLong(8);
                        mv.visitInsn(LADD);
                    }
                    if (op == Opcode.V128_LOAD) {
                        mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "loadI64", "(J)J", false);
                    } else {
                        half(v, h == 1);
                        mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "storeI64", "(JJ)V", false);
                    }
                }
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U -> {
                // Eight bytes widened: the same kernel as iNxM.extend_low/high.
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "loadI64", "(J)J", false);
                mv.visitVarInsn(LSTORE, tmpLong);
                int lw = op == Opcode.V128_LOAD8X8_S || op == Opcode.V128_LOAD8X8_U ? 8
                        : op == Opcode.V128_LOAD16X4_S || op == Opcode.V128_LOAD16X4_U ? 16 : 32;
                boolean signed = op.memAccess().signed();
                for (int h = 0; h < 2; h++) {
                    pushInt(mv, lw);
                    mv.visitInsn(signed ? ICONST_1 : ICONST_0);
                    mv.visitVarInsn(LLOAD, tmpLong);
                    pushInt(mv, h * (32 / lw));
                    kernel("widen", "(IZJI)J");
                }
            }
            case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                loadUnsigned(w);
                if (w < 8) {
                    mv.visitVarInsn(LSTORE, tmpLong);
                    pushInt(mv, w * 8);
                    mv.visitVarInsn(LLOAD, tmpLong);
                    kernel("splat", "(IJ)J");
                }
                mv.visitInsn(DUP2);
            }
            case V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                loadUnsigned(w);
                mv.visitInsn(LCONST_0);
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                loadUnsigned(w); // the access (and its trap) comes before the vector is touched
                mv.visitVarInsn(LSTORE, tmpLong);
                withLane(v, w * 8, r.lane() * w * 8, () -> mv.visitVarInsn(LLOAD, tmpLong));
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                int bit = r.lane() * w * 8;
                half(v, bit >= 64);
                if ((bit & 63) != 0) {
                    pushInt(mv, bit & 63);
                    mv.visitInsn(LUSHR);
                }
                switch (w) {
                    case 1 -> {
                        mv.visitInsn(L2I);
                        mv.visitInsn(I2B);
                        mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "storeI8", "(JB)V", false);
                    }
                    case 2 -> {
                        mv.visitInsn(L2I);
                        mv.visitInsn(I2S);
                        mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "storeI16", "(JS)V", false);
                    }
                    case 4 -> {
                        mv.visitInsn(L2I);
                        mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "storeI32", "(JI)V", false);
                    }
                    default -> mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "storeI64", "(JJ)V", false);
                }
            }
            default -> throw fail("unsupported instruction " + op.mnemonic());
        }
        if (op.sig().endsWith(">")) {
            sp = addr;
        } else {
            storeAt(addr, 'V');
            sp = addr + 1;
        }
    }

    /** With (Memory, ea) on the stack: loads {@code bytes} bytes, zero-extended to a long. */
    private void loadUnsigned(int bytes) {
        switch (bytes) {
            case 1 -> {
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "loadI8", "(J)B", false);
                pushInt(mv, 0xFF);
                mv.visitInsn(IAND);
                mv.visitInsn(I2L);
            }
            case 2 -> {
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "loadI16", "(J)S", false);
                pushInt(mv, 0xFFFF);
                mv.visitInsn(IAND);
                mv.visitInsn(I2L);
            }
            case 4 -> {
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "loadI32", "(J)I", false);
                mv.visitInsn(I2L);
                mv.visitLdcInsn(0xFFFFFFFFL);
                mv.visitInsn(LAND);
            }
            default -> mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "loadI64", "(J)J", false);
        }
    }
}
