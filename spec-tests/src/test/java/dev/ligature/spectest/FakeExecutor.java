package dev.ligature.spectest;

import dev.ligature.core.ast.Module;
import dev.ligature.core.types.NumType;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine for runner tests, driven by export names: {@code inc} returns its i32 argument plus one,
 * {@code trap} traps with "unreachable", {@code deep} exhausts the stack, {@code throw} raises a Wasm
 * exception, {@code npe} fails with a NullPointerException; a module whose instantiation the test
 * wants to fail is marked through {@link #failNext}.
 */
final class FakeExecutor implements Executor {
    static final class FakeTrap extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FakeTrap(String m) {
            super(m);
        }
    }

    static final class FakeThrow extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static final class FakeLink extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FakeLink(String m) {
            super(m);
        }
    }

    /** What the next instantiation does: null (succeed) or an exception to throw. */
    RuntimeException failNext;
    final List<String> registered = new ArrayList<>();

    @Override
    public Store newStore() {
        return new Store() {
            @Override
            public Object instantiate(Module module) {
                RuntimeException f = failNext;
                failNext = null;
                if (f != null) {
                    throw f;
                }
                return new Object();
            }

            @Override
            public void register(String name, Object instance) {
                registered.add(name);
            }

            @Override
            public Results invoke(Object instance, String export, long[] argSlots, Object[] argRefs) {
                return switch (export) {
                    case "inc" -> new Results(List.of(NumType.I32), new long[] {(int) argSlots[0] + 1}, new Object[1]);
                    case "trap" -> throw new FakeTrap("unreachable executed");
                    case "deep" -> throw new StackOverflowError();
                    case "throw" -> throw new FakeThrow();
                    case "npe" -> throw new NullPointerException("boom");
                    default -> new Results(List.of(), new long[0], new Object[0]);
                };
            }

            @Override
            public Results get(Object instance, String export) {
                return new Results(List.of(NumType.I64), new long[] {42}, new Object[1]);
            }

            @Override
            public Outcome classify(Throwable t) {
                return switch (t) {
                    case FakeTrap x -> Outcome.TRAP;
                    case StackOverflowError x -> Outcome.EXHAUSTION;
                    case FakeThrow x -> Outcome.EXCEPTION;
                    case FakeLink x -> Outcome.LINK;
                    default -> Outcome.OTHER;
                };
            }

            @Override
            public boolean isRefKind(String kind, Object ref) {
                return false;
            }
        };
    }
}
