package dev.ligature.core.valid;

import static dev.ligature.core.valid.TypeCodes.*;

import dev.ligature.core.InvalidModuleException;
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
import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.Limits;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Module-level validation: entity types, limits, constant expressions, segments, exports, start. */
final class ModuleValidator {
    static final long MAX_PAGES_32 = 65536;
    static final long MAX_PAGES_64 = 1L << 48;
    static final long MAX_TABLE_32 = 0xFFFF_FFFFL;

    private final Module module;
    private final TypeContext tc;

    ModuleValidator(Module module, TypeRegistry registry) {
        this.module = module;
        this.tc = TypeContext.build(module.types(), registry);
    }

    TypeContext types() {
        return tc;
    }

    void validate() {
        List<Integer> funcTypes = new ArrayList<>();
        List<TableType> tables = new ArrayList<>();
        List<MemoryType> memories = new ArrayList<>();
        List<GlobalType> globals = new ArrayList<>();
        List<Integer> tags = new ArrayList<>();
        for (Import i : module.imports()) {
            switch (i.type()) {
                case ExternType.Func f -> funcTypes.add(funcTypeIndex(f.typeIndex()));
                case TableType t -> tables.add(t);
                case MemoryType mt -> memories.add(mt);
                case GlobalType g -> globals.add(g);
                case TagType t -> tags.add(t.typeIndex());
            }
        }
        int importedGlobals = globals.size();
        for (Func f : module.functions()) {
            funcTypes.add(funcTypeIndex(f.typeIndex()));
        }
        for (Table t : module.tables()) {
            tables.add(t.type());
        }
        memories.addAll(module.memories());
        for (TagType t : module.tags()) {
            tags.add(t.typeIndex());
        }
        for (Global g : module.globals()) {
            globals.add(g.type());
        }

        int[] tableElem = new int[tables.size()];
        boolean[] table64 = new boolean[tables.size()];
        for (int i = 0; i < tableElem.length; i++) {
            TableType t = tables.get(i);
            tableElem[i] = tc.code(t.element());
            table64[i] = t.is64();
            tableLimits(t);
        }
        boolean[] memory64 = new boolean[memories.size()];
        for (int i = 0; i < memory64.length; i++) {
            MemoryType mt = memories.get(i);
            memory64[i] = mt.is64();
            memoryLimits(mt);
        }
        int[] tagTypes = new int[tags.size()];
        for (int i = 0; i < tagTypes.length; i++) {
            int t = funcTypeIndex(tags.get(i));
            if (tc.results(t).length != 0) {
                throw InvalidModuleException.of("non-empty tag result type");
            }
            tagTypes[i] = t;
        }
        int[] globalTypes = new int[globals.size()];
        boolean[] globalMutable = new boolean[globals.size()];
        for (int i = 0; i < globalTypes.length; i++) {
            globalTypes[i] = tc.code(globals.get(i).type());
            globalMutable[i] = globals.get(i).mutable();
        }
        int[] elemTypes = new int[module.elements().size()];
        for (int i = 0; i < elemTypes.length; i++) {
            elemTypes[i] = tc.code(module.elements().get(i).type());
        }
        int dataCount = module.dataCount() >= 0 ? module.dataCount() : module.data().size();
        int[] funcTypeArray = funcTypes.stream().mapToInt(Integer::intValue).toArray();
        boolean[] declared = declaredFunctions(funcTypeArray.length);

        ModuleScope scope = new ModuleScope(tc, funcTypeArray, tableElem, table64, memory64, globalTypes,
                globalMutable, tagTypes, elemTypes, dataCount, declared);
        CodeValidator code = new CodeValidator(scope);
        int allGlobals = globalTypes.length;

        int tableBase = tables.size() - module.tables().size();
        for (int i = 0; i < module.tables().size(); i++) {
            Table t = module.tables().get(i);
            int elem = tableElem[tableBase + i];
            if (t.init() == null) {
                if (!isNullable(elem)) {
                    throw InvalidModuleException.of("type mismatch: table of non-nullable "
                            + name(elem) + " needs an initialiser");
                }
            } else {
                // Tables are initialised before the module's own globals, so only imports are visible.
                code.validateConst(t.init().bytes(), elem, importedGlobals);
            }
        }
        for (int i = 0; i < module.globals().size(); i++) {
            code.validateConst(module.globals().get(i).init().bytes(), globalTypes[importedGlobals + i],
                    importedGlobals + i);
        }
        exports(funcTypeArray.length, tables.size(), memories.size(), globals.size(), tags.size());
        start(funcTypeArray);
        for (int i = 0; i < module.elements().size(); i++) {
            ElementSegment e = module.elements().get(i);
            for (Expr init : e.init()) {
                code.validateConst(init.bytes(), elemTypes[i], allGlobals);
            }
            if (e.mode() == SegmentMode.ACTIVE) {
                int t = e.table();
                if (t < 0 || t >= tableElem.length) {
                    throw InvalidModuleException.of("unknown table " + t);
                }
                if (!tc.valSub(elemTypes[i], tableElem[t])) {
                    throw InvalidModuleException.of("type mismatch: element segment " + i + " of type "
                            + name(elemTypes[i]) + " does not fit table " + t);
                }
                code.validateConst(e.offset().bytes(), table64[t] ? I64 : I32, allGlobals);
            }
        }
        for (DataSegment d : module.data()) {
            if (d.mode() == SegmentMode.ACTIVE) {
                int mem = d.memory();
                if (mem < 0 || mem >= memory64.length) {
                    throw InvalidModuleException.of("unknown memory " + mem);
                }
                code.validateConst(d.offset().bytes(), memory64[mem] ? I64 : I32, allGlobals);
            }
        }
        int funcBase = funcTypeArray.length - module.functions().size();
        for (int i = 0; i < module.functions().size(); i++) {
            Func f = module.functions().get(i);
            code.validateFunction(funcBase + i, f.typeIndex(), f);
        }
    }

    private int funcTypeIndex(int idx) {
        if (idx < 0 || idx >= tc.size()) {
            throw InvalidModuleException.of("unknown type " + idx);
        }
        if (!tc.isFunc(idx)) {
            throw InvalidModuleException.of("type mismatch: type " + idx + " is not a function type");
        }
        return idx;
    }

    private static void tableLimits(TableType t) {
        Limits l = t.limits();
        if (!t.is64() && (Long.compareUnsigned(l.min(), MAX_TABLE_32) > 0
                || (l.hasMax() && Long.compareUnsigned(l.max(), MAX_TABLE_32) > 0))) {
            throw InvalidModuleException.of("table size must be at most 2^32-1");
        }
        if (l.hasMax() && Long.compareUnsigned(l.min(), l.max()) > 0) {
            throw InvalidModuleException.of("size minimum must not be greater than maximum");
        }
    }

    private static void memoryLimits(MemoryType mt) {
        Limits l = mt.limits();
        long bound = mt.is64() ? MAX_PAGES_64 : MAX_PAGES_32;
        if (Long.compareUnsigned(l.min(), bound) > 0 || (l.hasMax() && Long.compareUnsigned(l.max(), bound) > 0)) {
            throw InvalidModuleException.of(mt.is64()
                    ? "memory size must be at most 2^48 pages (256TiB)"
                    : "memory size must be at most 65536 pages (4GiB)");
        }
        if (l.hasMax() && Long.compareUnsigned(l.min(), l.max()) > 0) {
            throw InvalidModuleException.of("size minimum must not be greater than maximum");
        }
        if (mt.shared() && !l.hasMax()) {
            throw InvalidModuleException.of("shared memory must have maximum");
        }
    }

    /** Functions that ref.func may name inside bodies: those referenced outside of them. */
    private boolean[] declaredFunctions(int funcCount) {
        boolean[] declared = new boolean[funcCount];
        for (Export e : module.exports()) {
            if (e.kind() == dev.ligature.core.types.ExternKind.FUNC && e.index() >= 0 && e.index() < funcCount) {
                declared[e.index()] = true;
            }
        }
        for (Global g : module.globals()) {
            markRefFuncs(g.init(), declared);
        }
        for (Table t : module.tables()) {
            if (t.init() != null) {
                markRefFuncs(t.init(), declared);
            }
        }
        for (ElementSegment e : module.elements()) {
            for (Expr init : e.init()) {
                markRefFuncs(init, declared);
            }
        }
        return declared;
    }

    private static void markRefFuncs(Expr expr, boolean[] declared) {
        CodeReader cr = new CodeReader(new WasmReader(expr.bytes()));
        while (cr.hasNext()) {
            if (cr.next() == Opcode.REF_FUNC && cr.index() >= 0 && cr.index() < declared.length) {
                declared[(int) cr.index()] = true;
            }
        }
    }

    private void exports(int funcs, int tables, int memories, int globals, int tags) {
        Set<String> names = new HashSet<>();
        for (Export e : module.exports()) {
            int bound = switch (e.kind()) {
                case FUNC -> funcs;
                case TABLE -> tables;
                case MEMORY -> memories;
                case GLOBAL -> globals;
                case TAG -> tags;
            };
            if (e.index() < 0 || e.index() >= bound) {
                String what = e.kind() == dev.ligature.core.types.ExternKind.FUNC ? "function" : e.kind().toString();
                throw InvalidModuleException.of("unknown " + what + " " + e.index());
            }
            if (!names.add(e.name())) {
                throw InvalidModuleException.of("duplicate export name \"" + e.name() + "\"");
            }
        }
    }

    private void start(int[] funcTypes) {
        int s = module.start();
        if (s < 0) {
            return;
        }
        if (s >= funcTypes.length) {
            throw InvalidModuleException.of("unknown function " + s);
        }
        int t = funcTypes[s];
        if (tc.params(t).length != 0 || tc.results(t).length != 0) {
            throw InvalidModuleException.of("start function must have type [] -> []");
        }
    }
}
