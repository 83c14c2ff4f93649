package dev.ligature.core.runtime;

import dev.ligature.core.engine.EngineFunction;
import dev.ligature.core.engine.ExecContext;
import dev.ligature.core.engine.Types;
import dev.ligature.core.types.FuncType;

/** A host function as the engines call it. */
final class HostFunctionImpl extends EngineFunction {
    private final String name;
    private final HostFunction.Raw raw;

    HostFunctionImpl(String name, FuncType type, HostFunction.Raw raw) {
        super(type, Types.canonicalId(type));
        this.name = name;
        this.raw = raw;
    }

    @Override
    public void invoke(ExecContext ctx, int base) {
        int savedTop = ctx.hostTop;
        ctx.hostTop = base + Math.max(paramSlots(), resultSlots());
        HostCall call = ctx.hostCall;
        if (call == null) {
            ctx.hostCall = call = new HostCall(ctx);
        }
        int savedBase = call.base;
        call.base = base;
        try {
            raw.call(call);
        } finally {
            call.base = savedBase;
            ctx.hostTop = savedTop;
        }
    }

    @Override
    public String name() {
        return name;
    }
}
