package dev.ligature.core.text;

import dev.ligature.core.ast.DataSegment;
import dev.ligature.core.ast.ElementSegment;
import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Expr;
import dev.ligature.core.ast.Func;
import dev.ligature.core.ast.Global;
import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.Module;
import dev.ligature.core.ast.SegmentMode;
import dev.ligature.core.ast.Table;
import dev.ligature.core.binary.WasmWriter;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.ExternKind;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.AbsHeapType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.types.ValType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Pass three of {@link WatParser}: every field other than types, in order, into the module's lists. */
final class FieldParser {
    private final ModuleScope m;
    private final Tokens t;
    private final TypeParser types;
    private final InstrParser code;

    private final List<Import> imports = new ArrayList<>();
    private final List<Func> funcs = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<TagType> tags = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    /** Next index in each extern kind's index space (imports included). */
    private final int[] next = new int[ExternKind.values().length];
    private int start = -1;

    FieldParser(ModuleScope m, TypeParser types) {
        this.m = m;
        this.t = m.t;
        this.types = types;
        this.code = new InstrParser(m, types);
    }

    Module build() {
        int dataCount = m.usesDataCount ? data.size() : -1;
        return new Module(m.recs, imports, funcs, tables, memories, tags, globals, exports, start, elements,
                dataCount, data, m.annotations.sections());
    }

    /** One field, the cursor at its opening parenthesis. */
    void field() {
        String kw = t.formKeyword();
        int at = t.p;
        switch (kw) {
            case "type", "rec" -> t.skipItem();
            case "import" -> {
                t.p += 2;
                String module = t.name();
                String name = t.name();
                String kind = t.formKeyword();
                t.p += 2;
                t.optId();
                ExternType type = externType(kind);
                t.rparen();
                t.rparen();
                imports.add(new Import(module, name, type));
                next[type.kind().ordinal()]++;
            }
            case "func", "table", "memory", "global", "tag" -> definition(kw);
            case "export" -> {
                t.p += 2;
                String name = t.name();
                String kind = t.formKeyword();
                if (kind == null) {
                    throw t.unexpected();
                }
                t.p += 2;
                ExternKind k = switch (kind) {
                    case "func" -> ExternKind.FUNC;
                    case "table" -> ExternKind.TABLE;
                    case "memory" -> ExternKind.MEMORY;
                    case "global" -> ExternKind.GLOBAL;
                    case "tag" -> ExternKind.TAG;
                    default -> throw t.error("unexpected token", t.p - 1);
                };
                int index = space(k).resolve(t, "unknown " + (k == ExternKind.FUNC ? "function" : kind));
                t.rparen();
                t.rparen();
                exports.add(new Export(name, k, index));
            }
            case "start" -> {
                t.p += 2;
                if (start >= 0) {
                    throw t.error("multiple start sections", at);
                }
                start = m.funcs.resolve(t, "unknown function");
                t.rparen();
            }
            case "elem" -> elem();
            case "data" -> data();
            default -> throw t.error("unexpected token", at + 1);
        }
    }

    private IdSpace space(ExternKind k) {
        return switch (k) {
            case FUNC -> m.funcs;
            case TABLE -> m.tables;
            case MEMORY -> m.memories;
            case GLOBAL -> m.globals;
            case TAG -> m.tags;
        };
    }

    private ExternType externType(String kind) {
        return switch (kind) {
            case "func" -> new ExternType.Func(types.typeUse(true).index());
            case "table" -> tableType();
            case "memory" -> memoryType();
            case "global" -> globalType();
            case "tag" -> new TagType(types.typeUse(true).index());
            default -> throw t.unexpected();
        };
    }

    /** func, table, memory, global or tag with inline exports and possibly an inline import. */
    private void definition(String kw) {
        t.p += 2;
        t.optId();
        List<String> exportNames = new ArrayList<>();
        while (t.atForm("export")) {
            t.p += 2;
            exportNames.add(t.name());
            t.rparen();
        }
        ExternKind kind = switch (kw) {
            case "func" -> ExternKind.FUNC;
            case "table" -> ExternKind.TABLE;
            case "memory" -> ExternKind.MEMORY;
            case "global" -> ExternKind.GLOBAL;
            default -> ExternKind.TAG;
        };
        int index = next[kind.ordinal()]++;
        for (String n : exportNames) {
            exports.add(new Export(n, kind, index));
        }
        if (t.atForm("import")) {
            t.p += 2;
            String module = t.name();
            String name = t.name();
            t.rparen();
            imports.add(new Import(module, name, externType(kw)));
        } else {
            switch (kind) {
                case FUNC -> func(index);
                case TABLE -> table(index);
                case MEMORY -> memory(index);
                case GLOBAL -> {
                    GlobalType gt = globalType();
                    globals.add(new Global(gt, constExpr()));
                }
                case TAG -> tags.add(new TagType(types.typeUse(true).index()));
            }
        }
        t.rparen();
    }

    private void func(int functionIndex) {
        TypeParser.TypeUse use = types.typeUse(true);
        IdSpace locals = new IdSpace("local");
        for (int id : use.paramIds()) {
            locals.define(t, id);
        }
        List<Func.Locals> runs = new ArrayList<>();
        while (t.atForm("local")) {
            t.p += 2;
            if (t.at(Lexer.ID)) {
                int id = t.p++;
                locals.define(t, id);
                addLocal(runs, types.valType());
            } else {
                while (!t.at(Lexer.RPAREN)) {
                    locals.define(t, -1);
                    addLocal(runs, types.valType());
                }
            }
            t.rparen();
        }
        code.begin(locals);
        WasmWriter w = new WasmWriter(64);
        m.annotations.beginFunction(functionIndex);
        code.expression(w);
        m.annotations.endFunction(localsSize(runs));
        funcs.add(new Func(use.index(), runs, Expr.wrap(w.toByteArray())));
    }

    /** The size of the locals declarations as the binary format writes them. */
    private static int localsSize(List<Func.Locals> runs) {
        WasmWriter w = new WasmWriter(16);
        w.u32(runs.size());
        for (Func.Locals l : runs) {
            w.u32(l.count());
            dev.ligature.core.binary.BinaryTypes.writeValType(w, l.type());
        }
        return w.size();
    }

    private static void addLocal(List<Func.Locals> runs, ValType type) {
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).type().equals(type)) {
            runs.set(last, new Func.Locals(runs.get(last).count() + 1, type));
        } else {
            runs.add(new Func.Locals(1, type));
        }
    }

    private Expr constExpr() {
        code.begin(new IdSpace("local"));
        WasmWriter w = new WasmWriter(16);
        code.expression(w);
        return Expr.wrap(w.toByteArray());
    }

    private Expr singleFolded() {
        code.begin(new IdSpace("local"));
        WasmWriter w = new WasmWriter(16);
        code.singleFolded(w);
        return Expr.wrap(w.toByteArray());
    }

    /** An {@code i32.const 0} or {@code i64.const 0} offset for inline segments. */
    private static Expr zeroOffset(boolean is64) {
        return Expr.wrap(new byte[] {(byte) (is64 ? 0x42 : 0x41), 0, 0x0B});
    }

    private boolean addressType() {
        if (t.takeKeyword("i64")) {
            return true;
        }
        t.takeKeyword("i32");
        return false;
    }

    private Limits limits() {
        long min = t.u64();
        long max = t.at(Lexer.NUMBER) ? t.u64() : Limits.NO_MAX;
        return new Limits(min, max);
    }

    private TableType tableType() {
        boolean is64 = addressType();
        Limits l = limits();
        return new TableType(types.refType(), l, is64);
    }

    private MemoryType memoryType() {
        boolean is64 = addressType();
        Limits l = limits();
        boolean shared = t.takeKeyword("shared");
        if (!shared) {
            t.takeKeyword("unshared");
        }
        if (t.atForm("pagesize")) {
            t.p += 2;
            int at = t.p;
            if (t.u64() != MemoryType.PAGE_SIZE) {
                throw t.error("custom page sizes are not supported", at);
            }
            t.rparen();
        }
        return new MemoryType(l, shared, is64);
    }

    private GlobalType globalType() {
        if (t.atForm("mut")) {
            t.p += 2;
            ValType v = types.valType();
            t.rparen();
            return new GlobalType(v, true);
        }
        return new GlobalType(types.valType(), false);
    }

    private void table(int index) {
        int save = t.p;
        boolean is64 = addressType();
        if (types.atRefType()) {
            RefType type = types.refType();
            if (!t.atForm("elem")) {
                throw t.unexpected();
            }
            t.p += 2;
            List<Expr> items = new ArrayList<>();
            if (t.atIndex()) {
                while (t.atIndex()) {
                    items.add(refFunc(m.funcs.resolve(t, "unknown function")));
                }
            } else {
                elemExprs(items);
            }
            t.rparen();
            long n = items.size();
            tables.add(new Table(new TableType(type, new Limits(n, n), is64), null));
            elements.add(new ElementSegment(SegmentMode.ACTIVE, index, zeroOffset(is64), type, items));
            return;
        }
        t.p = save;
        TableType type = tableType();
        Expr init = t.at(Lexer.RPAREN) ? null : constExpr();
        tables.add(new Table(type, init));
    }

    private void memory(int index) {
        int save = t.p;
        boolean is64 = addressType();
        if (t.atForm("data")) {
            t.p += 2;
            byte[] bytes = strings();
            t.rparen();
            long pages = (bytes.length + (long) MemoryType.PAGE_SIZE - 1) / MemoryType.PAGE_SIZE;
            memories.add(new MemoryType(new Limits(pages, pages), false, is64));
            data.add(new DataSegment(SegmentMode.ACTIVE, index, zeroOffset(is64), bytes));
            return;
        }
        t.p = save;
        memories.add(memoryType());
    }

    private byte[] strings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (t.at(Lexer.STRING)) {
            out.writeBytes(t.string());
        }
        return out.toByteArray();
    }

    private static Expr refFunc(int func) {
        WasmWriter w = new WasmWriter(8);
        w.opcode(Opcode.REF_FUNC).u32(func).u8(0x0B);
        return Expr.wrap(w.toByteArray());
    }

    /** Element expressions: {@code (item instr*)} or a single folded instruction each. */
    private void elemExprs(List<Expr> items) {
        while (t.at(Lexer.LPAREN)) {
            if (t.atForm("item")) {
                t.p += 2;
                items.add(constExpr());
                t.rparen();
            } else {
                items.add(singleFolded());
            }
        }
    }

    /** An offset: {@code (offset instr*)} or a single folded instruction. */
    private Expr offset() {
        if (t.atForm("offset")) {
            t.p += 2;
            Expr e = constExpr();
            t.rparen();
            return e;
        }
        if (!t.at(Lexer.LPAREN)) {
            throw t.unexpected();
        }
        return singleFolded();
    }

    private void elem() {
        t.p += 2;
        t.optId();
        SegmentMode mode = SegmentMode.PASSIVE;
        int table = 0;
        Expr offset = null;
        if (t.takeKeyword("declare")) {
            mode = SegmentMode.DECLARATIVE;
        } else if (t.atForm("table")) {
            t.p += 2;
            table = m.tables.resolve(t, "unknown table");
            t.rparen();
            mode = SegmentMode.ACTIVE;
            offset = offset();
        } else if (t.atIndex()) {
            table = m.tables.resolve(t, "unknown table");
            mode = SegmentMode.ACTIVE;
            offset = offset();
        } else if (t.at(Lexer.LPAREN) && !t.atForm("ref")) {
            mode = SegmentMode.ACTIVE;
            offset = offset();
        }
        // A list of function indices holds non-null function references: (ref func), as in the binary format.
        RefType type = new RefType(false, AbsHeapType.FUNC);
        List<Expr> items = new ArrayList<>();
        if (t.takeKeyword("func") || (mode == SegmentMode.ACTIVE && !types.atRefType())) {
            while (t.atIndex()) {
                items.add(refFunc(m.funcs.resolve(t, "unknown function")));
            }
        } else {
            type = types.refType();
            elemExprs(items);
        }
        t.rparen();
        elements.add(new ElementSegment(mode, table, offset, type, items));
    }

    private void data() {
        t.p += 2;
        t.optId();
        int memory = 0;
        Expr offset = null;
        if (t.atForm("memory")) {
            t.p += 2;
            memory = m.memories.resolve(t, "unknown memory");
            t.rparen();
            offset = offset();
        } else if (t.atIndex()) {
            memory = m.memories.resolve(t, "unknown memory");
            offset = offset();
        } else if (t.at(Lexer.LPAREN)) {
            offset = offset();
        }
        byte[] bytes = strings();
        t.rparen();
        data.add(new DataSegment(offset == null ? SegmentMode.PASSIVE : SegmentMode.ACTIVE, memory, offset, bytes));
    }
}
