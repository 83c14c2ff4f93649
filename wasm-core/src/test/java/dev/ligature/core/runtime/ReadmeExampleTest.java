package dev.ligature.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.NumType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding example of README.md, kept compiling and true. */
class ReadmeExampleTest {
    @Test
    void readmeExampleRuns() {
        WasmModule module = WasmModule.parseText("""
                (module
                  (import "env" "log" (func $log (param i32 i32)))
                  (import "env" "base" (global $base i32))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "hi from wasm")
                  (func (export "add") (param i32 i32) (result i32)
                    (call $log (i32.const 16) (i32.const 12))
                    (i32.add (local.get 0) (local.get 1)))
                  (func (export "divmod") (param i32 i32) (result i32 i32)
                    (i32.div_u (local.get 0) (local.get 1))
                    (i32.rem_u (local.get 0) (local.get 1))))
                """);
        List<String> printed = new ArrayList<>();

        FuncType logType = new FuncType(List.of(NumType.I32, NumType.I32), List.of());
        Imports imports = Imports.empty()
                .function("env", "log", logType, (caller, args) -> {
                    printed.add(caller.memory().readString(args[0], (int) args[1]));
                    return new long[0];
                })
                .global("env", "base", Global.i32(1024, false));

        Instance instance = module.instantiate(imports);
        int sum = instance.function("add").callInt(2, 3);
        long[] all = instance.function("divmod").call(7, 2);
        instance.memory().writeString(64, "hello");

        assertEquals(5, sum);
        assertArrayEquals(new long[] {3, 1}, all);
        assertEquals(List.of("hi from wasm"), printed);
        assertEquals("hello", instance.memory().readString(64, 5));
    }
}
