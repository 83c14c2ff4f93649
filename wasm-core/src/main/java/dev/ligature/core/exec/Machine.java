package dev.ligature.core.exec;

import dev.ligature.core.instr.Opcode;
import dev.ligature.core.engine.ExecContext;
import dev.ligature.core.engine.GlobalCell;
import dev.ligature.core.engine.InstanceState;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.engine.EngineFunction;
import dev.ligature.core.runtime.WasmThrow;

/**
 * The interpreter's main loop: one method over primitive arrays, small enough for HotSpot to
 * compile (under 8,000 bytes of bytecode). Hot simple instructions are inline; everything rare or
 * bulky calls out to {@link Ops}, {@link Numerics} or {@link Simd}.
 */
final class Machine {
    private static final long M = 0xFFFFFFFFL;
    private static final Opcode[] OPS = Opcode.values();

    private Machine() {}

    static void init() {
        Ops.init();
    }

    static void run(ExecContext ctx, InterpretedFunction fn, int base) {
        Code c = fn.code();
        InstanceState inst = fn.instance;
        if (inst.interruptRequested()) {
            throw inst.takeInterrupt();
        }
        int depth = ++ctx.depth;
        if (depth > ctx.maxDepth) {
            ctx.depth = depth - 1;
            throw new Trap(Trap.Kind.CALL_STACK_EXHAUSTED);
        }
        ctx.ensure(base + c.maxSlots());
        long[] s = ctx.slots;
        Object[] r = ctx.refs;
        int sp = base + c.localSlots();
        for (int i = base + c.paramSlots(); i < sp; i++) {
            s[i] = 0;
            r[i] = null;
        }
        int[] code = c.code();
        long[] k = c.consts();
        EngineFunction[] funcs = inst.functions;
        Memory[] mems = inst.memories;
        GlobalCell[] globals = inst.globals;
        int pc = 0;
        while (true) {
            try {
                while (true) {
                    switch (code[pc++]) {
                        case Op.UNREACHABLE -> throw new Trap(Trap.Kind.UNREACHABLE);
                        case Op.JUMP -> pc = code[pc];
                        case Op.JUMP_IF_ZERO -> pc = (int) s[--sp] == 0 ? code[pc] : pc + 1;
                        case Op.JUMP_IF_NZ -> pc = (int) s[--sp] != 0 ? code[pc] : pc + 1;
                        case Op.BR -> {
                            int to = base + code[pc + 2];
                            if (code[pc + 1] == 1) {
                                s[to] = s[sp - 1];
                                r[to] = r[sp - 1];
                                sp = to + 1;
                            } else {
                                sp = Ops.move(s, r, sp, code[pc + 1], to);
                            }
                            pc = code[pc];
                        }
                        case Op.BR_IF -> {
                            if ((int) s[--sp] != 0) {
                                sp = Ops.move(s, r, sp, code[pc + 1], base + code[pc + 2]);
                                pc = code[pc];
                            } else {
                                pc += 3;
                            }
                        }
                        case Op.BR_TABLE -> {
                            int i = (int) s[--sp];
                            int n = code[pc];
                            int e = pc + 1 + 3 * (Integer.compareUnsigned(i, n) < 0 ? i : n);
                            sp = Ops.move(s, r, sp, code[e + 1], base + code[e + 2]);
                            pc = code[e];
                        }
                        case Op.RETURN -> {
                            if (code[pc] == 1) {
                                s[base] = s[sp - 1];
                                r[base] = r[sp - 1];
                            } else {
                                Ops.move(s, r, sp, code[pc], base);
                            }
                            ctx.depth = depth - 1;
                            return;
                        }
                        case Op.LOOP_CHECK -> {
                            if (inst.interruptRequested()) {
                                throw inst.takeInterrupt();
                            }
                        }
                        case Op.CALL -> {
                            int nb = sp - code[pc + 1];
                            ctx.caller = inst.instance();
                            funcs[code[pc]].invoke(ctx, nb);
                            s = ctx.slots;
                            r = ctx.refs;
                            sp = nb + code[pc + 2];
                            pc += 3;
                        }
                        case Op.CALL_INDIRECT, Op.CALL_REF -> {
                            boolean ind = code[pc - 1] == Op.CALL_INDIRECT;
                            EngineFunction f = ind ? Ops.indirect(inst, code[pc], code[pc + 1], code[pc + 2], s[--sp])
                                    : Ops.ref(r[--sp]);
                            int at = ind ? pc + 3 : pc;
                            int nb = sp - code[at];
                            ctx.caller = inst.instance();
                            f.invoke(ctx, nb);
                            s = ctx.slots;
                            r = ctx.refs;
                            sp = nb + code[at + 1];
                            pc = at + 2;
                        }
                        case Op.RETURN_CALL -> {
                            Ops.tail(ctx, inst, funcs[code[pc]], s, r, sp, code[pc + 1], base);
                            ctx.depth = depth - 1;
                            return;
                        }
                        case Op.RETURN_CALL_INDIRECT -> {
                            EngineFunction f = Ops.indirect(inst, code[pc], code[pc + 1], code[pc + 2], s[--sp]);
                            Ops.tail(ctx, inst, f, s, r, sp, code[pc + 3], base);
                            ctx.depth = depth - 1;
                            return;
                        }
                        case Op.RETURN_CALL_REF -> {
                            EngineFunction f = Ops.ref(r[--sp]);
                            Ops.tail(ctx, inst, f, s, r, sp, code[pc], base);
                            ctx.depth = depth - 1;
                            return;
                        }
                        case Op.THROW -> throw Ops.exception(inst, code[pc], s, r, sp, code[pc + 1]);
                        case Op.THROW_REF -> throw Ops.rethrow(r[sp - 1]);
                        case Op.RETHROW -> throw Ops.rethrow(r[base + code[pc]]);
                        case Op.DROP -> sp -= code[pc++];
                        case Op.SELECT -> {
                            int cond = (int) s[--sp];
                            sp--;
                            if (cond == 0) {
                                s[sp - 1] = s[sp];
                            }
                        }
                        case Op.SELECT_REF -> {
                            int cond = (int) s[--sp];
                            sp--;
                            if (cond == 0) {
                                r[sp - 1] = r[sp];
                            }
                        }
                        case Op.SELECT_V -> {
                            int cond = (int) s[--sp];
                            sp -= 2;
                            if (cond == 0) {
                                s[sp - 2] = s[sp];
                                s[sp - 1] = s[sp + 1];
                            }
                        }
                        case Op.LOCAL_GET -> s[sp++] = s[base + code[pc++]];
                        case Op.LOCAL_SET -> s[base + code[pc++]] = s[--sp];
                        case Op.LOCAL_TEE -> s[base + code[pc++]] = s[sp - 1];
                        case Op.LOCAL_GET_REF -> r[sp++] = r[base + code[pc++]];
                        case Op.LOCAL_SET_REF -> r[base + code[pc++]] = r[--sp];
                        case Op.LOCAL_TEE_REF -> r[base + code[pc++]] = r[sp - 1];
                        case Op.LOCAL_GET_V -> {
                            int at = base + code[pc++];
                            s[sp] = s[at];
                            s[sp + 1] = s[at + 1];
                            sp += 2;
                        }
                        case Op.LOCAL_SET_V, Op.LOCAL_TEE_V -> {
                            int at = base + code[pc++];
                            s[at] = s[sp - 2];
                            s[at + 1] = s[sp - 1];
                            if (code[pc - 2] == Op.LOCAL_SET_V) {
                                sp -= 2;
                            }
                        }
                        case Op.GLOBAL_GET -> s[sp++] = globals[code[pc++]].value;
                        case Op.GLOBAL_SET -> globals[code[pc++]].value = s[--sp];
                        case Op.GLOBAL_GET_REF -> r[sp++] = globals[code[pc++]].ref;
                        case Op.GLOBAL_SET_REF -> globals[code[pc++]].ref = r[--sp];
                        case Op.GLOBAL_GET_V -> {
                            GlobalCell g = globals[code[pc++]];
                            s[sp] = g.value;
                            s[sp + 1] = g.high;
                            sp += 2;
                        }
                        case Op.GLOBAL_SET_V -> {
                            GlobalCell g = globals[code[pc++]];
                            g.value = s[sp - 2];
                            g.high = s[sp - 1];
                            sp -= 2;
                        }
                        case Op.CONST32 -> s[sp++] = code[pc++];
                        case Op.CONST64 -> s[sp++] = k[code[pc++]];
                        case Op.CONST_V -> {
                            int i = code[pc++];
                            s[sp] = k[i];
                            s[sp + 1] = k[i + 1];
                            sp += 2;
                        }
                        case Op.L32 -> {
                            s[sp - 1] = mems[code[pc]].loadI32((s[sp - 1] & M) + (code[pc + 1] & M));
                            pc += 2;
                        }
                        case Op.L64 -> {
                            s[sp - 1] = mems[code[pc]].loadI64((s[sp - 1] & M) + (code[pc + 1] & M));
                            pc += 2;
                        }
                        case Op.L8S -> {
                            s[sp - 1] = mems[code[pc]].loadI8((s[sp - 1] & M) + (code[pc + 1] & M));
                            pc += 2;
                        }
                        case Op.L8U -> {
                            s[sp - 1] = mems[code[pc]].loadI8((s[sp - 1] & M) + (code[pc + 1] & M)) & 0xFF;
                            pc += 2;
                        }
                        case Op.L16S -> {
                            s[sp - 1] = mems[code[pc]].loadI16((s[sp - 1] & M) + (code[pc + 1] & M));
                            pc += 2;
                        }
                        case Op.L16U -> {
                            s[sp - 1] = mems[code[pc]].loadI16((s[sp - 1] & M) + (code[pc + 1] & M)) & 0xFFFF;
                            pc += 2;
                        }
                        case Op.L32U -> {
                            s[sp - 1] = mems[code[pc]].loadI32((s[sp - 1] & M) + (code[pc + 1] & M)) & M;
                            pc += 2;
                        }
                        case Op.S8 -> {
                            sp -= 2;
                            mems[code[pc]].storeI8((s[sp] & M) + (code[pc + 1] & M), (byte) s[sp + 1]);
                            pc += 2;
                        }
                        case Op.S16 -> {
                            sp -= 2;
                            mems[code[pc]].storeI16((s[sp] & M) + (code[pc + 1] & M), (short) s[sp + 1]);
                            pc += 2;
                        }
                        case Op.S32 -> {
                            sp -= 2;
                            mems[code[pc]].storeI32((s[sp] & M) + (code[pc + 1] & M), (int) s[sp + 1]);
                            pc += 2;
                        }
                        case Op.S64 -> {
                            sp -= 2;
                            mems[code[pc]].storeI64((s[sp] & M) + (code[pc + 1] & M), s[sp + 1]);
                            pc += 2;
                        }
                        case Op.MEMORY_SIZE -> s[sp++] = mems[code[pc++]].pages();
                        case Op.MEMORY_GROW -> {
                            s[sp - 1] = mems[code[pc]].grow(code[pc + 1] != 0 ? s[sp - 1] : s[sp - 1] & M);
                            pc += 2;
                        }
                        case Op.MEM_SLOW -> {
                            sp = Ops.memory(OPS[code[pc]], mems[code[pc + 1]], k[code[pc + 2]], code[pc + 3], s, sp);
                            pc += 4;
                        }
                        case Op.NUMERIC -> sp = Numerics.apply(OPS[code[pc++]], s, sp);
                        case Op.SIMD -> sp = Simd.apply(OPS[code[pc++]], s, sp);
                        case Op.SIMD_LANE -> {
                            sp = Ops.lane(OPS[code[pc]], code[pc + 1], s, sp);
                            pc += 2;
                        }
                        case Op.SHUFFLE -> sp = Simd.shuffle((byte[]) c.aux()[code[pc++]], s, sp);
                        case Op.MISC -> {
                            sp = Ops.misc(OPS[code[pc]], code[pc + 1], code[pc + 2], inst, s, r, sp);
                            pc += 3;
                        }
                        case Op.REF_NULL -> {
                            s[sp] = 0;
                            r[sp++] = null;
                        }
                        case Op.REF_IS_NULL -> s[sp - 1] = r[sp - 1] == null ? 1 : 0;
                        case Op.REF_FUNC -> r[sp++] = funcs[code[pc++]];
                        case Op.REF_EQ -> {
                            sp--;
                            s[sp - 1] = r[sp - 1] == r[sp] ? 1 : 0;
                        }
                        case Op.REF_AS_NON_NULL -> {
                            if (r[sp - 1] == null) {
                                throw new Trap(Trap.Kind.NULL_REFERENCE);
                            }
                        }
                        case Op.BR_ON_NULL -> {
                            if (r[--sp] == null) {
                                sp = Ops.move(s, r, sp, code[pc + 1], base + code[pc + 2]);
                                pc = code[pc];
                            } else {
                                sp++;
                                pc += 3;
                            }
                        }
                        case Op.BR_ON_NON_NULL -> {
                            if (r[sp - 1] != null) {
                                sp = Ops.move(s, r, sp, code[pc + 1], base + code[pc + 2]);
                                pc = code[pc];
                            } else {
                                sp--;
                                pc += 3;
                            }
                        }
                        case Op.TABLE_GET -> {
                            r[sp - 1] = inst.tables[code[pc]].get(code[pc + 1] != 0 ? s[sp - 1] : s[sp - 1] & M);
                            pc += 2;
                        }
                        case Op.TABLE_SET -> {
                            sp -= 2;
                            inst.tables[code[pc]].set(code[pc + 1] != 0 ? s[sp] : s[sp] & M, r[sp + 1]);
                            pc += 2;
                        }
                        // ---- fused
                        case Op.LOCAL_GET2 -> {
                            s[sp] = s[base + code[pc]];
                            s[sp + 1] = s[base + code[pc + 1]];
                            sp += 2;
                            pc += 2;
                        }
                        case Op.I32_ADD_IMM -> s[sp - 1] = (int) s[sp - 1] + code[pc++];
                        case Op.I32_AND_IMM -> s[sp - 1] = (int) s[sp - 1] & code[pc++];
                        case Op.I32_SHL_IMM -> s[sp - 1] = (int) s[sp - 1] << code[pc++];
                        case Op.I32_SHR_U_IMM -> s[sp - 1] = (int) s[sp - 1] >>> code[pc++];
                        case Op.L32_LOCAL -> {
                            s[sp++] = mems[code[pc + 1]].loadI32((s[base + code[pc]] & M) + (code[pc + 2] & M));
                            pc += 3;
                        }
                        case Op.LOCAL_ADD_IMM -> {
                            s[sp++] = (int) s[base + code[pc]] + code[pc + 1];
                            pc += 2;
                        }
                        case Op.S32_LL -> {
                            mems[code[pc + 2]].storeI32((s[base + code[pc]] & M) + (code[pc + 3] & M), (int) s[base + code[pc + 1]]);
                            pc += 4;
                        }
                        case Op.I32_CMP_JUMP -> {
                            sp -= 2;
                            pc = Ops.compare(code[pc], (int) s[sp], (int) s[sp + 1]) ? code[pc + 1] : pc + 2;
                        }
                        // ---- i32
                        case Op.I32_EQZ -> s[sp - 1] = (int) s[sp - 1] == 0 ? 1 : 0;
                        case Op.I32_EQ -> { sp--; s[sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0; }
                        case Op.I32_NE -> { sp--; s[sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0; }
                        case Op.I32_LT_S -> { sp--; s[sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0; }
                        case Op.I32_LT_U -> { sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) < 0 ? 1 : 0; }
                        case Op.I32_GT_S -> { sp--; s[sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0; }
                        case Op.I32_GT_U -> { sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) > 0 ? 1 : 0; }
                        case Op.I32_LE_S -> { sp--; s[sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0; }
                        case Op.I32_LE_U -> { sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) <= 0 ? 1 : 0; }
                        case Op.I32_GE_S -> { sp--; s[sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0; }
                        case Op.I32_GE_U -> { sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) >= 0 ? 1 : 0; }
                        case Op.I32_CLZ -> s[sp - 1] = Integer.numberOfLeadingZeros((int) s[sp - 1]);
                        case Op.I32_CTZ -> s[sp - 1] = Integer.numberOfTrailingZeros((int) s[sp - 1]);
                        case Op.I32_POPCNT -> s[sp - 1] = Integer.bitCount((int) s[sp - 1]);
                        case Op.I32_ADD -> { sp--; s[sp - 1] = (int) s[sp - 1] + (int) s[sp]; }
                        case Op.I32_SUB -> { sp--; s[sp - 1] = (int) s[sp - 1] - (int) s[sp]; }
                        case Op.I32_MUL -> { sp--; s[sp - 1] = (int) s[sp - 1] * (int) s[sp]; }
                        case Op.I32_DIV_S, Op.I32_DIV_U, Op.I32_REM_S, Op.I32_REM_U -> {
                            sp--;
                            s[sp - 1] = Ops.i32Div(code[pc - 1], (int) s[sp - 1], (int) s[sp]);
                        }
                        case Op.I32_AND -> { sp--; s[sp - 1] = (int) s[sp - 1] & (int) s[sp]; }
                        case Op.I32_OR -> { sp--; s[sp - 1] = (int) s[sp - 1] | (int) s[sp]; }
                        case Op.I32_XOR -> { sp--; s[sp - 1] = (int) s[sp - 1] ^ (int) s[sp]; }
                        case Op.I32_SHL -> { sp--; s[sp - 1] = (int) s[sp - 1] << (int) s[sp]; }
                        case Op.I32_SHR_S -> { sp--; s[sp - 1] = (int) s[sp - 1] >> (int) s[sp]; }
                        case Op.I32_SHR_U -> { sp--; s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp]; }
                        case Op.I32_ROTL -> { sp--; s[sp - 1] = Integer.rotateLeft((int) s[sp - 1], (int) s[sp]); }
                        case Op.I32_ROTR -> { sp--; s[sp - 1] = Integer.rotateRight((int) s[sp - 1], (int) s[sp]); }
                        // ---- i64
                        case Op.I64_EQZ -> s[sp - 1] = s[sp - 1] == 0 ? 1 : 0;
                        case Op.I64_EQ -> { sp--; s[sp - 1] = s[sp - 1] == s[sp] ? 1 : 0; }
                        case Op.I64_NE -> { sp--; s[sp - 1] = s[sp - 1] != s[sp] ? 1 : 0; }
                        case Op.I64_LT_S -> { sp--; s[sp - 1] = s[sp - 1] < s[sp] ? 1 : 0; }
                        case Op.I64_LT_U -> { sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) < 0 ? 1 : 0; }
                        case Op.I64_GT_S -> { sp--; s[sp - 1] = s[sp - 1] > s[sp] ? 1 : 0; }
                        case Op.I64_GT_U -> { sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) > 0 ? 1 : 0; }
                        case Op.I64_LE_S -> { sp--; s[sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0; }
                        case Op.I64_LE_U -> { sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) <= 0 ? 1 : 0; }
                        case Op.I64_GE_S -> { sp--; s[sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0; }
                        case Op.I64_GE_U -> { sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) >= 0 ? 1 : 0; }
                        case Op.I64_CLZ -> s[sp - 1] = Long.numberOfLeadingZeros(s[sp - 1]);
                        case Op.I64_CTZ -> s[sp - 1] = Long.numberOfTrailingZeros(s[sp - 1]);
                        case Op.I64_POPCNT -> s[sp - 1] = Long.bitCount(s[sp - 1]);
                        case Op.I64_ADD -> { sp--; s[sp - 1] += s[sp]; }
                        case Op.I64_SUB -> { sp--; s[sp - 1] -= s[sp]; }
                        case Op.I64_MUL -> { sp--; s[sp - 1] *= s[sp]; }
                        case Op.I64_DIV_S, Op.I64_DIV_U, Op.I64_REM_S, Op.I64_REM_U -> {
                            sp--;
                            s[sp - 1] = Ops.i64Div(code[pc - 1], s[sp - 1], s[sp]);
                        }
                        case Op.I64_AND -> { sp--; s[sp - 1] &= s[sp]; }
                        case Op.I64_OR -> { sp--; s[sp - 1] |= s[sp]; }
                        case Op.I64_XOR -> { sp--; s[sp - 1] ^= s[sp]; }
                        case Op.I64_SHL -> { sp--; s[sp - 1] <<= s[sp]; }
                        case Op.I64_SHR_S -> { sp--; s[sp - 1] >>= s[sp]; }
                        case Op.I64_SHR_U -> { sp--; s[sp - 1] >>>= s[sp]; }
                        case Op.I64_ROTL -> { sp--; s[sp - 1] = Long.rotateLeft(s[sp - 1], (int) s[sp]); }
                        case Op.I64_ROTR -> { sp--; s[sp - 1] = Long.rotateRight(s[sp - 1], (int) s[sp]); }
                        // ---- f32 (raw bits in the low 32 bits of a slot)
                        case Op.F32_EQ -> { sp--; s[sp - 1] = f(s[sp - 1]) == f(s[sp]) ? 1 : 0; }
                        case Op.F32_NE -> { sp--; s[sp - 1] = f(s[sp - 1]) != f(s[sp]) ? 1 : 0; }
                        case Op.F32_LT -> { sp--; s[sp - 1] = f(s[sp - 1]) < f(s[sp]) ? 1 : 0; }
                        case Op.F32_GT -> { sp--; s[sp - 1] = f(s[sp - 1]) > f(s[sp]) ? 1 : 0; }
                        case Op.F32_LE -> { sp--; s[sp - 1] = f(s[sp - 1]) <= f(s[sp]) ? 1 : 0; }
                        case Op.F32_GE -> { sp--; s[sp - 1] = f(s[sp - 1]) >= f(s[sp]) ? 1 : 0; }
                        case Op.F32_ABS -> s[sp - 1] &= 0x7FFFFFFFL;
                        case Op.F32_NEG -> s[sp - 1] = (s[sp - 1] ^ 0x80000000L) & M;
                        case Op.F32_SQRT -> s[sp - 1] = f((float) Math.sqrt(f(s[sp - 1])));
                        case Op.F32_ADD -> { sp--; s[sp - 1] = f(f(s[sp - 1]) + f(s[sp])); }
                        case Op.F32_SUB -> { sp--; s[sp - 1] = f(f(s[sp - 1]) - f(s[sp])); }
                        case Op.F32_MUL -> { sp--; s[sp - 1] = f(f(s[sp - 1]) * f(s[sp])); }
                        case Op.F32_DIV -> { sp--; s[sp - 1] = f(f(s[sp - 1]) / f(s[sp])); }
                        // ---- f64
                        case Op.F64_EQ -> { sp--; s[sp - 1] = d(s[sp - 1]) == d(s[sp]) ? 1 : 0; }
                        case Op.F64_NE -> { sp--; s[sp - 1] = d(s[sp - 1]) != d(s[sp]) ? 1 : 0; }
                        case Op.F64_LT -> { sp--; s[sp - 1] = d(s[sp - 1]) < d(s[sp]) ? 1 : 0; }
                        case Op.F64_GT -> { sp--; s[sp - 1] = d(s[sp - 1]) > d(s[sp]) ? 1 : 0; }
                        case Op.F64_LE -> { sp--; s[sp - 1] = d(s[sp - 1]) <= d(s[sp]) ? 1 : 0; }
                        case Op.F64_GE -> { sp--; s[sp - 1] = d(s[sp - 1]) >= d(s[sp]) ? 1 : 0; }
                        case Op.F64_ABS -> s[sp - 1] &= Long.MAX_VALUE;
                        case Op.F64_NEG -> s[sp - 1] ^= Long.MIN_VALUE;
                        case Op.F64_SQRT -> s[sp - 1] = d(Math.sqrt(d(s[sp - 1])));
                        case Op.F64_ADD -> { sp--; s[sp - 1] = d(d(s[sp - 1]) + d(s[sp])); }
                        case Op.F64_SUB -> { sp--; s[sp - 1] = d(d(s[sp - 1]) - d(s[sp])); }
                        case Op.F64_MUL -> { sp--; s[sp - 1] = d(d(s[sp - 1]) * d(s[sp])); }
                        case Op.F64_DIV -> { sp--; s[sp - 1] = d(d(s[sp - 1]) / d(s[sp])); }
                        // ---- conversions
                        case Op.I32_WRAP_I64, Op.I64_EXTEND_I32_S, Op.I64_EXTEND32_S -> s[sp - 1] = (int) s[sp - 1];
                        case Op.I64_EXTEND_I32_U -> s[sp - 1] &= M;
                        case Op.I32_EXTEND8_S, Op.I64_EXTEND8_S -> s[sp - 1] = (byte) s[sp - 1];
                        case Op.I32_EXTEND16_S, Op.I64_EXTEND16_S -> s[sp - 1] = (short) s[sp - 1];
                        case Op.F32_DEMOTE_F64 -> s[sp - 1] = f((float) d(s[sp - 1]));
                        case Op.F64_PROMOTE_F32 -> s[sp - 1] = d(f(s[sp - 1]));
                        case Op.F32_CONVERT_I32_S -> s[sp - 1] = f((float) (int) s[sp - 1]);
                        case Op.F64_CONVERT_I32_S -> s[sp - 1] = d((double) (int) s[sp - 1]);
                        case Op.F32_CONVERT_I64_S -> s[sp - 1] = f((float) s[sp - 1]);
                        case Op.F64_CONVERT_I64_S -> s[sp - 1] = d((double) s[sp - 1]);
                        default -> throw new IllegalStateException("bad internal opcode " + code[pc - 1] + " at " + (pc - 1));
                    }
                }
            } catch (WasmThrow e) {
                int[] h = c.handlers();
                int hi = h.length == 0 ? -1 : Handlers.find(h, pc, e, inst);
                if (hi < 0) {
                    throw e;
                }
                ctx.depth = depth;
                s = ctx.slots;
                r = ctx.refs;
                sp = Handlers.land(h, hi, e, s, r, base);
                pc = h[hi + Handlers.TARGET];
            }
        }
    }

    private static float f(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    private static long f(float v) {
        return Float.floatToRawIntBits(v) & M;
    }

    private static double d(long slot) {
        return Double.longBitsToDouble(slot);
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
