package dev.ligature.jit.compiler;

import dev.ligature.core.engine.EngineFunction;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * Inline caches for {@code call_indirect}. When the callee is compiled code of the caller's own instance (C function
 * pointers: comparators, CPython's type slots), generated code calls it through an {@code invokedynamic} whose call
 * site remembers the functions it has seen: a chain of tests "is the callee function {@code k}?", each leading to a
 * direct call of {@code f<k>}, which HotSpot inlines like a direct call. A site that sees more than
 * {@link #MAX_TARGETS} functions calls through each callee's method handle, as all sites did before.
 *
 * <p>The cache is keyed by function index: the site lives in a class of one module and is only reached with a callee
 * of the same instance (the generated code checks that first), so an index names one method. A site learns a new
 * function by replacing its target, which discards the JIT's code that inlined the old one: at most
 * {@link #MAX_TARGETS} + 1 times per site.
 */
public final class IndirectCalls {
    /** Functions one site calls directly; past that it calls through method handles. */
    static final int MAX_TARGETS = 4;

    private static final MethodHandle TYPED_OF;
    private static final MethodHandle IS_FUNCTION;
    private static final MethodHandle LEARN;

    static {
        MethodHandles.Lookup l = MethodHandles.lookup();
        try {
            TYPED_OF = l.findStatic(IndirectCalls.class, "typedOf", MethodType.methodType(MethodHandle.class,
                    EngineFunction.class));
            IS_FUNCTION = l.findStatic(IndirectCalls.class, "isFunction", MethodType.methodType(boolean.class,
                    int.class, EngineFunction.class));
            LEARN = l.findVirtual(Site.class, "learn", MethodType.methodType(EngineFunction.class, EngineFunction.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private IndirectCalls() {}

    /**
     * Bootstrap of a {@code call_indirect} site: {@code type} is {@code (EngineFunction callee, JitInstance ctx,
     * params...)result}, the callee being compiled code of {@code ctx}'s instance.
     */
    public static CallSite site(MethodHandles.Lookup lookup, String name, MethodType type) {
        return new Site(type);
    }

    private static MethodHandle typedOf(EngineFunction f) {
        return ((JitFunction) f).typed();
    }

    private static boolean isFunction(int index, EngineFunction f) {
        return ((JitFunction) f).index() == index;
    }

    private static final class Site extends MutableCallSite {
        /** Calls any callee through its typed method handle. */
        private final MethodHandle generic;
        private int learned;

        Site(MethodType type) {
            super(type);
            MethodHandle invoker = MethodHandles.exactInvoker(type.dropParameterTypes(0, 1));
            generic = MethodHandles.filterArguments(invoker, 0, TYPED_OF);
            setTarget(MethodHandles.filterArguments(generic, 0, LEARN.bindTo(this)));
        }

        /** A callee the chain does not know: adds a test for it (or gives up caching), then lets the call go on. */
        synchronized EngineFunction learn(EngineFunction f) {
            if (learned < MAX_TARGETS) {
                JitFunction j = (JitFunction) f;
                MethodHandle direct = MethodHandles.dropArguments(j.typed(), 0, EngineFunction.class);
                MethodHandle test = MethodHandles.insertArguments(IS_FUNCTION, 0, j.index());
                setTarget(MethodHandles.guardWithTest(test, direct, getTarget()));
                learned++;
            } else {
                setTarget(generic);
            }
            return f;
        }
    }
}
