package dev.ligature.core.exec;

import dev.ligature.core.ast.Func;
import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Imm;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Translates one validated function body into {@link Code}. It runs an abstract stack of value
 * kinds (number, reference, vector) so that every operand position is known statically: branch
 * targets are resolved, branches carry the frame-relative height they cut the stack to, locals
 * carry slot offsets, and the loop never inspects types. Unreachable code is not emitted.
 */
final class Translator {
    static final byte NUM = 1, REF = 2, VEC = 3;

    private final ModuleInfo info;
    private int[] code = new int[64];
    private int pc;
    private final List<Long> consts = new ArrayList<>();
    private final List<Object> aux = new ArrayList<>();
    private int[] handlers = new int[0];
    private int nh;
    private byte[] kinds = new byte[32];
    private int nk;
    private int height;
    private int maxHeight;
    private Ctl[] ctl = new Ctl[8];
    private int nctl;
    /** Start and opcode of the last emitted fusable instruction, and the highest branch target so far. */
    private int lastStart = -1;
    private int lastOp = -1;
    private int prevStart = -1;
    private int prevOp = -1;
    private int barrier;
    private int[] localOffset;
    private byte[] localKind;

    private Translator(ModuleInfo info) {
        this.info = info;
    }

    static Code translate(ModuleInfo info, int funcIndex) {
        return new Translator(info).run(funcIndex);
    }

    static byte kind(ValType t) {
        return t == VecType.V128 ? VEC : t instanceof RefType ? REF : NUM;
    }

    private static int width(byte k) {
        return k == VEC ? 2 : 1;
    }

    private static byte[] kinds(List<ValType> types) {
        byte[] b = new byte[types.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = kind(types.get(i));
        }
        return b;
    }

    private static int slots(byte[] ks) {
        int n = 0;
        for (byte k : ks) {
            n += width(k);
        }
        return n;
    }

    // ---- emission

    private void emit(int v) {
        if (pc == code.length) {
            code = Arrays.copyOf(code, pc * 2);
        }
        code[pc++] = v;
    }

    private void emit(int a, int b) {
        emit(a);
        emit(b);
    }

    /** Whether the instruction just before {@code pc} is {@code op} ({@code len} ints) and no branch lands after its start. */
    private boolean follows(int op, int len) {
        return lastOp == op && lastStart + len == pc && lastStart >= barrier;
    }

    /** Whether the instruction just before {@code pc} is a one-int i32 comparison with no branch landing after it. */
    private boolean followsCompare() {
        return lastOp >= Op.I32_EQ && lastOp <= Op.I32_GE_U && lastStart + 1 == pc && lastStart >= barrier;
    }

    /** Replaces the comparison just emitted with a compare-and-jump taken when the comparison is {@code when}. */
    private void compareJump(boolean when) {
        int cmp = lastOp;
        pc = lastStart;
        lastOp = -1;
        emit(Op.I32_CMP_JUMP, when ? cmp : -cmp);
    }

    private void mark(int op) {
        prevStart = lastStart;
        prevOp = lastOp;
        lastStart = pc;
        lastOp = op;
    }

    /** Whether the instruction before the last one is {@code op} ({@code len} ints), directly before it, with no branch landing after its start. */
    private boolean precedes(int op, int len) {
        return prevOp == op && prevStart + len == lastStart && prevStart >= barrier;
    }

    private int constant(long v) {
        consts.add(v);
        return consts.size() - 1;
    }

    private void push(byte k) {
        if (nk == kinds.length) {
            kinds = Arrays.copyOf(kinds, nk * 2);
        }
        kinds[nk++] = k;
        height += width(k);
        maxHeight = Math.max(maxHeight, height);
    }

    private void push(byte[] ks) {
        for (byte k : ks) {
            push(k);
        }
    }

    private byte pop() {
        byte k = kinds[--nk];
        height -= width(k);
        return k;
    }

    private void pop(int n) {
        for (int i = 0; i < n; i++) {
            pop();
        }
    }

    private Ctl pushCtl(Opcode op, byte[] params, byte[] results) {
        if (nctl == ctl.length) {
            ctl = Arrays.copyOf(ctl, nctl * 2);
        }
        Ctl c = new Ctl();
        c.op = op;
        c.params = params;
        c.results = results;
        c.paramSlots = slots(params);
        c.resultSlots = slots(results);
        pop(params.length);
        c.height = height;
        c.nk = nk;
        push(params);
        ctl[nctl++] = c;
        return c;
    }

    private void resetTo(Ctl c, byte[] ks) {
        nk = c.nk;
        height = c.height;
        push(ks);
    }

    private void fixup(Ctl c, int pos) {
        if (c.nfix == c.fixups.length) {
            c.fixups = Arrays.copyOf(c.fixups, c.nfix * 2);
        }
        c.fixups[c.nfix++] = pos;
    }

    /** Emits the target operand of a branch to frame {@code c}: known for loops, patched later otherwise. */
    private void target(Ctl c) {
        if (c.op == Opcode.LOOP) {
            emit(c.loopPc);
        } else {
            fixup(c, pc);
            emit(-1);
        }
    }

    private int labelSlots(Ctl c) {
        return c.op == Opcode.LOOP ? c.paramSlots : c.resultSlots;
    }

    /** A branch to {@code c} from the current height: a plain jump when no values need moving. */
    private void branch(Ctl c, int plainOp, int moveOp) {
        int k = labelSlots(c);
        if (height - k == c.height && plainOp >= 0) {
            if (plainOp == Op.JUMP_IF_NZ && follows(Op.I32_EQZ, 1)) {
                pc = lastStart;
                lastOp = -1;
                plainOp = Op.JUMP_IF_ZERO;
            } else if (plainOp == Op.JUMP_IF_NZ && followsCompare()) {
                compareJump(true);
                target(c);
                return;
            }
            emit(plainOp);
            target(c);
        } else {
            emit(moveOp);
            target(c);
            emit(k, c.height);
        }
    }

    private Ctl label(long depth) {
        return ctl[nctl - 1 - (int) depth];
    }

    private void addHandler(int start, int end, int kind, int tag, int target, int height, int depth) {
        if (nh + Handlers.WIDTH > handlers.length) {
            handlers = Arrays.copyOf(handlers, Math.max(14, handlers.length * 2));
        }
        int i = nh;
        handlers[i + Handlers.START] = start;
        handlers[i + Handlers.END] = end;
        handlers[i + Handlers.KIND] = kind;
        handlers[i + Handlers.TAG] = tag;
        handlers[i + Handlers.TARGET] = target;
        handlers[i + Handlers.HEIGHT] = height;
        handlers[i + Handlers.DEPTH] = depth;
        nh += Handlers.WIDTH;
    }

    // ---- translation

    private Code run(int funcIndex) {
        FuncType ft = info.typeOfFunction(funcIndex);
        Func f = info.module.functions().get(funcIndex - info.importedFuncs);
        int nLocals = ft.params().size() + (int) f.localCount();
        localOffset = new int[nLocals];
        localKind = new byte[nLocals];
        int off = 0;
        int li = 0;
        for (ValType t : ft.params()) {
            localOffset[li] = off;
            localKind[li++] = kind(t);
            off += width(kind(t));
        }
        int paramSlots = off;
        for (Func.Locals l : f.locals()) {
            byte k = kind(l.type());
            for (long j = 0; j < l.count(); j++) {
                localOffset[li] = off;
                localKind[li++] = k;
                off += width(k);
            }
        }
        int localSlots = off;
        height = localSlots;
        maxHeight = height;
        pushCtl(Opcode.BLOCK, new byte[0], kinds(ft.results()));
        CodeReader r = new CodeReader(new WasmReader(f.body().bytes()));
        int skip = 0;
        while (r.hasNext()) {
            Opcode op = r.next();
            Ctl top = ctl[nctl - 1];
            if (top.unreachable) {
                switch (op) {
                    case BLOCK, LOOP, IF, TRY, TRY_TABLE -> {
                        skip++;
                        continue;
                    }
                    case END -> {
                        if (skip > 0) {
                            skip--;
                            continue;
                        }
                    }
                    case DELEGATE -> {
                        if (skip > 0) {
                            skip--;
                            continue;
                        }
                    }
                    case ELSE, CATCH, CATCH_ALL -> {
                        if (skip > 0) {
                            continue;
                        }
                    }
                    default -> {
                        continue;
                    }
                }
            }
            instr(op, r, top);
            if (nctl == 0) {
                break;
            }
        }
        long[] cs = new long[consts.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = consts.get(i);
        }
        return new Code(Arrays.copyOf(code, pc), cs, aux.toArray(), Arrays.copyOf(handlers, nh), paramSlots,
                localSlots, maxHeight + 4);
    }

    private byte[][] blockType(CodeReader r) {
        if (r.index() >= 0) {
            FuncType t = info.funcType((int) r.index());
            return new byte[][] {kinds(t.params()), kinds(t.results())};
        }
        ValType v = r.blockValType();
        return new byte[][] {new byte[0], v == null ? new byte[0] : new byte[] {kind(v)}};
    }

    private void unreachable() {
        ctl[nctl - 1].unreachable = true;
    }

    private void instr(Opcode op, CodeReader r, Ctl top) {
        switch (op) {
            case UNREACHABLE -> {
                emit(Op.UNREACHABLE);
                unreachable();
            }
            case NOP -> { }
            case BLOCK -> {
                byte[][] bt = blockType(r);
                pushCtl(op, bt[0], bt[1]);
            }
            case LOOP -> {
                byte[][] bt = blockType(r);
                Ctl c = pushCtl(op, bt[0], bt[1]);
                c.loopPc = pc;
                emit(Op.LOOP_CHECK);
                barrier = pc;
            }
            case IF -> {
                byte[][] bt = blockType(r);
                pop();
                if (follows(Op.I32_EQZ, 1)) {
                    pc = lastStart;
                    lastOp = -1;
                    emit(Op.JUMP_IF_NZ);
                } else if (followsCompare()) {
                    compareJump(false);
                } else {
                    emit(Op.JUMP_IF_ZERO);
                }
                int at = pc;
                emit(-1);
                Ctl c = pushCtl(op, bt[0], bt[1]);
                c.elseFix = at;
            }
            case ELSE -> {
                if (!top.unreachable) {
                    branch(top, Op.JUMP, Op.BR);
                }
                code[top.elseFix] = pc;
                barrier = pc;
                top.elseFix = -1;
                top.unreachable = false;
                resetTo(top, top.params);
            }
            case TRY -> {
                byte[][] bt = blockType(r);
                Ctl c = pushCtl(op, bt[0], bt[1]);
                c.tryStart = pc;
                barrier = pc;
            }
            case CATCH, CATCH_ALL -> {
                if (top.tryEnd < 0) {
                    top.tryEnd = pc;
                }
                if (!top.unreachable) {
                    branch(top, Op.JUMP, Op.BR);
                }
                int tag = op == Opcode.CATCH ? (int) r.index() : -1;
                addHandler(top.tryStart, top.tryEnd, op == Opcode.CATCH ? Handlers.LEGACY_CATCH : Handlers.LEGACY_CATCH_ALL,
                        tag, pc, top.height, nctl - 1);
                barrier = pc;
                top.unreachable = false;
                top.hidden = true;
                resetTo(top, new byte[] {REF});
                if (tag >= 0) {
                    push(kinds(info.funcType(info.tagTypeIndex[tag]).params()));
                }
            }
            case DELEGATE -> {
                top.tryEnd = pc;
                addHandler(top.tryStart, top.tryEnd, Handlers.DELEGATE, nctl - 2 - (int) r.index(), 0, 0, nctl - 1);
                end(top);
            }
            case TRY_TABLE -> {
                byte[][] bt = blockType(r);
                int n = r.catchCount();
                int[] ks = new int[n];
                int[] tags = new int[n];
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    ks[i] = r.catchKind(i);
                    tags[i] = (int) r.catchTag(i);
                    // Clause labels are relative to the context outside the try_table.
                    labels[i] = nctl - 1 - (int) r.catchLabel(i);
                }
                Ctl c = pushCtl(op, bt[0], bt[1]);
                c.tryStart = pc;
                barrier = pc;
                c.clauseKinds = ks;
                c.clauseTags = tags;
                c.clauseLabels = labels;
            }
            case END -> end(top);
            case THROW -> {
                int tag = (int) r.index();
                byte[] ps = kinds(info.funcType(info.tagTypeIndex[tag]).params());
                emit(Op.THROW, tag);
                emit(slots(ps));
                pop(ps.length);
                unreachable();
            }
            case THROW_REF -> {
                pop();
                emit(Op.THROW_REF);
                unreachable();
            }
            case RETHROW -> {
                emit(Op.RETHROW, label(r.index()).height);
                unreachable();
            }
            case BR -> {
                branch(label(r.index()), Op.JUMP, Op.BR);
                unreachable();
            }
            case BR_IF -> {
                pop();
                branch(label(r.index()), Op.JUMP_IF_NZ, Op.BR_IF);
            }
            case BR_TABLE -> {
                pop();
                int n = r.labelCount();
                int[] ls = Arrays.copyOf(r.labels(), n);
                long def = r.index();
                emit(Op.BR_TABLE, n);
                for (int i = 0; i <= n; i++) {
                    Ctl c = label(i < n ? ls[i] : def);
                    target(c);
                    emit(labelSlots(c), c.height);
                }
                unreachable();
            }
            case RETURN -> {
                emit(Op.RETURN, ctl[0].resultSlots);
                unreachable();
            }
            case CALL, RETURN_CALL -> {
                int fi = (int) r.index();
                FuncType t = info.typeOfFunction(fi);
                byte[] ps = kinds(t.params());
                pop(ps.length);
                if (op == Opcode.CALL) {
                    emit(Op.CALL, fi);
                    emit(slots(ps), slots(kinds(t.results())));
                    push(kinds(t.results()));
                } else {
                    emit(Op.RETURN_CALL, fi);
                    emit(slots(ps));
                    unreachable();
                }
            }
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                int ti = (int) r.index();
                int table = (int) r.index2();
                FuncType t = info.funcType(ti);
                pop();
                byte[] ps = kinds(t.params());
                pop(ps.length);
                emit(op == Opcode.CALL_INDIRECT ? Op.CALL_INDIRECT : Op.RETURN_CALL_INDIRECT, info.types.canonicalId(ti));
                emit(table, info.tableIs64[table] ? 1 : 0);
                emit(slots(ps), slots(kinds(t.results())));
                if (op == Opcode.CALL_INDIRECT) {
                    push(kinds(t.results()));
                } else {
                    unreachable();
                }
            }
            case CALL_REF, RETURN_CALL_REF -> {
                FuncType t = info.funcType((int) r.index());
                pop();
                byte[] ps = kinds(t.params());
                pop(ps.length);
                emit(op == Opcode.CALL_REF ? Op.CALL_REF : Op.RETURN_CALL_REF, slots(ps));
                emit(slots(kinds(t.results())));
                if (op == Opcode.CALL_REF) {
                    push(kinds(t.results()));
                } else {
                    unreachable();
                }
            }
            case DROP -> emit(Op.DROP, width(pop()));
            case SELECT, SELECT_T -> {
                pop();
                pop();
                byte k = pop();
                push(k);
                emit(k == REF ? Op.SELECT_REF : k == VEC ? Op.SELECT_V : Op.SELECT);
            }
            case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
                int i = (int) r.index();
                byte k = localKind[i];
                int base = op == Opcode.LOCAL_GET ? Op.LOCAL_GET : op == Opcode.LOCAL_SET ? Op.LOCAL_SET : Op.LOCAL_TEE;
                int o = localOffset[i];
                if (k == NUM && op == Opcode.LOCAL_GET && follows(Op.LOCAL_GET, 2)) {
                    code[lastStart] = Op.LOCAL_GET2;
                    emit(o);
                    lastOp = Op.LOCAL_GET2;
                } else if (k == NUM && op == Opcode.LOCAL_GET && follows(Op.LOCAL_SET, 2) && code[lastStart + 1] == o) {
                    code[lastStart] = Op.LOCAL_TEE;
                    lastOp = Op.LOCAL_TEE;
                } else {
                    int opc = base + (k == REF ? 3 : k == VEC ? 6 : 0);
                    mark(opc);
                    emit(opc, o);
                }
                if (op == Opcode.LOCAL_GET) {
                    push(k);
                } else if (op == Opcode.LOCAL_SET) {
                    pop();
                }
            }
            case GLOBAL_GET, GLOBAL_SET -> {
                int i = (int) r.index();
                byte k = kind(info.globalTypes[i]);
                int base = op == Opcode.GLOBAL_GET ? Op.GLOBAL_GET : Op.GLOBAL_SET;
                emit(base + (k == REF ? 2 : k == VEC ? 4 : 0), i);
                if (op == Opcode.GLOBAL_GET) {
                    push(k);
                } else {
                    pop();
                }
            }
            case TABLE_GET -> {
                pop();
                emit(Op.TABLE_GET, (int) r.index());
                emit(info.tableIs64[(int) r.index()] ? 1 : 0);
                push(REF);
            }
            case TABLE_SET -> {
                pop();
                pop();
                emit(Op.TABLE_SET, (int) r.index());
                emit(info.tableIs64[(int) r.index()] ? 1 : 0);
            }
            case MEMORY_SIZE -> {
                emit(Op.MEMORY_SIZE, (int) r.index());
                push(NUM);
            }
            case MEMORY_GROW -> {
                emit(Op.MEMORY_GROW, (int) r.index());
                emit(info.memIs64[(int) r.index()] ? 1 : 0);
            }
            case I32_CONST, F32_CONST -> {
                mark(Op.CONST32);
                emit(Op.CONST32, (int) r.value());
                push(NUM);
            }
            case I64_CONST, F64_CONST -> {
                emit(Op.CONST64, constant(r.value()));
                push(NUM);
            }
            case V128_CONST -> {
                byte[] b = r.v128();
                emit(Op.CONST_V, constant(le(b, 0)));
                constant(le(b, 8));
                push(VEC);
            }
            case I8X16_SHUFFLE -> {
                aux.add(r.v128().clone());
                emit(Op.SHUFFLE, aux.size() - 1);
                pop();
            }
            case REF_NULL -> {
                emit(Op.REF_NULL);
                push(REF);
            }
            case REF_IS_NULL -> {
                pop();
                emit(Op.REF_IS_NULL);
                push(NUM);
            }
            case REF_FUNC -> {
                emit(Op.REF_FUNC, (int) r.index());
                push(REF);
            }
            case REF_EQ -> {
                pop();
                pop();
                emit(Op.REF_EQ);
                push(NUM);
            }
            case REF_AS_NON_NULL -> emit(Op.REF_AS_NON_NULL);
            case BR_ON_NULL -> {
                pop();
                branch(label(r.index()), -1, Op.BR_ON_NULL);
                push(REF);
            }
            case BR_ON_NON_NULL -> {
                branch(label(r.index()), -1, Op.BR_ON_NON_NULL);
                pop();
            }
            default -> other(op, r);
        }
    }

    /** Memory, numeric, vector and bulk instructions: typed by the opcode table's rule. */
    private void other(Opcode op, CodeReader r) {
        String sig = op.sig();
        if (op.imm() == Imm.MEMARG || op.imm() == Imm.MEMARG_LANE) {
            int mem = r.memory();
            int fast = info.memIs64[mem] || r.offset() > 0xFFFFFFFFL ? -1 : Inline.memoryOp(op);
            if (fast == Op.L32 && follows(Op.LOCAL_GET, 2)) {
                int local = code[lastStart + 1];
                pc = lastStart;
                emit(Op.L32_LOCAL, local);
                emit(mem, (int) r.offset());
                lastOp = -1;
            } else if (fast == Op.S32 && follows(Op.LOCAL_GET2, 3)) {
                int a = code[lastStart + 1];
                int v = code[lastStart + 2];
                pc = lastStart;
                emit(Op.S32_LL, a);
                emit(v, mem);
                emit((int) r.offset());
                lastOp = -1;
            } else if (fast >= 0) {
                emit(fast, mem);
                emit((int) r.offset());
            } else {
                emit(Op.MEM_SLOW, op.ordinal());
                emit(mem, constant(r.offset()));
                emit(r.lane());
            }
            applySig(sig);
            return;
        }
        if (op.prefix() == Opcode.MISC && sig == null) {
            emit(Op.MISC, op.ordinal());
            emit((int) r.index(), (int) r.index2());
            switch (op) {
                case MEMORY_INIT, MEMORY_COPY, MEMORY_FILL, TABLE_INIT, TABLE_COPY, TABLE_FILL -> pop(3);
                case TABLE_GROW -> {
                    pop(2);
                    push(NUM);
                }
                case TABLE_SIZE -> push(NUM);
                default -> { }
            }
            if (op == Opcode.MEMORY_FILL || op == Opcode.TABLE_GROW || op == Opcode.TABLE_SIZE
                    || op == Opcode.TABLE_FILL) {
                // One index immediate only: index2 is stale; give the helper the address width instead.
                code[pc - 1] = op == Opcode.MEMORY_FILL ? (info.memIs64[(int) r.index()] ? 1 : 0)
                        : (info.tableIs64[(int) r.index()] ? 1 : 0);
            }
            return;
        }
        if (sig == null) {
            throw new UnsupportedOperationException("instruction not supported by the interpreter: " + op.mnemonic());
        }
        if (op.prefix() == Opcode.SIMD) {
            if (op.imm() == Imm.LANE) {
                emit(Op.SIMD_LANE, op.ordinal());
                emit(r.lane());
            } else {
                emit(Op.SIMD, op.ordinal());
            }
        } else {
            int inline = Inline.of(op);
            int imm = inline == Op.I32_ADD || inline == Op.I32_SUB ? Op.I32_ADD_IMM : inline == Op.I32_AND ? Op.I32_AND_IMM
                    : inline == Op.I32_SHL ? Op.I32_SHL_IMM : inline == Op.I32_SHR_U ? Op.I32_SHR_U_IMM : -1;
            if (imm == Op.I32_ADD_IMM && follows(Op.CONST32, 2) && precedes(Op.LOCAL_GET, 2)) {
                int c = code[lastStart + 1];
                int local = code[prevStart + 1];
                pc = prevStart;
                emit(Op.LOCAL_ADD_IMM, local);
                emit(inline == Op.I32_SUB ? -c : c);
                lastOp = -1;
                prevOp = -1;
            } else if (imm >= 0 && follows(Op.CONST32, 2)) {
                int c = code[lastStart + 1];
                pc = lastStart;
                emit(imm, inline == Op.I32_SUB ? -c : c);
                lastOp = -1;
            } else if (inline >= 0) {
                mark(inline);
                emit(inline);
            } else if (inline == Inline.NOTHING) {
                // reinterpretations: the slot already holds the bits
            } else {
                emit(Op.NUMERIC, op.ordinal());
            }
        }
        applySig(sig);
    }

    private void applySig(String sig) {
        int gt = sig.indexOf('>');
        for (int i = 0; i < gt; i++) {
            pop();
        }
        for (int i = gt + 1; i < sig.length(); i++) {
            push(sig.charAt(i) == 'v' ? VEC : NUM);
        }
    }

    private void end(Ctl top) {
        if (top.op == Opcode.IF && top.elseFix >= 0) {
            // No else: the false path skips straight to the end with the parameters as results.
            if (!top.unreachable && top.hidden) {
                throw new AssertionError();
            }
        }
        if (!top.unreachable && top.hidden) {
            // A legacy catch body's results sit one slot above the block's height (the caught exception).
            branch(top, -1, Op.BR);
        }
        if (top.op == Opcode.TRY_TABLE) {
            int end = pc;
            for (int i = 0; i < top.clauseKinds.length; i++) {
                Ctl target = ctl[top.clauseLabels[i]];
                int hIndex = nh;
                addHandler(top.tryStart, end, top.clauseKinds[i], top.clauseTags[i], target.op == Opcode.LOOP ? target.loopPc : -1,
                        target.height, nctl - 1);
                if (target.op != Opcode.LOOP) {
                    fixup(target, -1 - (hIndex + Handlers.TARGET));
                }
            }
        }
        if (top.elseFix >= 0) {
            code[top.elseFix] = pc;
        }
        barrier = pc;
        for (int i = 0; i < top.nfix; i++) {
            int at = top.fixups[i];
            if (at >= 0) {
                code[at] = pc;
            } else {
                handlers[-1 - at] = pc;
            }
        }
        resetTo(top, top.results);
        nctl--;
        if (nctl == 0) {
            emit(Op.RETURN, top.resultSlots);
        }
    }

    static long le(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
