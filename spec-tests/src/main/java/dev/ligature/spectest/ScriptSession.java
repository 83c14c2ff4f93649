package dev.ligature.spectest;

import dev.ligature.core.InvalidModuleException;
import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.ast.Module;
import dev.ligature.core.script.Action;
import dev.ligature.core.script.Command;
import dev.ligature.core.script.ModuleSource;
import dev.ligature.core.script.ResultMatcher;
import dev.ligature.core.script.ScriptValues;
import java.util.HashMap;
import java.util.Map;

/**
 * The state of one script while it runs: its store, its named and current instances, its module
 * definitions; and the rule for each command. {@link #check} returns null when a command passed,
 * otherwise the reason it failed.
 */
final class ScriptSession {
    private final Frontend frontend;
    private final Executor.Store store;
    private final ResultMatcher matcher;
    private final Map<String, Object> instances = new HashMap<>();
    private final Map<String, Module> definitions = new HashMap<>();
    private Object current;
    private Module currentDefinition;

    /** Modules are decoded and validated but not instantiated (the skip file's {@code exec} entries). */
    private final boolean validateOnly;

    ScriptSession(Frontend frontend, Executor executor, boolean validateOnly) {
        this.frontend = frontend;
        this.validateOnly = validateOnly;
        this.store = executor.newStore();
        this.matcher = new ResultMatcher(store::isRefKind);
    }

    /** Runs one command; null when it passed, otherwise why it failed. */
    String check(Command command) {
        return switch (command) {
            case Command.ModuleCommand m -> module(m);
            case Command.ModuleInstance m -> moduleInstance(m);
            case Command.Register r -> register(r);
            case Command.ActionCommand a -> action(a.action());
            case Command.AssertReturn a -> assertReturn(a);
            case Command.AssertTrap a -> expectFailure(() -> perform(a.action()), Executor.Outcome.TRAP, a.message());
            case Command.AssertExhaustion a ->
                    expectFailure(() -> perform(a.action()), Executor.Outcome.EXHAUSTION, a.message());
            case Command.AssertException a -> expectFailure(() -> perform(a.action()), Executor.Outcome.EXCEPTION, null);
            case Command.AssertModuleTrap a ->
                    expectFailure(() -> store.instantiate(validModule(a.module())), Executor.Outcome.TRAP, a.message());
            case Command.AssertUnlinkable a ->
                    expectFailure(() -> store.instantiate(validModule(a.module())), Executor.Outcome.LINK, a.message());
            case Command.AssertUninstantiable a ->
                    expectFailure(() -> store.instantiate(validModule(a.module())), Executor.Outcome.TRAP, a.message());
            case Command.AssertMalformed a -> malformed(a.module(), a.message());
            case Command.AssertInvalid a -> invalid(a.module(), a.message());
            case Command.AssertCustom a -> a.invalid() ? invalidCustom(a.module(), a.message())
                    : malformedCustom(a.module(), a.message());
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Modules

    /** Thrown when a module the script states as well-formed and valid is not; ends the command. */
    private static final class RejectedModule extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RejectedModule(String reason) {
            super(reason, null, false, false);
        }
    }

    private Module validModule(ModuleSource source) {
        Module module;
        try {
            module = frontend.load(source);
        } catch (MalformedModuleException e) {
            throw new RejectedModule("module rejected as malformed: " + e.getMessage());
        }
        try {
            frontend.validate(module);
        } catch (InvalidModuleException e) {
            throw new RejectedModule("module rejected as invalid: " + e.getMessage());
        }
        return module;
    }

    private String module(Command.ModuleCommand m) {
        Module module;
        try {
            module = validModule(m.source());
        } catch (RejectedModule e) {
            return e.getMessage();
        }
        if (validateOnly) {
            return null;
        }
        if (m.definition()) {
            currentDefinition = module;
            if (m.id() != null) {
                definitions.put(m.id(), module);
            }
            return null;
        }
        return instantiate(module, m.id());
    }

    private String moduleInstance(Command.ModuleInstance m) {
        Module module = m.moduleId() == null ? currentDefinition : definitions.get(m.moduleId());
        if (module == null) {
            return "no module definition " + (m.moduleId() == null ? "before this command" : "$" + m.moduleId());
        }
        return instantiate(module, m.instanceId());
    }

    private String instantiate(Module module, String id) {
        Object instance;
        try {
            instance = store.instantiate(module);
        } catch (RuntimeException | StackOverflowError e) {
            return "instantiation failed: " + describe(e);
        }
        current = instance;
        if (id != null) {
            instances.put(id, instance);
        }
        return null;
    }

    private String register(Command.Register r) {
        Object instance = instance(r.moduleId());
        if (instance == null) {
            return "no instance " + (r.moduleId() == null ? "to register" : "$" + r.moduleId());
        }
        store.register(r.name(), instance);
        return null;
    }

    private Object instance(String id) {
        return id == null ? current : instances.get(id);
    }

    private String malformed(ModuleSource source, String expected) {
        try {
            frontend.load(source);
        } catch (MalformedModuleException e) {
            // Text-format messages are implementation-specific; only binary phrases are compared.
            if (source instanceof ModuleSource.Binary && !contains(e.getMessage(), expected)) {
                return "expected malformed \"" + expected + "\", got \"" + e.getMessage() + "\"";
            }
            return null;
        }
        String how = source instanceof ModuleSource.Binary ? "decoded" : "parsed";
        return "expected malformed \"" + expected + "\", but the module " + how + " without error";
    }

    /**
     * {@code assert_malformed_custom}: the module's custom sections or annotations are malformed.
     * Unlike text-format {@code assert_malformed}, the phrase is compared: these phrases name
     * annotation faults that only Ligature's own custom-section handling reports.
     */
    private String malformedCustom(ModuleSource source, String expected) {
        try {
            frontend.load(source);
        } catch (MalformedModuleException e) {
            if (!contains(e.getMessage(), expected)) {
                return "expected malformed custom \"" + expected + "\", got \"" + e.getMessage() + "\"";
            }
            return null;
        } catch (InvalidModuleException e) {
            return "expected malformed custom \"" + expected + "\", got invalid \"" + e.getMessage() + "\"";
        }
        return "expected malformed custom \"" + expected + "\", but the module loaded without error";
    }

    /**
     * {@code assert_invalid_custom}: the module's custom sections or annotations are invalid. The
     * text layer may already raise this while loading (a branch hint's target is only known
     * there), so the invalid error is accepted from loading as well as from validation.
     */
    private String invalidCustom(ModuleSource source, String expected) {
        try {
            frontend.validate(frontend.load(source));
        } catch (InvalidModuleException e) {
            if (!contains(e.getMessage(), expected)) {
                return "expected invalid custom \"" + expected + "\", got \"" + e.getMessage() + "\"";
            }
            return null;
        } catch (MalformedModuleException e) {
            return "expected invalid custom \"" + expected + "\", but the module was malformed: " + e.getMessage();
        }
        return "expected invalid custom \"" + expected + "\", but the module validated";
    }

    private String invalid(ModuleSource source, String expected) {
        Module module;
        try {
            module = frontend.load(source);
        } catch (MalformedModuleException e) {
            String who = source instanceof ModuleSource.Binary ? "the decoder" : "the text parser";
            return "expected invalid \"" + expected + "\", but " + who
                    + " rejected the module as malformed before validation: " + e.getMessage();
        }
        try {
            frontend.validate(module);
        } catch (InvalidModuleException e) {
            if (!contains(e.getMessage(), expected)) {
                return "expected invalid \"" + expected + "\", got \"" + e.getMessage() + "\"";
            }
            return null;
        }
        return "expected invalid \"" + expected + "\", but the module validated";
    }

    // ---------------------------------------------------------------------------------------------
    // Actions

    private Executor.Results perform(Action action) {
        Object instance = instance(action.moduleId());
        if (instance == null) {
            throw new RejectedModule("no instance " + (action.moduleId() == null ? "to act on" : "$" + action.moduleId()));
        }
        return switch (action) {
            case Action.Invoke i -> {
                int n = ScriptValues.slotCount(i.args());
                long[] slots = new long[n];
                Object[] refs = new Object[n];
                ScriptValues.toSlots(i.args(), slots, refs);
                yield store.invoke(instance, i.name(), slots, refs);
            }
            case Action.Get g -> store.get(instance, g.name());
        };
    }

    private String action(Action action) {
        try {
            perform(action);
            return null;
        } catch (RejectedModule e) {
            return e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return "action failed: " + describe(e);
        }
    }

    private String assertReturn(Command.AssertReturn a) {
        Executor.Results r;
        try {
            r = perform(a.action());
        } catch (RejectedModule e) {
            return e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return "expected results " + a.results().size() + ", but the action failed: " + describe(e);
        }
        return matcher.match(a.results(), r.types(), r.slots(), r.refs());
    }

    private String expectFailure(Runnable run, Executor.Outcome expected, String message) {
        try {
            run.run();
        } catch (RejectedModule e) {
            return e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            Executor.Outcome got = store.classify(e);
            if (got != expected) {
                return "expected " + what(expected, message) + ", got " + describe(e);
            }
            if (message != null && expected != Executor.Outcome.EXHAUSTION && !contains(e.getMessage(), message)) {
                return "expected " + what(expected, message) + ", got \"" + e.getMessage() + "\"";
            }
            return null;
        }
        return "expected " + what(expected, message) + ", but it completed";
    }

    private static String what(Executor.Outcome outcome, String message) {
        String kind = outcome.name().toLowerCase(java.util.Locale.ROOT);
        return message == null ? kind : kind + " \"" + message + "\"";
    }

    private static boolean contains(String message, String expected) {
        return message != null && message.contains(expected);
    }

    private static String describe(Throwable t) {
        return SpecRunner.describe(t);
    }
}
