package dev.ligature.core.exec;

import dev.ligature.core.instr.MemAccess;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.engine.ExecContext;
import dev.ligature.core.engine.InstanceState;
import dev.ligature.core.runtime.Memory;
import dev.ligature.core.runtime.Table;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.engine.Types;
import dev.ligature.core.engine.EngineFunction;
import dev.ligature.core.engine.Tables;
import dev.ligature.core.engine.TrapFrames;
import dev.ligature.core.runtime.WasmThrow;
import java.util.Arrays;

/** The interpreter's out-of-line operations: kept out of {@link Machine} so its loop stays small. */
final class Ops {
    private static final long M = 0xFFFFFFFFL;

    private Ops() {}

    static void init() {
        TrapFrames.add(new Trap(Trap.Kind.UNREACHABLE), i -> null, 0);
        Handlers.find(new int[0], 0, null, null);
        Types.registry();
    }

    /** Moves the top {@code k} slots (values and references) down to {@code to}; returns the new sp. */
    static int move(long[] s, Object[] r, int sp, int k, int to) {
        int from = sp - k;
        if (from != to && k > 0) {
            System.arraycopy(s, from, s, to, k);
            System.arraycopy(r, from, r, to, k);
        }
        return to + k;
    }

    static EngineFunction indirect(InstanceState inst, int typeId, int table, int is64, long index) {
        return Tables.functionForCall(inst.tables[table], is64 != 0 ? index : index & M, typeId);
    }

    static EngineFunction ref(Object o) {
        if (o == null) {
            throw new Trap(Trap.Kind.NULL_FUNCTION_REFERENCE);
        }
        return (EngineFunction) o;
    }

    /** Prepares a tail call: arguments to the frame's base, the callee left for the entry loop. */
    static void tail(ExecContext ctx, InstanceState caller, EngineFunction f, long[] s, Object[] r, int sp, int argSlots, int base) {
        move(s, r, sp, argSlots, base);
        ctx.caller = caller.instance();
        ctx.tailCall = f;
    }

    static WasmThrow exception(InstanceState inst, int tag, long[] s, Object[] r, int sp, int n) {
        return new WasmThrow(inst.tags[tag], Arrays.copyOfRange(s, sp - n, sp), Arrays.copyOfRange(r, sp - n, sp));
    }

    static WasmThrow rethrow(Object exn) {
        if (exn == null) {
            throw new Trap(Trap.Kind.NULL_REFERENCE);
        }
        return (WasmThrow) exn;
    }

    /**
     * An i32 comparison for a fused compare-and-jump: {@code cmp} is the comparison's {@link Op}
     * code, negated when the jump is taken on false.
     */
    static boolean compare(int cmp, int a, int b) {
        boolean r = switch (cmp < 0 ? -cmp : cmp) {
            case Op.I32_EQ -> a == b;
            case Op.I32_NE -> a != b;
            case Op.I32_LT_S -> a < b;
            case Op.I32_LT_U -> Integer.compareUnsigned(a, b) < 0;
            case Op.I32_GT_S -> a > b;
            case Op.I32_GT_U -> Integer.compareUnsigned(a, b) > 0;
            case Op.I32_LE_S -> a <= b;
            case Op.I32_LE_U -> Integer.compareUnsigned(a, b) <= 0;
            case Op.I32_GE_S -> a >= b;
            default -> Integer.compareUnsigned(a, b) >= 0;
        };
        return cmp < 0 ? !r : r;
    }

    static long i32Div(int op, int a, int b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        return switch (op) {
            case Op.I32_DIV_S -> {
                if (a == Integer.MIN_VALUE && b == -1) {
                    throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
                }
                yield a / b;
            }
            case Op.I32_DIV_U -> Integer.divideUnsigned(a, b);
            case Op.I32_REM_S -> a % b;
            default -> Integer.remainderUnsigned(a, b);
        };
    }

    static long i64Div(int op, long a, long b) {
        if (b == 0) {
            throw new Trap(Trap.Kind.INTEGER_DIVIDE_BY_ZERO);
        }
        return switch (op) {
            case Op.I64_DIV_S -> {
                if (a == Long.MIN_VALUE && b == -1) {
                    throw new Trap(Trap.Kind.INTEGER_OVERFLOW);
                }
                yield a / b;
            }
            case Op.I64_DIV_U -> Long.divideUnsigned(a, b);
            case Op.I64_REM_S -> a % b;
            default -> Long.remainderUnsigned(a, b);
        };
    }

    static int lane(Opcode op, int lane, long[] s, int sp) {
        return op.sig().startsWith("v>") ? Simd.extractLane(op, lane, s, sp) : Simd.replaceLane(op, lane, s, sp);
    }

    private static long addr(long v, boolean is64) {
        return is64 ? v : v & M;
    }

    /**
     * Memory instructions off the fast path: any access to a 64-bit memory, offsets past 32 bits,
     * and the vector loads and stores.
     */
    static int memory(Opcode op, Memory m, long off, int lane, long[] s, int sp) {
        String sig = op.sig();
        int above = 0;
        for (int i = sig.indexOf('a') + 1; i < sig.indexOf('>'); i++) {
            above += sig.charAt(i) == 'v' ? 2 : 1;
        }
        int at = sp - 1 - above;
        boolean is64 = m.type().is64();
        long a = addr(s[at], is64);
        long ea = a + off;
        if (a < 0 || off < 0 || ea < 0) {
            ea = -1;
        }
        MemAccess acc = op.memAccess();
        if (acc.scalar()) {
            // The same operations as the fast path's (Inline.memoryOp), with any address and offset.
            if (acc.store()) {
                switch (acc.bytes()) {
                    case 1 -> m.storeI8(ea, (byte) s[at + 1]);
                    case 2 -> m.storeI16(ea, (short) s[at + 1]);
                    case 4 -> m.storeI32(ea, (int) s[at + 1]);
                    default -> m.storeI64(ea, s[at + 1]);
                }
            } else {
                s[at] = switch (acc.bytes()) {
                    case 1 -> acc.signed() ? m.loadI8(ea) : m.loadI8(ea) & 0xFF;
                    case 2 -> acc.signed() ? m.loadI16(ea) : m.loadI16(ea) & 0xFFFF;
                    case 4 -> acc.partial() && !acc.signed() ? m.loadI32(ea) & M : m.loadI32(ea);
                    default -> m.loadI64(ea);
                };
            }
            return acc.store() ? at : at + 1;
        }
        switch (op) {
            case V128_LOAD -> {
                m.checkRange(ea, 16);
                s[at] = m.loadI64(ea);
                s[at + 1] = m.loadI64(ea + 8);
            }
            case V128_STORE -> {
                m.checkRange(ea, 16);
                m.storeI64(ea, s[at + 1]);
                m.storeI64(ea + 8, s[at + 2]);
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U -> {
                long v = m.loadI64(ea);
                int w = op == Opcode.V128_LOAD8X8_S || op == Opcode.V128_LOAD8X8_U ? 1
                        : op == Opcode.V128_LOAD16X4_S || op == Opcode.V128_LOAD16X4_U ? 2 : 4;
                boolean signed = acc.signed();
                long lo = 0;
                long hi = 0;
                int lanes = 8 / w;
                int bits = w * 8;
                for (int i = 0; i < lanes; i++) {
                    long x = (v >>> (i * bits)) & ((1L << bits) - 1);
                    if (signed) {
                        x = (x << (64 - bits)) >> (64 - bits);
                    }
                    x &= bits == 32 ? -1L : (1L << (2 * bits)) - 1;
                    int pos = i * 2 * bits;
                    if (pos < 64) {
                        lo |= x << pos;
                    } else {
                        hi |= x << (pos - 64);
                    }
                }
                s[at] = lo;
                s[at + 1] = hi;
            }
            case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                int w = op.width();
                long x = w == 1 ? m.loadI8(ea) & 0xFF : w == 2 ? m.loadI16(ea) & 0xFFFF : w == 4 ? m.loadI32(ea) & M : m.loadI64(ea);
                long v = 0;
                for (int i = 0; i < 8 / w; i++) {
                    v |= x << (i * w * 8);
                }
                s[at] = v;
                s[at + 1] = v;
            }
            case V128_LOAD32_ZERO -> {
                s[at] = m.loadI32(ea) & M;
                s[at + 1] = 0;
            }
            case V128_LOAD64_ZERO -> {
                s[at] = m.loadI64(ea);
                s[at + 1] = 0;
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                int w = op.width();
                long x = w == 1 ? m.loadI8(ea) & 0xFF : w == 2 ? m.loadI16(ea) & 0xFFFF : w == 4 ? m.loadI32(ea) & M : m.loadI64(ea);
                int pos = lane * w * 8;
                int idx = at + 1 + (pos >= 64 ? 1 : 0);
                int shift = pos & 63;
                long mask = w == 8 ? -1L : ((1L << (w * 8)) - 1) << shift;
                s[idx] = (s[idx] & ~mask) | ((x << shift) & mask);
                s[at] = s[at + 1];
                s[at + 1] = s[at + 2];
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                int w = op.width();
                int pos = lane * w * 8;
                long x = s[at + 1 + (pos >= 64 ? 1 : 0)] >>> (pos & 63);
                switch (w) {
                    case 1 -> m.storeI8(ea, (byte) x);
                    case 2 -> m.storeI16(ea, (short) x);
                    case 4 -> m.storeI32(ea, (int) x);
                    default -> m.storeI64(ea, x);
                }
            }
            default -> throw new IllegalStateException(op.mnemonic());
        }
        int gt = sig.indexOf('>');
        int out = 0;
        for (int i = gt + 1; i < sig.length(); i++) {
            out += sig.charAt(i) == 'v' ? 2 : 1;
        }
        return at + out;
    }

    /** Bulk memory and table instructions, table.size/grow/fill, segment drops. */
    static int misc(Opcode op, int a, int b, InstanceState inst, long[] s, Object[] r, int sp) {
        switch (op) {
            case MEMORY_INIT -> {
                Memory m = inst.memories[b];
                m.init(addr(s[sp - 3], m.type().is64()), inst.dataSegment(a), s[sp - 2] & M, s[sp - 1] & M);
                return sp - 3;
            }
            case DATA_DROP -> inst.dropDataSegment(a);
            case MEMORY_COPY -> {
                Memory dst = inst.memories[a];
                Memory src = inst.memories[b];
                boolean n64 = dst.type().is64() && src.type().is64();
                dst.copy(addr(s[sp - 3], dst.type().is64()), src, addr(s[sp - 2], src.type().is64()), addr(s[sp - 1], n64));
                return sp - 3;
            }
            case MEMORY_FILL -> {
                Memory m = inst.memories[a];
                boolean is64 = b != 0;
                m.fill(addr(s[sp - 3], is64), (byte) s[sp - 2], addr(s[sp - 1], is64));
                return sp - 3;
            }
            case TABLE_INIT -> {
                Table t = inst.tables[b];
                t.init(addr(s[sp - 3], t.type().is64()), inst.elementSegment(a), s[sp - 2] & M, s[sp - 1] & M);
                return sp - 3;
            }
            case ELEM_DROP -> inst.dropElementSegment(a);
            case TABLE_COPY -> {
                Table dst = inst.tables[a];
                Table src = inst.tables[b];
                boolean n64 = dst.type().is64() && src.type().is64();
                dst.copy(addr(s[sp - 3], dst.type().is64()), src, addr(s[sp - 2], src.type().is64()), addr(s[sp - 1], n64));
                return sp - 3;
            }
            case TABLE_GROW -> {
                Table t = inst.tables[a];
                s[sp - 2] = t.grow(addr(s[sp - 1], b != 0), r[sp - 2]);
                r[sp - 2] = null;
                return sp - 1;
            }
            case TABLE_SIZE -> {
                s[sp] = inst.tables[a].size();
                return sp + 1;
            }
            case TABLE_FILL -> {
                Table t = inst.tables[a];
                t.fill(addr(s[sp - 3], b != 0), r[sp - 2], addr(s[sp - 1], b != 0));
                return sp - 3;
            }
            default -> throw new IllegalStateException(op.mnemonic());
        }
        return sp;
    }
}
