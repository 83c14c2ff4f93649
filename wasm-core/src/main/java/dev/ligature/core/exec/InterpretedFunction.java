package dev.ligature.core.exec;

import dev.ligature.core.engine.TrapFrames;
import dev.ligature.core.engine.ExecContext;
import dev.ligature.core.engine.InstanceState;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.engine.Types;
import dev.ligature.core.engine.EngineFunction;

/** A function of a module instance, run by the interpreter. */
final class InterpretedFunction extends EngineFunction {
    final Interpreter.Compiled compiled;
    final InstanceState instance;
    final int index;
    private Code code;

    InterpretedFunction(Interpreter.Compiled compiled, InstanceState instance, int index) {
        super(compiled.info.typeOfFunction(index), compiled.info.types.canonicalId(compiled.info.funcTypeIndex[index]));
        this.compiled = compiled;
        this.instance = instance;
        this.index = index;
    }

    Code code() {
        Code c = code;
        if (c == null) {
            code = c = compiled.code(index);
        }
        return c;
    }

    /**
     * Runs this function, then any chain of tail calls it makes, in this one JVM frame: a tail
     * call leaves its callee in {@link ExecContext#tailCall} with the arguments moved to
     * {@code base}, and this loop picks it up.
     */
    @Override
    public void invoke(ExecContext ctx, int base) {
        InterpretedFunction f = this;
        while (true) {
            try {
                Machine.run(ctx, f, base);
            } catch (Trap t) {
                TrapFrames.add(t, f.instance, f.index);
                throw t;
            } catch (StackOverflowError e) {
                Trap t = new Trap(Trap.Kind.CALL_STACK_EXHAUSTED);
                TrapFrames.add(t, f.instance, f.index);
                throw t;
            }
            EngineFunction next = ctx.tailCall;
            if (next == null) {
                return;
            }
            ctx.tailCall = null;
            if (next instanceof InterpretedFunction n) {
                f = n;
            } else {
                // Another engine's function or a host function: a plain call, then return.
                EngineFunction.invokeFully(next, ctx, base);
                return;
            }
        }
    }

    @Override
    public boolean isInterpreted() {
        return true;
    }

    @Override
    public String name() {
        String n = instance.functionName(index);
        return n != null ? n : "func[" + index + "]";
    }

    static {
        Types.registry();
    }
}
