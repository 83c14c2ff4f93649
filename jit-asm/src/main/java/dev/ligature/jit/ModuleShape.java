package dev.ligature.jit;

import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.NameSection;
import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.instr.CodeReader;
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
    /** What decides the generated code besides the module (split mode's optimizations, forced splitting). */
    final JitOptions options;
    final int[] funcTypeIndex;
    final int importedFuncs;
    final ValType[] globalTypes;
    final boolean[] tableIs64;
    final boolean[] memIs64;
    /** Scratch slots a {@link JitInstance} needs: the most params or results of any function type. */
    final int scratchSlots;
    private final ModuleInfo info;
    private NameSection names;
    /** Per defined function: 0 not scanned yet, 1 no tail call leaving it, 2 some. */
    private final byte[] tailCallMemo;

    /** The shape of {@code module} compiled with {@link JitOptions#DEFAULT} options. */
    ModuleShape(Module module, TypeContext types) {
        this(module, types, JitOptions.DEFAULT);
    }

    ModuleShape(Module module, TypeContext types, JitOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
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
        tailCallMemo = new byte[module.functions().size()];
    }

    /** Type index of tag {@code tag}'s payload. */
    int tagTypeIndex(int tag) {
        return info.tagTypeIndex[tag];
    }

    /**
     * Whether defined function {@code funcIndex} makes a tail call that may leave it (any
     * {@code return_call} but one to itself): such a function gets a trampoline (see
     * {@link TailCalls}). Decided by scanning its code once, memoized.
     */
    boolean tailCalls(int funcIndex) {
        int i = funcIndex - importedFuncs;
        byte known = tailCallMemo[i];
        if (known == 0) {
            known = scanTailCalls(funcIndex) ? (byte) 2 : (byte) 1;
            tailCallMemo[i] = known;
        }
        return known == 2;
    }

    private boolean scanTailCalls(int funcIndex) {
        byte[] code = module.functions().get(funcIndex - importedFuncs).body().bytes();
        CodeReader r = new CodeReader(new WasmReader(code));
        while (r.hasNext()) {
            switch (r.next()) {
                case RETURN_CALL_INDIRECT, RETURN_CALL_REF -> {
                    return true;
                }
                case RETURN_CALL -> {
                    if (r.index() != funcIndex) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
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
