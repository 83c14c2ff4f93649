package dev.ligature.bench.graal;

import dev.ligature.bench.interp.KernelRunner;
import dev.ligature.bench.interp.Workload;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * GraalWasm ({@code org.graalvm.polyglot:wasm}), compiled only in the {@code graalwasm} profile. On a JDK without
 * JVMCI and the Graal compiler, Truffle falls back to an interpreter-only runtime: {@link #runtime()} names the
 * runtime in use so reports can say which one was measured.
 */
public final class GraalWasmRunner implements KernelRunner {
    @Override
    public String engine() { return "graalwasm"; }

    /**
     * Truffle's name for its runtime: "Interpreted" is the fallback without runtime compilation; a Graal or JVMCI
     * name means the optimizing runtime is active.
     */
    public static String runtime() {
        try (Engine engine = Engine.newBuilder("wasm").option("engine.WarnInterpreterOnly", "false").build()) {
            return engine.getImplementationName();
        }
    }

    @Override
    public KernelCall instantiate(Workload workload, byte[] binary) {
        Context context = Context.newBuilder("wasm")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        Source source = Source.newBuilder("wasm", ByteSequence.create(binary), workload.name()).buildLiteral();
        Value instance = context.eval(source).newInstance();
        Value exports = instance.getMember("exports");
        if (exports.hasMember(INITIALIZE)) {
            exports.getMember(INITIALIZE).execute();
        }
        Value run = exports.getMember("run");
        // The context lives as long as the call: one per trial, never closed (the JVM exits after the trial).
        return size -> workload.normalise(run.execute(size).asInt());
    }
}
