package dev.ligature.jit;

import dev.ligature.core.ast.Import;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.NameSection;
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

/** The index spaces of a module as the compiler needs them, computed once per module. */
final class ModuleShape {
    final Module module;
    final TypeContext types;
    final int[] funcTypeIndex;
    final int importedFuncs;
    final ValType[] globalTypes;
    final boolean[] tableIs64;
    final boolean[] memIs64;
    /** Scratch slots a {@link JitInstance} needs: the most params or results of any function type. */
    final int scratchSlots;
    private NameSection names;

    ModuleShape(Module module, TypeContext types) {
        this.module = module;
        this.types = types;
        List<Integer> f = new ArrayList<>();
        List<ValType> g = new ArrayList<>();
        List<Boolean> t = new ArrayList<>();
        List<Boolean> m = new ArrayList<>();
        for (Import i : module.imports()) {
            switch (i.type()) {
                case ExternType.Func fn -> f.add(fn.typeIndex());
                case GlobalType gt -> g.add(gt.type());
                case TableType tt -> t.add(tt.is64());
                case MemoryType mt -> m.add(mt.is64());
                case TagType tg -> { }
            }
        }
        importedFuncs = f.size();
        module.functions().forEach(fn -> f.add(fn.typeIndex()));
        module.globals().forEach(gl -> g.add(gl.type().type()));
        module.tables().forEach(tb -> t.add(tb.type().is64()));
        module.memories().forEach(mt -> m.add(mt.is64()));
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
        int scratch = 1;
        for (int i = 0; i < types.size(); i++) {
            if (types.isFunc(i)) {
                FuncType ft = funcType(i);
                scratch = Math.max(scratch, Math.max(2 * ft.params().size(), 2 * ft.results().size()));
            }
        }
        scratchSlots = scratch;
    }

    FuncType funcType(int typeIndex) {
        return (FuncType) types.subType(typeIndex).comp();
    }

    FuncType typeOfFunction(int funcIndex) {
        return funcType(funcTypeIndex[funcIndex]);
    }

    synchronized String functionName(int funcIndex) {
        try {
            if (names == null) {
                names = NameSection.of(module);
            }
            String n = names.functionName(funcIndex);
            if (n == null) {
                for (var e : module.exports()) {
                    if (e.kind() == dev.ligature.core.types.ExternKind.FUNC && e.index() == funcIndex) {
                        return e.name();
                    }
                }
            }
            return n;
        } catch (RuntimeException e) {
            return null; // a name is only for messages; a bad name section must not hide the real error
        }
    }
}
