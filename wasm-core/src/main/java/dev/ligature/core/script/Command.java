package dev.ligature.core.script;

import java.util.List;

/** A top-level command of a WAST script; each counts as one test. */
public sealed interface Command {
    /** Line of the command in the script (1-based). */
    int line();

    /**
     * {@code (module $id? ...)}, or {@code (module definition $id? ...)} when {@code definition}:
     * a definition is compiled but not instantiated until {@link ModuleInstance} names it.
     */
    record ModuleCommand(int line, String id, boolean definition, ModuleSource source) implements Command {}

    /** {@code (module instance $instance? $module?)}. */
    record ModuleInstance(int line, String instanceId, String moduleId) implements Command {}

    /** {@code (register "name" $id?)}: makes the instance's exports importable as module {@code name}. */
    record Register(int line, String name, String moduleId) implements Command {}

    /** A bare action at the top level. */
    record ActionCommand(int line, Action action) implements Command {}

    record AssertReturn(int line, Action action, List<Expected> results) implements Command {
        public AssertReturn {
            results = List.copyOf(results);
        }
    }

    /** {@code (assert_trap action "message")}. */
    record AssertTrap(int line, Action action, String message) implements Command {}

    /** {@code (assert_trap (module ...) "message")}: instantiation traps (in the start function or a segment). */
    record AssertModuleTrap(int line, ModuleSource module, String message) implements Command {}

    record AssertExhaustion(int line, Action action, String message) implements Command {}

    /** {@code (assert_exception action)}: the action throws a Wasm exception. */
    record AssertException(int line, Action action) implements Command {}

    /** The module must fail to decode or parse. */
    record AssertMalformed(int line, ModuleSource module, String message) implements Command {}

    /** The module must decode but fail validation. */
    record AssertInvalid(int line, ModuleSource module, String message) implements Command {}

    /** The module must fail to link against the registered modules. */
    record AssertUnlinkable(int line, ModuleSource module, String message) implements Command {}

    /** The module must fail to instantiate (without a trap). */
    record AssertUninstantiable(int line, ModuleSource module, String message) implements Command {}

    /**
     * {@code assert_malformed_custom} / {@code assert_invalid_custom}: the module is fine but a
     * custom section or annotation in it is malformed or invalid; {@code invalid} tells which.
     */
    record AssertCustom(int line, ModuleSource module, String message, boolean invalid) implements Command {}
}
