package dev.ligature.spectest;

import dev.ligature.core.script.Command;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of WAST commands, named as the skip file and the reports name them. Most names are the
 * script keyword; the few forms that share a keyword get their own name so that a skip entry can
 * tell them apart ({@code assert_trap_module} is {@code (assert_trap (module ...) "...")}).
 */
public enum CommandKind {
    MODULE("module"),
    MODULE_INSTANCE("module_instance"),
    REGISTER("register"),
    ACTION("action"),
    ASSERT_RETURN("assert_return"),
    ASSERT_TRAP("assert_trap"),
    ASSERT_TRAP_MODULE("assert_trap_module"),
    ASSERT_EXHAUSTION("assert_exhaustion"),
    ASSERT_EXCEPTION("assert_exception"),
    ASSERT_MALFORMED("assert_malformed"),
    ASSERT_INVALID("assert_invalid"),
    ASSERT_UNLINKABLE("assert_unlinkable"),
    ASSERT_UNINSTANTIABLE("assert_uninstantiable"),
    ASSERT_MALFORMED_CUSTOM("assert_malformed_custom"),
    ASSERT_INVALID_CUSTOM("assert_invalid_custom");

    private final String wastName;

    CommandKind(String wastName) {
        this.wastName = wastName;
    }

    /** Whether running the command needs the runtime (instantiation, calls), not just decoding and validation. */
    public boolean needsExecution() {
        return switch (this) {
            case MODULE, ASSERT_MALFORMED, ASSERT_INVALID, ASSERT_MALFORMED_CUSTOM, ASSERT_INVALID_CUSTOM -> false;
            default -> true;
        };
    }

    /** The name used in the skip file and in reports. */
    public String wastName() {
        return wastName;
    }

    /** The kind of a parsed command. */
    public static CommandKind of(Command command) {
        return switch (command) {
            case Command.ModuleCommand c -> MODULE;
            case Command.ModuleInstance c -> MODULE_INSTANCE;
            case Command.Register c -> REGISTER;
            case Command.ActionCommand c -> ACTION;
            case Command.AssertReturn c -> ASSERT_RETURN;
            case Command.AssertTrap c -> ASSERT_TRAP;
            case Command.AssertModuleTrap c -> ASSERT_TRAP_MODULE;
            case Command.AssertExhaustion c -> ASSERT_EXHAUSTION;
            case Command.AssertException c -> ASSERT_EXCEPTION;
            case Command.AssertMalformed c -> ASSERT_MALFORMED;
            case Command.AssertInvalid c -> ASSERT_INVALID;
            case Command.AssertUnlinkable c -> ASSERT_UNLINKABLE;
            case Command.AssertUninstantiable c -> ASSERT_UNINSTANTIABLE;
            case Command.AssertCustom c -> c.invalid() ? ASSERT_INVALID_CUSTOM : ASSERT_MALFORMED_CUSTOM;
        };
    }

    /** The kind with this skip-file name, if any. */
    public static Optional<CommandKind> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.wastName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wastName;
    }
}
