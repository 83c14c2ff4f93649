package dev.ligature.core.text;

import dev.ligature.core.binary.BinaryTypes;
import dev.ligature.core.binary.WasmWriter;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Instructions of the text format, plain and folded, emitted straight into their binary encoding.
 * Labels are resolved as they are met (they are lexically scoped); every other index space was bound
 * before any code is parsed.
 */
final class InstrParser {
    private final ModuleScope m;
    private final Tokens t;
    private final TypeParser types;
    private final Immediates imm;

    private IdSpace locals = new IdSpace("local");
    private String[] labels = new String[16];
    private int depth;

    InstrParser(ModuleScope m, TypeParser types) {
        this.m = m;
        this.t = m.t;
        this.types = types;
        this.imm = new Immediates(m);
    }

    /** Starts a function body (or a constant expression, with no locals). */
    void begin(IdSpace localNames) {
        locals = localNames;
        depth = 0;
    }

    /**
     * Parses instructions up to the closing parenthesis of the enclosing form (not consumed) and
     * appends them to {@code w}, followed by {@code end}.
     */
    void expression(WasmWriter w) {
        instrs(w);
        if (!t.at(Lexer.RPAREN)) {
            throw t.unexpected();
        }
        w.u8(0x0B);
    }

    /** A constant expression written as one folded instruction, as offsets and element items allow. */
    void singleFolded(WasmWriter w) {
        folded(w);
        w.u8(0x0B);
    }

    /** Instructions until a closing parenthesis, end of input or a block delimiter keyword. */
    private void instrs(WasmWriter w) {
        while (true) {
            byte k = t.kind();
            if (k == Lexer.LPAREN) {
                folded(w);
            } else if (k == Lexer.KEYWORD) {
                if (atDelimiter()) {
                    return;
                }
                plain(w);
            } else if (k == Lexer.RPAREN || k == Lexer.EOF) {
                return;
            } else {
                throw t.unexpected();
            }
        }
    }

    private boolean atDelimiter() {
        return t.atKeyword("end") || t.atKeyword("else") || t.atKeyword("catch") || t.atKeyword("catch_all")
                || t.atKeyword("delegate");
    }

    // ---------------------------------------------------------------------------------------------
    // Labels

    private void push(int idToken) {
        if (depth == labels.length) {
            labels = Arrays.copyOf(labels, depth * 2);
        }
        labels[depth++] = t.idName(idToken);
    }

    private void pop() {
        depth--;
    }

    private int label() {
        if (t.at(Lexer.ID)) {
            String name = t.lx.idName(t.p);
            for (int i = depth - 1; i >= 0; i--) {
                if (name.equals(labels[i])) {
                    t.p++;
                    return depth - 1 - i;
                }
            }
            throw t.error("unknown label");
        }
        return (int) t.u32();
    }

    /** An optional {@code $id} after {@code end} or {@code else}, which must repeat the block's label. */
    private void closingLabel() {
        if (t.at(Lexer.ID)) {
            String name = t.lx.idName(t.p);
            if (!name.equals(labels[depth - 1])) {
                throw t.error("mismatching label");
            }
            t.p++;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Block types

    private void blockType(WasmWriter w) {
        if (t.atForm("type")) {
            w.s64(types.typeUse(false).index());
            return;
        }
        FuncType sig = types.signature(null, false);
        if (sig.params().isEmpty() && sig.results().size() <= 1) {
            if (sig.results().isEmpty()) {
                w.u8(0x40);
            } else {
                BinaryTypes.writeValType(w, sig.results().get(0));
            }
        } else {
            w.s64(m.funcTypeIndex(sig));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Plain (flat) instructions

    private void plain(WasmWriter w) {
        if (m.annotations.hasHints()) {
            m.annotations.emitted(t.p, w.size());
        }
        switch (t.text()) {
            case "block", "loop" -> {
                w.u8(t.atKeyword("block") ? 0x02 : 0x03);
                t.p++;
                int id = t.optId();
                blockType(w);
                push(id);
                instrs(w);
                endBlock(w);
            }
            case "if" -> {
                t.p++;
                int id = t.optId();
                w.u8(0x04);
                blockType(w);
                push(id);
                instrs(w);
                if (t.takeKeyword("else")) {
                    closingLabel();
                    w.u8(0x05);
                    instrs(w);
                }
                endBlock(w);
            }
            case "try_table" -> {
                t.p++;
                int id = t.optId();
                w.u8(0x1F);
                blockType(w);
                catchClauses(w);
                push(id);
                instrs(w);
                endBlock(w);
            }
            case "try" -> {
                t.p++;
                int id = t.optId();
                w.u8(0x06);
                blockType(w);
                push(id);
                instrs(w);
                boolean caught = false;
                while (true) {
                    caught |= t.atKeyword("catch") || t.atKeyword("catch_all");
                    if (t.takeKeyword("catch")) {
                        w.u8(0x07).u32(m.tags.resolve(t, "unknown tag"));
                        instrs(w);
                    } else if (t.takeKeyword("catch_all")) {
                        w.u8(0x19);
                        instrs(w);
                    } else {
                        break;
                    }
                }
                if (!caught && t.takeKeyword("delegate")) {
                    pop();
                    w.u8(0x18).u32(label());
                    return;
                }
                endBlock(w);
            }
            default -> operation(w, null);
        }
    }

    private void endBlock(WasmWriter w) {
        if (!t.takeKeyword("end")) {
            throw t.unexpected();
        }
        closingLabel();
        pop();
        w.u8(0x0B);
    }

    /** The catch clauses of try_table, resolved outside the try_table's own label. */
    private void catchClauses(WasmWriter w) {
        List<int[]> clauses = new ArrayList<>();
        while (true) {
            String kw = t.formKeyword();
            int kind = kw == null ? -1 : switch (kw) {
                case "catch" -> 0;
                case "catch_ref" -> 1;
                case "catch_all" -> 2;
                case "catch_all_ref" -> 3;
                default -> -1;
            };
            if (kind < 0) {
                break;
            }
            t.p += 2;
            int tag = kind < 2 ? m.tags.resolve(t, "unknown tag") : 0;
            int l = label();
            t.rparen();
            clauses.add(new int[] {kind, tag, l});
        }
        w.u32(clauses.size());
        for (int[] c : clauses) {
            w.u8(c[0]);
            if (c[0] < 2) {
                w.u32(c[1]);
            }
            w.u32(c[2]);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Folded instructions

    private void folded(WasmWriter w) {
        t.lparen();
        if (!t.at(Lexer.KEYWORD)) {
            throw t.unexpected();
        }
        int keyword = t.p;
        switch (t.text()) {
            case "block", "loop" -> {
                w.u8(t.atKeyword("block") ? 0x02 : 0x03);
                t.p++;
                int id = t.optId();
                blockType(w);
                push(id);
                instrs(w);
                pop();
                w.u8(0x0B);
            }
            case "if" -> {
                t.p++;
                int id = t.optId();
                WasmWriter bt = new WasmWriter(8);
                blockType(bt);
                while (t.at(Lexer.LPAREN) && !t.atForm("then")) {
                    folded(w);
                }
                if (m.annotations.hasHints()) {
                    m.annotations.emitted(keyword, w.size());
                }
                w.u8(0x04).bytes(bt.toByteArray());
                push(id);
                t.openForm("then");
                instrs(w);
                t.rparen();
                if (t.atForm("else")) {
                    t.p += 2;
                    w.u8(0x05);
                    instrs(w);
                    t.rparen();
                }
                pop();
                w.u8(0x0B);
            }
            case "try_table" -> {
                t.p++;
                int id = t.optId();
                w.u8(0x1F);
                blockType(w);
                catchClauses(w);
                push(id);
                instrs(w);
                pop();
                w.u8(0x0B);
            }
            case "try" -> {
                t.p++;
                foldedTry(w);
                return;
            }
            default -> {
                WasmWriter own = new WasmWriter(16);
                operation(own, w);
                if (m.annotations.hasHints()) {
                    m.annotations.emitted(keyword, w.size());
                }
                w.bytes(own.toByteArray());
            }
        }
        t.rparen();
    }

    /** Legacy {@code (try $l? bt (do ...) (catch x ...)* (catch_all ...)?)} or {@code ... (delegate l))}. */
    private void foldedTry(WasmWriter w) {
        int id = t.optId();
        w.u8(0x06);
        blockType(w);
        push(id);
        t.openForm("do");
        instrs(w);
        t.rparen();
        boolean caught = t.atForm("catch") || t.atForm("catch_all");
        while (t.atForm("catch")) {
            t.p += 2;
            w.u8(0x07).u32(m.tags.resolve(t, "unknown tag"));
            instrs(w);
            t.rparen();
        }
        if (t.atForm("catch_all")) {
            t.p += 2;
            w.u8(0x19);
            instrs(w);
            t.rparen();
        }
        pop();
        if (!caught && t.atForm("delegate")) {
            t.p += 2;
            w.u8(0x18).u32(label());
            t.rparen();
        } else {
            w.u8(0x0B);
        }
        t.rparen();
    }

    // ---------------------------------------------------------------------------------------------
    // Non-control instructions

    /**
     * An instruction with its immediates, written to {@code w}. When {@code operands} is not null the
     * instruction is folded: its folded operands follow the immediates and go to {@code operands}
     * first.
     */
    private void operation(WasmWriter w, WasmWriter operands) {
        int at = t.p;
        Opcode op = Opcode.forMnemonic(t.text());
        if (op == null || op.imm() == dev.ligature.core.instr.Imm.BLOCK_TYPE || op == Opcode.END
                || op == Opcode.ELSE || op == Opcode.CATCH || op == Opcode.CATCH_ALL || op == Opcode.DELEGATE
                || op == Opcode.TRY_TABLE) {
            throw t.error("unknown operator " + t.text(), at);
        }
        t.p++;
        immediates(op, w);
        if (operands != null) {
            while (t.at(Lexer.LPAREN)) {
                folded(operands);
            }
        }
    }

    private void immediates(Opcode op, WasmWriter w) {
        switch (op.imm()) {
            case NONE -> {
                if (op == Opcode.SELECT && t.atForm("result")) {
                    List<ValType> result = new ArrayList<>();
                    while (t.atForm("result")) {
                        t.p += 2;
                        while (!t.at(Lexer.RPAREN)) {
                            result.add(types.valType());
                        }
                        t.rparen();
                    }
                    w.opcode(Opcode.SELECT_T).u32(result.size());
                    for (ValType v : result) {
                        BinaryTypes.writeValType(w, v);
                    }
                } else {
                    w.opcode(op);
                }
            }
            case LABEL -> w.opcode(op).u32(label());
            case LABEL_TABLE -> {
                List<Integer> ls = new ArrayList<>();
                while (t.atIndex()) {
                    ls.add(label());
                }
                if (ls.isEmpty()) {
                    throw t.unexpected();
                }
                w.opcode(op).u32(ls.size() - 1);
                for (int l : ls) {
                    w.u32(l);
                }
            }
            case FUNC -> w.opcode(op).u32(m.funcs.resolve(t, "unknown function"));
            case TYPE -> w.opcode(op).u32(typeIndex());
            case CALL_INDIRECT -> {
                int table = t.atIndex() ? m.tables.resolve(t, "unknown table") : 0;
                int type = types.typeUse(false).index();
                w.opcode(op).u32(type).u32(table);
            }
            case LOCAL -> w.opcode(op).u32(locals.resolve(t, "unknown local"));
            case GLOBAL -> w.opcode(op).u32(m.globals.resolve(t, "unknown global"));
            case TABLE -> w.opcode(op).u32(optTable());
            case TAG -> w.opcode(op).u32(m.tags.resolve(t, "unknown tag"));
            case MEMORY -> w.opcode(op).u32(optMemory());
            case DATA -> {
                m.usesDataCount = true;
                w.opcode(op).u32(m.datas.resolve(t, "unknown data segment"));
            }
            case ELEM -> w.opcode(op).u32(m.elems.resolve(t, "unknown elem segment"));
            case MEMARG -> {
                w.opcode(op);
                imm.memarg(op, w, false);
            }
            case MEMARG_LANE -> {
                w.opcode(op);
                imm.memarg(op, w, true);
            }
            case I32 -> w.opcode(op).s64(imm.i32());
            case I64 -> w.opcode(op).s64(imm.i64());
            case F32 -> w.opcode(op).f32Bits(imm.f32());
            case F64 -> w.opcode(op).f64Bits(imm.f64());
            case V128 -> {
                w.opcode(op);
                imm.v128(w);
            }
            case LANE -> w.opcode(op).u8(imm.lane());
            case SHUFFLE -> {
                w.opcode(op);
                imm.shuffle(w);
            }
            case HEAP_TYPE -> {
                if (op == Opcode.REF_NULL) {
                    w.opcode(op);
                    BinaryTypes.writeHeapType(w, types.heapType());
                } else {
                    RefType r = types.refType();
                    Opcode variant = op == Opcode.REF_TEST
                            ? (r.nullable() ? Opcode.REF_TEST_NULL : Opcode.REF_TEST)
                            : (r.nullable() ? Opcode.REF_CAST_NULL : Opcode.REF_CAST);
                    w.opcode(variant);
                    BinaryTypes.writeHeapType(w, r.heap());
                }
            }
            case MEMORY_INIT -> {
                m.usesDataCount = true;
                segmentInit(w, op, m.memories, "unknown memory", m.datas, "unknown data segment");
            }
            case MEMORY_COPY -> copy(w, op, m.memories, "unknown memory");
            case TABLE_INIT -> segmentInit(w, op, m.tables, "unknown table", m.elems, "unknown elem segment");
            case TABLE_COPY -> copy(w, op, m.tables, "unknown table");
            case TYPE_FIELD -> {
                int type = typeIndex();
                w.opcode(op).u32(type).u32(field(type));
            }
            case TYPE_DATA -> {
                m.usesDataCount = true;
                int type = typeIndex();
                w.opcode(op).u32(type).u32(m.datas.resolve(t, "unknown data segment"));
            }
            case TYPE_ELEM -> {
                int type = typeIndex();
                w.opcode(op).u32(type).u32(m.elems.resolve(t, "unknown elem segment"));
            }
            case TYPE_TYPE -> {
                int dst = typeIndex();
                w.opcode(op).u32(dst).u32(typeIndex());
            }
            case TYPE_LEN -> {
                int type = typeIndex();
                w.opcode(op).u32(type).u32(t.u32());
            }
            case BR_ON_CAST -> {
                int l = label();
                RefType from = types.refType();
                RefType to = types.refType();
                w.opcode(op).u8((from.nullable() ? 1 : 0) | (to.nullable() ? 2 : 0)).u32(l);
                BinaryTypes.writeHeapType(w, from.heap());
                BinaryTypes.writeHeapType(w, to.heap());
            }
            default -> throw t.error("unknown operator", t.p - 1);
        }
    }

    private int typeIndex() {
        if (!t.atIndex()) {
            throw t.unexpected();
        }
        return m.types.resolve(t, "unknown type");
    }

    /**
     * {@code memory.init} / {@code table.init}: an optional target (memory or table) before the
     * segment; the target is present exactly when two indices follow. Encoded segment first.
     */
    private void segmentInit(WasmWriter w, Opcode op, IdSpace targets, String unknownTarget, IdSpace segments, String unknownSegment) {
        int target = 0;
        if (t.atIndex() && (t.kind(1) == Lexer.NUMBER || t.kind(1) == Lexer.ID)) {
            target = targets.resolve(t, unknownTarget);
        }
        int segment = segments.resolve(t, unknownSegment);
        w.opcode(op).u32(segment).u32(target);
    }

    /** {@code memory.copy} / {@code table.copy}: optional destination, then source (defaulting to it). */
    private void copy(WasmWriter w, Opcode op, IdSpace space, String unknown) {
        int dst = t.atIndex() ? space.resolve(t, unknown) : 0;
        int src = t.atIndex() ? space.resolve(t, unknown) : dst;
        w.opcode(op).u32(dst).u32(src);
    }

    private int optTable() {
        return t.atIndex() ? m.tables.resolve(t, "unknown table") : 0;
    }

    private int optMemory() {
        return t.atIndex() ? m.memories.resolve(t, "unknown memory") : 0;
    }

    private int field(int type) {
        if (t.at(Lexer.ID)) {
            IdSpace names = m.fieldNames.get(type);
            int i = names == null ? -1 : names.lookup(t.lx.idName(t.p));
            if (i < 0) {
                throw t.error("unknown field");
            }
            t.p++;
            return i;
        }
        return (int) t.u32();
    }
}
