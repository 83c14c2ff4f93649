package dev.ligature.core.runtime;

import dev.ligature.core.ast.Expr;
import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.engine.GlobalCell;
import dev.ligature.core.engine.InstanceState;
import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Opcode;

/**
 * Evaluates constant expressions (global initialisers, segment offsets and elements, table
 * initialisers) of a validated module in the context of an instance under construction. The
 * result is left in {@link #lo}, {@link #hi} (v128 high half) and {@link #ref}.
 */
final class ConstEval {
    private final InstanceState inst;
    private long[] stack = new long[8];
    private long[] high = new long[8];
    private Object[] refs = new Object[8];
    long lo;
    long hi;
    Object ref;

    ConstEval(InstanceState inst) {
        this.inst = inst;
    }

    void eval(Expr e) {
        CodeReader r = new CodeReader(new WasmReader(e.bytes()));
        int sp = 0;
        while (r.hasNext()) {
            Opcode op = r.next();
            if (sp + 1 >= stack.length) {
                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                high = java.util.Arrays.copyOf(high, high.length * 2);
                refs = java.util.Arrays.copyOf(refs, refs.length * 2);
            }
            switch (op) {
                case I32_CONST -> push(sp++, (int) r.value(), 0, null);
                case I64_CONST, F32_CONST, F64_CONST -> push(sp++, r.value(), 0, null);
                case V128_CONST -> {
                    byte[] b = r.v128();
                    push(sp++, le(b, 0), le(b, 8), null);
                }
                case REF_NULL -> push(sp++, 0, 0, null);
                case REF_FUNC -> push(sp++, 0, 0, inst.functions[(int) r.index()]);
                case GLOBAL_GET -> {
                    GlobalCell g = inst.globals[(int) r.index()];
                    push(sp++, g.value, g.high, g.ref);
                }
                case I32_ADD -> { sp--; stack[sp - 1] = (int) stack[sp - 1] + (int) stack[sp]; }
                case I32_SUB -> { sp--; stack[sp - 1] = (int) stack[sp - 1] - (int) stack[sp]; }
                case I32_MUL -> { sp--; stack[sp - 1] = (int) stack[sp - 1] * (int) stack[sp]; }
                case I64_ADD -> { sp--; stack[sp - 1] = stack[sp - 1] + stack[sp]; }
                case I64_SUB -> { sp--; stack[sp - 1] = stack[sp - 1] - stack[sp]; }
                case I64_MUL -> { sp--; stack[sp - 1] = stack[sp - 1] * stack[sp]; }
                case END -> { }
                default -> throw new UnsupportedOperationException("constant instruction " + op.mnemonic());
            }
        }
        lo = stack[sp - 1];
        hi = high[sp - 1];
        ref = refs[sp - 1];
    }

    private void push(int at, long v, long h, Object r) {
        stack[at] = v;
        high[at] = h;
        refs[at] = r;
    }

    static long le(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
