package dev.ligature.bench.interp;

import dev.ligature.core.binary.ModuleEncoder;
import dev.ligature.core.text.WatParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntToLongFunction;

/**
 * The interpreter comparison's workloads: WebAssembly text in {@code resources/kernels/NAME.wat}, each exporting
 * {@code run(i32 size)} with no imports, and a plain Java reimplementation ({@link KernelReference}) that gives the
 * checksum every engine must return, so a fast wrong answer cannot pass as a result.
 */
public enum Kernel implements Workload {
    /** Recursive calls. */
    FIB("fib", ResultType.I32, 20, KernelReference::fib),
    /** Arithmetic on locals in a tight loop. */
    LOOP("loop", ResultType.I32, 20_000, KernelReference::loop),
    /** i32 loads and stores with address arithmetic. */
    MATMUL("matmul", ResultType.I32, 24, KernelReference::matmul),
    /** Byte loads and stores, memory.fill. */
    SIEVE("sieve", ResultType.I32, 20_000, KernelReference::sieve),
    /** f64 arithmetic with f64 loads and stores at static offsets. */
    NBODY("nbody", ResultType.I64, 200, KernelReference::nbody),
    /** Indirect calls through a table. */
    CALL_INDIRECT("callindirect", ResultType.I32, 10_000, KernelReference::callIndirect),
    /** A bytecode interpreter's br_table dispatch loop. */
    BR_TABLE("brtable", ResultType.I32, 2_000, KernelReference::brTable);

    /** How the kernel's {@code run} result is typed; i32 results are compared as sign-extended ints. */
    public enum ResultType { I32, I64 }

    private final String fileName;
    private final ResultType resultType;
    private final int benchmarkSize;
    private final IntToLongFunction reference;

    Kernel(String fileName, ResultType resultType, int benchmarkSize, IntToLongFunction reference) {
        this.fileName = fileName;
        this.resultType = resultType;
        this.benchmarkSize = benchmarkSize;
        this.reference = reference;
    }

    /** The type of {@code run}'s result. */
    public ResultType resultType() { return resultType; }

    /** The size argument the benchmark passes to {@code run}: a few milliseconds per call on Chicory's interpreter. */
    @Override
    public int benchmarkSize() { return benchmarkSize; }

    /** The checksum {@code run(size)} must return, computed in plain Java. */
    @Override
    public long expected(int size) { return reference.applyAsLong(size); }

    /** The kernel's WebAssembly text, from the classpath. */
    public String text() {
        String resource = "/kernels/" + fileName + ".wat";
        try (InputStream in = Kernel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kernel as a binary module, produced by Ligature's own text parser and encoder. */
    @Override
    public byte[] binary() {
        return ModuleEncoder.encode(WatParser.parseModule(text()));
    }

    /** Normalises an engine's raw result (a Wasm value held in a long) to this kernel's result type. */
    @Override
    public long normalise(long raw) {
        return resultType == ResultType.I32 ? (int) raw : raw;
    }
}
