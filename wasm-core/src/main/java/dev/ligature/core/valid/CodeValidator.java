package dev.ligature.core.valid;

import static dev.ligature.core.valid.TypeCodes.*;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Imm;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.ValType;
import java.util.Arrays;

/**
 * Types instruction sequences (function bodies and constant expressions) with the algorithm of the
 * specification's appendix: an operand stack of type codes, a control stack of frames, and the
 * polymorphic stack after unconditional branches. One instance is reused for every function of a
 * module; nothing is allocated per instruction. Instructions with a fixed rule in the opcode table
 * share one generic path; the rest are typed here, tables, memories and references in
 * {@link MemoryRefValidator}, GC instructions in {@link GcValidator}.
 */
final class CodeValidator {
    static final int[] NONE = new int[0];
    private static final int ADDR = -1;
    private static final int[][] SINGLE = {NONE, {I32}, {I64}, {F32}, {F64}, {V128}};
    private static final int[][] SIG_PARAMS = new int[Opcode.values().length][];
    private static final int[][] SIG_RESULTS = new int[Opcode.values().length][];

    static {
        for (Opcode op : Opcode.values()) {
            String sig = op.sig();
            if (sig == null) {
                continue;
            }
            int gt = sig.indexOf('>');
            SIG_PARAMS[op.ordinal()] = letters(sig.substring(0, gt));
            SIG_RESULTS[op.ordinal()] = letters(sig.substring(gt + 1));
        }
    }

    private static int[] letters(String s) {
        int[] out = new int[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (s.charAt(i)) {
                case 'i' -> I32;
                case 'I' -> I64;
                case 'f' -> F32;
                case 'F' -> F64;
                case 'v' -> V128;
                case 'a' -> ADDR;
                default -> throw new AssertionError("bad sig letter in " + s);
            };
        }
        return out;
    }

    /** Frame kinds. */
    static final int K_FUNC = 0, K_BLOCK = 1, K_LOOP = 2, K_IF = 3, K_ELSE = 4, K_TRY = 5, K_CATCH = 6,
            K_CATCH_ALL = 7, K_TRY_TABLE = 8;

    /** Largest number of locals accepted (an implementation limit, far above real code). */
    static final long MAX_LOCALS = 1 << 20;

    final ModuleScope m;
    final TypeContext tc;
    final GcValidator gc;
    final MemoryRefValidator memoryAndRefs;

    int[] stack = new int[64];
    int sp;

    int depth;
    int[] ctlKind = new int[16];
    int[] ctlHeight = new int[16];
    int[] ctlInitMark = new int[16];
    boolean[] ctlUnreachable = new boolean[16];
    int[][] ctlParams = new int[16][];
    int[][] ctlResults = new int[16][];

    int[] localTypes = new int[16];
    int localCount;
    boolean[] localInit = new boolean[16];
    int[] initLog = new int[16];
    int initLogSize;

    CodeReader cr;
    int funcIndex;
    int offset;
    boolean constMode;
    int globalLimit;
    int[] fnResults;

    CodeValidator(ModuleScope m) {
        this.m = m;
        this.tc = m.types;
        this.gc = new GcValidator(this);
        this.memoryAndRefs = new MemoryRefValidator(this);
    }

    // ---- entry points

    /** Validates the body of function {@code funcIndex} (function index space) with its locals. */
    void validateFunction(int funcIndex, int typeIndex, dev.ligature.core.ast.Func f) {
        this.funcIndex = funcIndex;
        this.constMode = false;
        this.globalLimit = m.globalTypes.length;
        offset = 0;
        int[] params = tc.params(typeIndex);
        long total = params.length;
        for (dev.ligature.core.ast.Func.Locals l : f.locals()) {
            if (l.count() < 0 || l.count() > MAX_LOCALS) {
                throw err("too many locals");
            }
            total += l.count();
        }
        if (total > MAX_LOCALS) {
            throw err("too many locals");
        }
        int n = (int) total;
        if (localTypes.length < n) {
            localTypes = new int[n];
            localInit = new boolean[n];
        }
        System.arraycopy(params, 0, localTypes, 0, params.length);
        Arrays.fill(localInit, 0, params.length, true);
        int at = params.length;
        for (dev.ligature.core.ast.Func.Locals l : f.locals()) {
            int code = localCode(l.type());
            boolean def = defaultable(code);
            for (long i = 0; i < l.count(); i++) {
                localTypes[at] = code;
                localInit[at] = def;
                at++;
            }
        }
        localCount = n;
        fnResults = tc.results(typeIndex);
        run(f.body().bytes(), fnResults);
    }

    private int localCode(ValType t) {
        try {
            return tc.code(t);
        } catch (InvalidModuleException e) {
            throw err(e.getMessage());
        }
    }

    /**
     * Validates a constant expression producing {@code type}; only globals below {@code globalLimit}
     * are visible (a global's initialiser sees the globals before it).
     */
    void validateConst(byte[] code, int type, int globalLimit) {
        this.funcIndex = -1;
        this.constMode = true;
        this.globalLimit = globalLimit;
        offset = 0;
        localCount = 0;
        fnResults = new int[] {type};
        run(code, fnResults);
    }

    private void run(byte[] code, int[] results) {
        sp = 0;
        depth = 0;
        initLogSize = 0;
        WasmReader r = new WasmReader(code);
        cr = new CodeReader(r);
        pushCtl(K_FUNC, NONE, results);
        while (depth > 0) {
            if (!r.hasMore()) {
                throw err("unexpected end of function");
            }
            Opcode op = cr.next();
            offset = cr.instrPos();
            if (constMode && !op.constant()) {
                throw err("constant expression required");
            }
            int[] sigParams = SIG_PARAMS[op.ordinal()];
            if (sigParams != null) {
                fixed(op, sigParams, SIG_RESULTS[op.ordinal()]);
            } else if (op.prefix() == Opcode.GC) {
                gc.instruction(op);
            } else {
                instruction(op);
            }
        }
        if (r.hasMore()) {
            throw err("operator after end of function");
        }
    }

    InvalidModuleException err(String reason) {
        return constMode ? InvalidModuleException.of(reason) : InvalidModuleException.inFunction(reason, funcIndex, offset);
    }

    // ---- operand stack

    void push(int t) {
        if (sp == stack.length) {
            stack = Arrays.copyOf(stack, sp * 2);
        }
        stack[sp++] = t;
    }

    void pushAll(int[] ts, int n) {
        for (int i = 0; i < n; i++) {
            push(ts[i]);
        }
    }

    /** Pops any value; BOT when the stack of an unreachable frame is exhausted. */
    int pop() {
        if (sp == ctlHeight[depth - 1]) {
            if (ctlUnreachable[depth - 1]) {
                return BOT;
            }
            throw err("type mismatch: instruction requires a value but stack has []");
        }
        return stack[--sp];
    }

    /** Pops a reference (or BOT); a number on the stack is a type mismatch. */
    int popRef() {
        int t = pop();
        if (t != BOT && !isRef(t)) {
            throw err("type mismatch: instruction requires a reference but stack has [" + name(t) + "]");
        }
        return t;
    }

    /** Pops a value that must match {@code want}; returns the actual type (BOT if unknown). */
    int pop(int want) {
        if (sp == ctlHeight[depth - 1]) {
            if (ctlUnreachable[depth - 1]) {
                return BOT;
            }
            throw mismatch(new int[] {want}, sp, 1);
        }
        int t = stack[sp - 1];
        if (t != want && !tc.valSub(t, want)) {
            throw mismatch(new int[] {want}, sp, 1);
        }
        sp--;
        return t;
    }

    /** Pops values matching {@code ts} (the last one on top). */
    void popAll(int[] ts) {
        popAll(ts, ts.length);
    }

    /** Pops values matching the first {@code n} of {@code ts}. */
    void popAll(int[] ts, int n) {
        int sp0 = sp;
        int h = ctlHeight[depth - 1];
        for (int i = n - 1; i >= 0; i--) {
            if (sp == h) {
                if (ctlUnreachable[depth - 1]) {
                    return;
                }
                throw mismatch(Arrays.copyOf(ts, n), sp0, n);
            }
            int t = stack[sp - 1];
            if (t != ts[i] && !tc.valSub(t, ts[i])) {
                throw mismatch(Arrays.copyOf(ts, n), sp0, n);
            }
            sp--;
        }
    }

    /** "type mismatch: instruction requires [..] but stack has [..]", naming the top values. */
    InvalidModuleException mismatch(int[] expected, int sp0, int n) {
        int from = Math.max(ctlHeight[depth - 1], sp0 - n);
        return err("type mismatch: instruction requires " + names(expected, 0, expected.length)
                + " but stack has " + names(stack, from, sp0));
    }

    static String names(int[] ts, int from, int to) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(name(ts[i]));
        }
        return sb.append(']').toString();
    }

    void setUnreachable() {
        sp = ctlHeight[depth - 1];
        ctlUnreachable[depth - 1] = true;
    }

    // ---- control stack

    void pushCtl(int kind, int[] params, int[] results) {
        if (depth == ctlKind.length) {
            int cap = depth * 2;
            ctlKind = Arrays.copyOf(ctlKind, cap);
            ctlHeight = Arrays.copyOf(ctlHeight, cap);
            ctlInitMark = Arrays.copyOf(ctlInitMark, cap);
            ctlUnreachable = Arrays.copyOf(ctlUnreachable, cap);
            ctlParams = Arrays.copyOf(ctlParams, cap);
            ctlResults = Arrays.copyOf(ctlResults, cap);
        }
        ctlKind[depth] = kind;
        ctlHeight[depth] = sp;
        ctlInitMark[depth] = initLogSize;
        ctlUnreachable[depth] = false;
        ctlParams[depth] = params;
        ctlResults[depth] = results;
        depth++;
        pushAll(params, params.length);
    }

    /** Checks the end of the innermost frame's current arm and restores local initialisation. */
    void endArm() {
        int[] results = ctlResults[depth - 1];
        popAll(results);
        int h = ctlHeight[depth - 1];
        if (sp != h) {
            throw err("type mismatch: block requires " + names(results, 0, results.length) + " but stack has "
                    + names(stack, h, sp));
        }
        int mark = ctlInitMark[depth - 1];
        while (initLogSize > mark) {
            localInit[initLog[--initLogSize]] = false;
        }
    }

    /** Pops the innermost frame, pushing its results. */
    int[] popCtl() {
        endArm();
        int[] results = ctlResults[depth - 1];
        depth--;
        pushAll(results, results.length);
        return results;
    }

    /** Frame index of label {@code l}, checking that it exists. */
    int label(long l) {
        if (l < 0 || l >= depth) {
            throw err("unknown label " + l);
        }
        return depth - 1 - (int) l;
    }

    int[] labelTypes(int frame) {
        return ctlKind[frame] == K_LOOP ? ctlParams[frame] : ctlResults[frame];
    }

    private int[] blockParams;
    private int[] blockResults;

    /** Resolves the block type just read into {@link #blockParams} and {@link #blockResults}. */
    private void blockType() {
        long idx = cr.index();
        if (idx >= 0) {
            int t = funcType(idx);
            blockParams = tc.params(t);
            blockResults = tc.results(t);
        } else if (cr.blockValType() != null) {
            blockParams = NONE;
            int c = valCode(cr.blockValType());
            blockResults = c <= V128 ? SINGLE[c] : new int[] {c};
        } else {
            blockParams = NONE;
            blockResults = NONE;
        }
    }

    /** A type index that must name a function type. */
    int funcType(long idx) {
        if (idx < 0 || idx >= tc.size()) {
            throw err("unknown type " + idx);
        }
        if (!tc.isFunc((int) idx)) {
            throw err("type mismatch: type " + idx + " is not a function type");
        }
        return (int) idx;
    }

    int valCode(ValType t) {
        try {
            return tc.code(t);
        } catch (InvalidModuleException e) {
            throw err(e.getMessage());
        }
    }

    int heapCode(dev.ligature.core.types.HeapType h) {
        try {
            return tc.heapCode(h);
        } catch (InvalidModuleException e) {
            throw err(e.getMessage());
        }
    }

    // ---- locals

    private int local(long x) {
        if (x < 0 || x >= localCount) {
            throw err("unknown local " + x);
        }
        return (int) x;
    }

    private void initLocal(int x) {
        if (!localInit[x]) {
            localInit[x] = true;
            if (initLogSize == initLog.length) {
                initLog = Arrays.copyOf(initLog, initLogSize * 2);
            }
            initLog[initLogSize++] = x;
        }
    }

    // ---- index checks

    int func(long f) {
        if (f < 0 || f >= m.funcTypes.length) {
            throw err("unknown function " + f);
        }
        return (int) f;
    }

    int table(long t) {
        if (t < 0 || t >= m.tableElem.length) {
            throw err("unknown table " + t);
        }
        return (int) t;
    }

    int tableAddr(int t) {
        return m.table64[t] ? I64 : I32;
    }

    int memory(long mem) {
        if (mem < 0 || mem >= m.memory64.length) {
            throw err("unknown memory " + mem);
        }
        return (int) mem;
    }

    int memAddr(int mem) {
        return m.memory64[mem] ? I64 : I32;
    }

    int global(long g) {
        if (g < 0 || g >= globalLimit) {
            throw err("unknown global " + g);
        }
        return (int) g;
    }

    int tag(long t) {
        if (t < 0 || t >= m.tagTypes.length) {
            throw err("unknown tag " + t);
        }
        return (int) t;
    }

    int elem(long e) {
        if (e < 0 || e >= m.elemTypes.length) {
            throw err("unknown elem segment " + e);
        }
        return (int) e;
    }

    int data(long d) {
        if (d < 0 || d >= m.dataCount) {
            throw err("unknown data segment " + d);
        }
        return (int) d;
    }

    // ---- instructions with a fixed rule

    private void fixed(Opcode op, int[] params, int[] results) {
        int addr = I32;
        Imm imm = op.imm();
        if (imm == Imm.MEMARG || imm == Imm.MEMARG_LANE) {
            int mem = memory(cr.memory());
            addr = memAddr(mem);
            if (cr.align() > op.naturalAlignment()) {
                throw err("alignment must not be larger than natural");
            }
            if (addr == I32 && (cr.offset() >>> 32) != 0) {
                throw err("offset out of range");
            }
            if (imm == Imm.MEMARG_LANE && cr.lane() >= 16 / op.width()) {
                throw err("invalid lane index");
            }
        } else if (imm == Imm.LANE) {
            if (cr.lane() >= op.width()) {
                throw err("invalid lane index");
            }
        } else if (imm == Imm.SHUFFLE) {
            byte[] lanes = cr.v128();
            for (int i = 0; i < 16; i++) {
                if ((lanes[i] & 0xFF) >= 32) {
                    throw err("invalid lane index");
                }
            }
        }
        for (int i = params.length - 1; i >= 0; i--) {
            int p = params[i];
            pop(p == ADDR ? addr : p);
        }
        for (int t : results) {
            push(t == ADDR ? addr : t);
        }
    }

    // ---- everything else outside GC

    private void instruction(Opcode op) {
        switch (op) {
            case UNREACHABLE -> setUnreachable();
            case BLOCK, LOOP, TRY -> {
                blockType();
                popAll(blockParams);
                pushCtl(op == Opcode.BLOCK ? K_BLOCK : op == Opcode.LOOP ? K_LOOP : K_TRY, blockParams, blockResults);
            }
            case IF -> {
                blockType();
                pop(I32);
                popAll(blockParams);
                pushCtl(K_IF, blockParams, blockResults);
            }
            case ELSE -> {
                if (ctlKind[depth - 1] != K_IF) {
                    throw err("type mismatch: else without if");
                }
                restartArm(K_ELSE);
                pushAll(ctlParams[depth - 1], ctlParams[depth - 1].length);
            }
            case END -> {
                int kind = ctlKind[depth - 1];
                int[] params = ctlParams[depth - 1];
                int[] results = ctlResults[depth - 1];
                popCtl();
                if (kind == K_IF && !tc.allSub(params, results)) {
                    throw err("type mismatch: if without else must leave its parameters as results");
                }
            }
            case TRY_TABLE -> tryTable();
            case CATCH -> {
                int t = tag(cr.index());
                legacyCatch(K_CATCH);
                int[] ps = tc.params(m.tagTypes[t]);
                pushAll(ps, ps.length);
            }
            case CATCH_ALL -> legacyCatch(K_CATCH_ALL);
            case DELEGATE -> {
                if (ctlKind[depth - 1] != K_TRY) {
                    throw err("type mismatch: delegate without try");
                }
                popCtl();
                label(cr.index());
            }
            case RETHROW -> {
                long l = cr.index();
                if (l < 0 || l >= depth) {
                    throw err("invalid rethrow label");
                }
                int k = ctlKind[depth - 1 - (int) l];
                if (k != K_CATCH && k != K_CATCH_ALL) {
                    throw err("invalid rethrow label");
                }
                setUnreachable();
            }
            case THROW -> {
                int t = tag(cr.index());
                popAll(tc.params(m.tagTypes[t]));
                setUnreachable();
            }
            case THROW_REF -> {
                pop(ref(true, H_EXN));
                setUnreachable();
            }
            case BR -> {
                popAll(labelTypes(label(cr.index())));
                setUnreachable();
            }
            case BR_IF -> {
                int[] lt = labelTypes(label(cr.index()));
                pop(I32);
                popAll(lt);
                pushAll(lt, lt.length);
            }
            case BR_TABLE -> brTable();
            case RETURN -> {
                popAll(fnResults);
                setUnreachable();
            }
            case CALL -> {
                int t = m.funcTypes[func(cr.index())];
                popAll(tc.params(t));
                pushAll(tc.results(t), tc.results(t).length);
            }
            case RETURN_CALL -> returnCall(m.funcTypes[func(cr.index())]);
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                int tab = table(cr.index2());
                int t = funcType(cr.index());
                if (!tc.valSub(m.tableElem[tab], ref(true, H_FUNC))) {
                    throw err("type mismatch: call_indirect on a table of non-function references");
                }
                pop(tableAddr(tab));
                if (op == Opcode.CALL_INDIRECT) {
                    popAll(tc.params(t));
                    pushAll(tc.results(t), tc.results(t).length);
                } else {
                    returnCall(t);
                }
            }
            case CALL_REF, RETURN_CALL_REF -> {
                int t = funcType(cr.index());
                pop(ref(true, H_CONCRETE + t));
                if (op == Opcode.CALL_REF) {
                    popAll(tc.params(t));
                    pushAll(tc.results(t), tc.results(t).length);
                } else {
                    returnCall(t);
                }
            }
            case DROP -> pop();
            case SELECT -> {
                pop(I32);
                int t1 = pop();
                int t2 = pop();
                if ((t1 != BOT && !isNumOrVec(t1)) || (t2 != BOT && !isNumOrVec(t2))) {
                    throw err("type mismatch: select without type needs numeric or vector operands");
                }
                if (t1 != BOT && t2 != BOT && t1 != t2) {
                    throw err("type mismatch: select operands " + name(t2) + " and " + name(t1) + " differ");
                }
                push(t1 == BOT ? t2 : t1);
            }
            case SELECT_T -> {
                ValType[] ts = cr.selectTypes();
                if (ts.length != 1) {
                    throw err("invalid result arity");
                }
                int t = valCode(ts[0]);
                pop(I32);
                pop(t);
                pop(t);
                push(t);
            }
            case LOCAL_GET -> {
                int x = local(cr.index());
                if (!localInit[x]) {
                    throw err("uninitialized local " + x);
                }
                push(localTypes[x]);
            }
            case LOCAL_SET -> {
                int x = local(cr.index());
                pop(localTypes[x]);
                initLocal(x);
            }
            case LOCAL_TEE -> {
                int x = local(cr.index());
                pop(localTypes[x]);
                initLocal(x);
                push(localTypes[x]);
            }
            case GLOBAL_GET -> {
                int g = global(cr.index());
                if (constMode && m.globalMutable[g]) {
                    throw err("constant expression required");
                }
                push(m.globalTypes[g]);
            }
            case GLOBAL_SET -> {
                int g = global(cr.index());
                if (!m.globalMutable[g]) {
                    throw err("immutable global " + g);
                }
                pop(m.globalTypes[g]);
            }
            default -> memoryAndRefs.instruction(op);
        }
    }

    private void restartArm(int newKind) {
        endArm();
        ctlKind[depth - 1] = newKind;
        ctlUnreachable[depth - 1] = false;
    }

    private void legacyCatch(int kind) {
        int k = ctlKind[depth - 1];
        if (k != K_TRY && k != K_CATCH) {
            throw err("type mismatch: catch without try");
        }
        restartArm(kind);
    }

    private void returnCall(int t) {
        int[] results = tc.results(t);
        if (!tc.allSub(results, fnResults)) {
            throw err("type mismatch: tail call results " + names(results, 0, results.length)
                    + " do not match function results " + names(fnResults, 0, fnResults.length));
        }
        popAll(tc.params(t));
        setUnreachable();
    }

    private void brTable() {
        pop(I32);
        int n = cr.labelCount();
        int[] labels = cr.labels();
        int[] def = labelTypes(label(cr.index()));
        for (int i = 0; i < n; i++) {
            int[] lt = labelTypes(label(labels[i] & 0xFFFFFFFFL));
            if (lt.length != def.length) {
                throw err("type mismatch: br_table targets differ in arity");
            }
            int sp0 = sp;
            popAll(lt);
            sp = sp0;
        }
        popAll(def);
        setUnreachable();
    }

    private void tryTable() {
        blockType();
        int[] params = blockParams;
        int[] results = blockResults;
        int exnRef = ref(false, H_EXN);
        for (int i = 0; i < cr.catchCount(); i++) {
            int kind = cr.catchKind(i);
            int[] lt = labelTypes(label(cr.catchLabel(i)));
            int[] payload = NONE;
            if (kind == CodeReader.CATCH || kind == CodeReader.CATCH_REF) {
                payload = tc.params(m.tagTypes[tag(cr.catchTag(i))]);
            }
            boolean withRef = kind == CodeReader.CATCH_REF || kind == CodeReader.CATCH_ALL_REF;
            int len = payload.length + (withRef ? 1 : 0);
            boolean ok = lt.length == len;
            for (int j = 0; ok && j < payload.length; j++) {
                ok = tc.valSub(payload[j], lt[j]);
            }
            if (ok && withRef) {
                ok = tc.valSub(exnRef, lt[len - 1]);
            }
            if (!ok) {
                throw err("type mismatch: catch clause " + i + " does not match its label");
            }
        }
        popAll(params);
        pushCtl(K_TRY_TABLE, params, results);
    }
}
