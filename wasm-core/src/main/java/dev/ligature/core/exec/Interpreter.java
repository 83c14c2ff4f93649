package dev.ligature.core.exec;

import dev.ligature.core.ast.Module;
import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.engine.InstanceState;
import dev.ligature.core.engine.EngineFunction;
import dev.ligature.core.valid.TypeContext;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The interpreter engine. Compiling a module only records its index spaces; each function is
 * translated to {@link Code} on its first call (Pyodide has 17k functions, most never run), once
 * per module and shared by all instances. Translation is thread-safe: two threads may race to
 * translate the same function, and one result wins.
 */
public final class Interpreter implements ExecutionEngine {
    public static final Interpreter INSTANCE = new Interpreter();

    static {
        // Load what the loop may need before any deep recursion: class initialisation failing on a
        // StackOverflowError would poison the class for good.
        Machine.init();
    }

    private Interpreter() {}

    @Override
    public String name() {
        return "interpreter";
    }

    @Override
    public CompiledCode compile(Module module, TypeContext types) {
        return new Compiled(new ModuleInfo(module, types));
    }

    /** A module's lazily translated functions. */
    static final class Compiled implements CompiledCode {
        final ModuleInfo info;
        private final AtomicReferenceArray<Code> codes;

        Compiled(ModuleInfo info) {
            this.info = info;
            this.codes = new AtomicReferenceArray<>(info.module.functions().size());
        }

        Code code(int funcIndex) {
            int i = funcIndex - info.importedFuncs;
            Code c = codes.get(i);
            if (c == null) {
                c = Translator.translate(info, funcIndex);
                if (!codes.compareAndSet(i, null, c)) {
                    c = codes.get(i);
                }
            }
            return c;
        }

        @Override
        public EngineFunction bind(InstanceState instance, int funcIndex) {
            return new InterpretedFunction(this, instance, funcIndex);
        }
    }
}
