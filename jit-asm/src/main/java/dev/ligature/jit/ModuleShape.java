package dev.ligature.jit;

import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.NameSection;
import dev.ligature.core.exec.ModuleInfo;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.valid.TypeContext;

/**
 * The module as the compiler needs it: the index spaces the interpreter also uses
 * ({@link ModuleInfo}), plus what only compiled code needs. Computed once per module.
 */
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
    private final ModuleInfo info;
    private NameSection names;

    ModuleShape(Module module, TypeContext types) {
        this.info = new ModuleInfo(module, types);
        this.module = module;
        this.types = types;
        funcTypeIndex = info.funcTypeIndex;
        importedFuncs = info.importedFuncs;
        globalTypes = info.globalTypes;
        tableIs64 = info.tableIs64;
        memIs64 = info.memIs64;
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
        return info.funcType(typeIndex);
    }

    FuncType typeOfFunction(int funcIndex) {
        return info.typeOfFunction(funcIndex);
    }

    synchronized String functionName(int funcIndex) {
        try {
            if (names == null) {
                names = NameSection.of(module);
            }
            return names.displayName(module, funcIndex);
        } catch (RuntimeException e) {
            return null; // a name is only for messages; a bad name section must not hide the real error
        }
    }
}
