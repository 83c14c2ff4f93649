package dev.ligature.core.exec;

import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.Module;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.valid.TypeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The index spaces of a module as an execution engine needs them (the interpreter's translator and
 * jit-asm's compiler), computed once per module. The arrays are shared: engines must not modify them.
 */
public final class ModuleInfo {
    public final Module module;
    public final TypeContext types;
    /** Type index of every function, imports first. */
    public final int[] funcTypeIndex;
    public final int importedFuncs;
    /** Value type of every global, imports first. */
    public final ValType[] globalTypes;
    /** Whether each table (imports first) is addressed with i64. */
    public final boolean[] tableIs64;
    /** Whether each memory (imports first) is addressed with i64. */
    public final boolean[] memIs64;
    /** Type index of every tag, imports first. */
    public final int[] tagTypeIndex;

    public ModuleInfo(Module module, TypeContext types) {
        this.module = module;
        this.types = types;
        List<Integer> f = new ArrayList<>();
        List<ValType> g = new ArrayList<>();
        List<Boolean> t = new ArrayList<>();
        List<Boolean> m = new ArrayList<>();
        List<Integer> x = new ArrayList<>();
        for (Import i : module.imports()) {
            switch (i.type()) {
                case ExternType.Func fn -> f.add(fn.typeIndex());
                case GlobalType gt -> g.add(gt.type());
                case TableType tt -> t.add(tt.is64());
                case MemoryType mt -> m.add(mt.is64());
                case TagType tg -> x.add(tg.typeIndex());
            }
        }
        importedFuncs = f.size();
        module.functions().forEach(fn -> f.add(fn.typeIndex()));
        module.globals().forEach(gl -> g.add(gl.type().type()));
        module.tables().forEach(tb -> t.add(tb.type().is64()));
        module.memories().forEach(mt -> m.add(mt.is64()));
        module.tags().forEach(tg -> x.add(tg.typeIndex()));
        funcTypeIndex = f.stream().mapToInt(Integer::intValue).toArray();
        globalTypes = g.toArray(ValType[]::new);
        tableIs64 = new boolean[t.size()];
        for (int i = 0; i < tableIs64.length; i++) {
            tableIs64[i] = t.get(i);
        }
        memIs64 = new boolean[m.size()];
        for (int i = 0; i < memIs64.length; i++) {
            memIs64[i] = m.get(i);
        }
        tagTypeIndex = x.stream().mapToInt(Integer::intValue).toArray();
    }

    public FuncType funcType(int typeIndex) {
        return (FuncType) types.subType(typeIndex).comp();
    }

    public FuncType typeOfFunction(int funcIndex) {
        return funcType(funcTypeIndex[funcIndex]);
    }
}
