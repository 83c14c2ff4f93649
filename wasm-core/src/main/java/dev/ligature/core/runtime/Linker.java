package dev.ligature.core.runtime;

import dev.ligature.core.ast.DataSegment;
import dev.ligature.core.ast.ElementSegment;
import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.Module;
import dev.ligature.core.ast.SegmentMode;
import dev.ligature.core.engine.EngineFunction;
import dev.ligature.core.engine.GlobalCell;
import dev.ligature.core.engine.InstanceState;
import dev.ligature.core.engine.Types;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.RefType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.types.TypeIndex;
import dev.ligature.core.types.ValType;
import dev.ligature.core.valid.TypeContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Instantiation in the specification's order. */
final class Linker {
    private Linker() {}

    /** A value type with type indices replaced by canonical ids, comparable across modules. */
    static Object key(ValType t, TypeContext types) {
        if (t instanceof RefType r && r.heap() instanceof TypeIndex i) {
            return new RefType(r.nullable(), new TypeIndex(-1 - types.canonicalId(i.index())));
        }
        return t;
    }

    /** Phase 1 of {@link Instantiation}: resolves and checks every import; allocates nothing. */
    static Resolved link(WasmModule wm, Imports imports) {
        Module m = wm.ast();
        wm.names(); // decoded now, not while a trap unwinds an exhausted stack
        TypeContext types = wm.types();
        int nf = m.importCount(dev.ligature.core.types.ExternKind.FUNC) + m.functions().size();
        int nt = m.importCount(dev.ligature.core.types.ExternKind.TABLE) + m.tables().size();
        int nm = m.importCount(dev.ligature.core.types.ExternKind.MEMORY) + m.memories().size();
        int ng = m.importCount(dev.ligature.core.types.ExternKind.GLOBAL) + m.globals().size();
        int nx = m.importCount(dev.ligature.core.types.ExternKind.TAG) + m.tags().size();
        Resolved r = new Resolved(new EngineFunction[nf], new Table[nt], new Memory[nm], new GlobalCell[ng], new Tag[nx]);
        List<ImportType> described = wm.imports();
        for (int k = 0; k < m.imports().size(); k++) {
            Import imp = m.imports().get(k);
            Object v = imports.resolve(described.get(k));
            if (v == null) {
                throw new LinkException("unknown import \"" + imp.module() + "\".\"" + imp.name() + "\" (" + describe(imp.type()) + ")");
            }
            switch (imp.type()) {
                case ExternType.Func f -> {
                    int want = types.canonicalId(f.typeIndex());
                    if (!(v instanceof EngineFunction w) || !Types.registry().isSubtype(w.typeId(), want)) {
                        throw incompatible(imp, wm.funcType(f.typeIndex()).toString(), v);
                    }
                    r.funcs[r.fi++] = w;
                }
                case TableType t -> {
                    if (!(v instanceof Table tab) || tab.type().is64() != t.is64()
                            || !tab.elementKey().equals(key(t.element(), types))
                            || !limitsMatch(tab.size(), tab.type().limits().max(), t.limits())) {
                        throw incompatible(imp, "table " + t.element() + " " + t.limits(), v);
                    }
                    r.tables[r.ti++] = tab;
                }
                case MemoryType t -> {
                    if (!(v instanceof Memory mem) || mem.type().is64() != t.is64()
                            || !limitsMatch(mem.pages(), mem.type().limits().max(), t.limits())) {
                        throw incompatible(imp, "memory " + t.limits(), v);
                    }
                    r.mems[r.mi++] = mem;
                }
                case GlobalType t -> {
                    if (!(v instanceof Global g) || g.type().mutable() != t.mutable()
                            || !globalTypeMatches(g, t, types)) {
                        throw incompatible(imp, "global " + (t.mutable() ? "mut " : "") + t.type(), v);
                    }
                    r.globals[r.gi++] = g.cell;
                }
                case TagType t -> {
                    if (!(v instanceof Tag tag) || tag.typeId() != types.canonicalId(t.typeIndex())) {
                        throw incompatible(imp, "tag " + wm.funcType(t.typeIndex()), v);
                    }
                    r.tags[r.xi++] = tag;
                }
            }
        }
        return r;
    }

    /** The index spaces as linking leaves them: imports filled in, definitions still to come. */
    static final class Resolved {
        final EngineFunction[] funcs;
        final Table[] tables;
        final Memory[] mems;
        final GlobalCell[] globals;
        final Tag[] tags;
        int fi, ti, mi, gi, xi;

        Resolved(EngineFunction[] funcs, Table[] tables, Memory[] mems, GlobalCell[] globals, Tag[] tags) {
            this.funcs = funcs;
            this.tables = tables;
            this.mems = mems;
            this.globals = globals;
            this.tags = tags;
        }
    }

    /**
     * Phase 2: binds the defined functions, creates globals, tables, memories and tags, evaluates
     * the element segments and publishes the exports. Touches nothing outside the new instance.
     */
    static Instance allocate(WasmModule wm, Resolved r, InstanceOptions options) {
        Module m = wm.ast();
        TypeContext types = wm.types();
        Object[][] elems = new Object[m.elements().size()][];
        byte[][] data = new byte[m.data().size()][];
        Map<String, Object> exports = new LinkedHashMap<>();
        InstanceState inst = new InstanceState(m, types, wm.names(), r.funcs, r.mems, r.tables, r.globals, r.tags, elems, data);
        Instance view = new Instance(wm, inst, exports);
        int firstDefined = r.fi;
        for (int i = 0; i < m.functions().size(); i++) {
            r.funcs[firstDefined + i] = wm.code().bind(inst, firstDefined + i);
        }
        ConstEval eval = new ConstEval(inst);
        for (var g : m.globals()) {
            GlobalCell gl = new GlobalCell(g.type(), key(g.type().type(), types));
            eval.eval(g.init());
            gl.value = eval.lo;
            gl.high = eval.hi;
            gl.ref = eval.ref;
            r.globals[r.gi++] = gl;
        }
        for (var t : m.tables()) {
            Object init = null;
            if (t.init() != null) {
                eval.eval(t.init());
                init = eval.ref;
            }
            r.tables[r.ti++] = new Table(t.type(), key(t.type().element(), types), init);
        }
        for (MemoryType t : m.memories()) {
            r.mems[r.mi++] = Memory.create(t, options.maxMemoryPages(), options.memoryBacking());
        }
        for (TagType t : m.tags()) {
            r.tags[r.xi++] = new Tag(wm.funcType(t.typeIndex()), types.canonicalId(t.typeIndex()));
        }
        for (Export e : m.exports()) {
            exports.put(e.name(), switch (e.kind()) {
                case FUNC -> r.funcs[e.index()];
                case TABLE -> r.tables[e.index()];
                case MEMORY -> r.mems[e.index()];
                case GLOBAL -> Global.of(r.globals[e.index()]);
                case TAG -> r.tags[e.index()];
            });
        }
        for (int i = 0; i < elems.length; i++) {
            ElementSegment seg = m.elements().get(i);
            Object[] refs = new Object[seg.init().size()];
            for (int j = 0; j < refs.length; j++) {
                eval.eval(seg.init().get(j));
                refs[j] = eval.ref;
            }
            elems[i] = refs;
        }
        for (int i = 0; i < data.length; i++) {
            data[i] = m.data().get(i).init();
        }
        return view;
    }

    /**
     * Phase 3: applies the active element segments, then the active data segments, in order (a
     * segment out of bounds traps, and the segments before it stay written, as the spec says).
     */
    static void initialize(Instance view) {
        InstanceState inst = view.state;
        Module m = inst.module;
        ConstEval eval = new ConstEval(inst);
        for (int i = 0; i < m.elements().size(); i++) {
            ElementSegment seg = m.elements().get(i);
            if (seg.mode() == SegmentMode.ACTIVE) {
                eval.eval(seg.offset());
                Table t = inst.tables[seg.table()];
                long off = t.type().is64() ? eval.lo : eval.lo & 0xFFFFFFFFL;
                Object[] refs = inst.elementSegment(i);
                t.init(off, refs, 0, refs.length);
                inst.dropElementSegment(i);
            } else if (seg.mode() == SegmentMode.DECLARATIVE) {
                inst.dropElementSegment(i);
            }
        }
        for (int i = 0; i < m.data().size(); i++) {
            DataSegment seg = m.data().get(i);
            if (seg.mode() == SegmentMode.ACTIVE) {
                eval.eval(seg.offset());
                Memory mem = inst.memories[seg.memory()];
                long off = mem.type().is64() ? eval.lo : eval.lo & 0xFFFFFFFFL;
                byte[] bytes = inst.dataSegment(i);
                mem.init(off, bytes, 0, bytes.length);
                inst.dropDataSegment(i);
            }
        }
    }

    /** Phase 4: runs the start function, if any, with the instance as its host calls' caller. */
    static void start(Instance view) {
        InstanceState inst = view.state;
        if (inst.module.start() >= 0) {
            inst.functions[inst.module.start()].call(view, new long[0], null, null, null);
        }
    }

    private static boolean globalTypeMatches(Global g, GlobalType t, TypeContext types) {
        Object want = key(t.type(), types);
        if (g.cell.typeKey.equals(want)) {
            return true;
        }
        // An immutable global of a reference type may be a subtype of the declared one (abstract heaps only here).
        if (!t.mutable() && g.type().type() instanceof RefType have && t.type() instanceof RefType need
                && have.heap() instanceof dev.ligature.core.types.AbsHeapType ha
                && need.heap() instanceof dev.ligature.core.types.AbsHeapType hn) {
            boolean nullOk = need.nullable() || !have.nullable();
            return nullOk && (ha == hn || ha == hn.bottom());
        }
        // A concrete function type is a subtype of func.
        if (!t.mutable() && g.cell.typeKey instanceof RefType have && t.type() instanceof RefType need
                && have.heap() instanceof TypeIndex && need.heap() == dev.ligature.core.types.AbsHeapType.FUNC) {
            return need.nullable() || !have.nullable();
        }
        if (!t.mutable() && g.cell.typeKey instanceof RefType have && want instanceof RefType need
                && have.heap() instanceof TypeIndex hi && need.heap() instanceof TypeIndex ni) {
            return (need.nullable() || !have.nullable())
                    && Types.registry().isSubtype(-1 - hi.index(), -1 - ni.index());
        }
        return false;
    }

    private static boolean limitsMatch(long haveMin, long haveMax, Limits want) {
        if (haveMin < want.min()) {
            return false;
        }
        if (want.hasMax()) {
            return haveMax != Limits.NO_MAX && haveMax <= want.max();
        }
        return true;
    }

    private static LinkException incompatible(Import imp, String expected, Object actual) {
        return new LinkException("incompatible import type \"" + imp.module() + "\".\"" + imp.name()
                + "\": expected " + expected + ", got " + describeValue(actual));
    }

    private static String describe(ExternType t) {
        return switch (t) {
            case ExternType.Func f -> "func";
            case TableType tt -> "table";
            case MemoryType mt -> "memory";
            case GlobalType gt -> "global";
            case TagType tg -> "tag";
        };
    }

    private static String describeValue(Object v) {
        return switch (v) {
            case WasmFunction f -> "func " + f.type();
            case Table t -> "table " + t.type().element() + " " + t.size() + " " + t.type().limits().max();
            case Memory mem -> "memory " + mem.pages() + " " + mem.type().limits().max();
            case Global g -> "global " + (g.type().mutable() ? "mut " : "") + g.type().type();
            case Tag t -> "tag " + t.type();
            default -> v.getClass().getSimpleName();
        };
    }

    static List<ValType> params(FuncType t) {
        return t.params();
    }
}
