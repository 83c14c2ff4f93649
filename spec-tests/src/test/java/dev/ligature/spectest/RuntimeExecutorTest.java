package dev.ligature.spectest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.ast.Module;
import dev.ligature.core.engine.Engines;
import dev.ligature.core.runtime.Engine;
import dev.ligature.core.engine.ExecutionEngine;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.valid.TypeContext;
import org.junit.jupiter.api.Test;

class RuntimeExecutorTest {
    private static final Module MODULE = WatParser.parseModule("(module (func (export \"f\") (result i32) (i32.const 1)))");

    @Test
    void aRunOfAnotherEngineRefusesInterpretedFunctions() {
        // An engine that quietly hands its work to the interpreter, as a fallback would.
        ExecutionEngine fallback = new ExecutionEngine() {
            @Override
            public CompiledCode compile(Module module, TypeContext types) {
                return Engines.resolve(Engine.interpreter()).compile(module, types);
            }

            @Override
            public String name() {
                return "fallback";
            }

            @Override
            public String toString() {
                return name();
            }
        };
        Executor.Store store = new RuntimeExecutor(fallback).newStore();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.instantiate(MODULE));
        assertTrue(e.getMessage().contains("runs interpreted under engine fallback"), e.getMessage());
        assertNotNull(new RuntimeExecutor().newStore().instantiate(MODULE), "the interpreter's own run is fine");
    }
}
