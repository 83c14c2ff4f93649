package dev.ligature.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.fixtures.Pyodide;
import dev.ligature.core.types.ExternType;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.GlobalType;
import dev.ligature.core.types.MemoryType;
import dev.ligature.core.types.TableType;
import dev.ligature.core.types.TagType;
import org.junit.jupiter.api.Test;

/** Pyodide's main module instantiates against stub imports: data segments applied, nothing reserved for its maximum. */
class PyodideInstantiateTest {
    @Test
    void instantiatesWithStubImports() throws Exception {
        byte[] bytes = Pyodide.mainModuleBytesOrAbort();
        WasmModule m = WasmModule.decode(bytes);
        Imports imports = Imports.empty();
        for (ImportType imp : m.imports()) {
            switch (imp.type()) {
                case ExternType.Func f -> imports.function(imp.module(), imp.name(),
                        HostFunction.raw(imp.name(), imp.functionType(), call -> {
                            throw new UnsupportedOperationException(imp.name());
                        }));
                case MemoryType t -> imports.memory(imp.module(), imp.name(), Memory.create(t, -1));
                case TableType t -> imports.table(imp.module(), imp.name(), Table.of(t.element(), t.limits().min(), t.limits().max()));
                case GlobalType t -> imports.global(imp.module(), imp.name(), Global.of(t));
                case TagType t -> imports.tag(imp.module(), imp.name(), Tag.of(imp.functionType()));
            }
        }
        Instance i = m.instantiate(imports);
        Memory mem = i.memory();
        assertTrue(mem.type().limits().max() >= 32768, "declares a large maximum: " + mem.type().limits());
        assertEquals(mem.type().limits().min(), mem.pages(), "only the minimum is allocated");
    }
}
