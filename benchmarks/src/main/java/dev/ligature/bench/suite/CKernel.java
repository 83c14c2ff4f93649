package dev.ligature.bench.suite;

import dev.ligature.bench.interp.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The suite's workloads (issue 5): our own C and C++ sources in {@code benchmarks/kernels/}, built by its
 * {@code build.sh} with Emscripten into standalone modules without imports, committed as {@code .wasm} and copied to
 * the classpath under {@code /ckernels/}. Each exports {@code run(i32 n) -> i32}; the checksum it must return comes
 * from {@code kernels.txt}, which a native build of the same source produced (no engine under test computed it).
 */
public enum CKernel implements Workload {
    /** Recursive calls. */
    FIB("fib", 15, 22),
    /** f64 matrix multiply: loads, stores, address arithmetic. */
    MATMUL("matmul", 8, 40),
    /** Byte loads and stores, memset (memory.fill). */
    SIEVE("sieve", 1_000, 50_000),
    /** SHA-256 of a buffer: 32-bit rotates, shifts and byte loads. */
    SHA256("sha256", 1_000, 16_384),
    /** N-body: f64 arithmetic and sqrt. */
    NBODY("nbody", 10, 1_000),
    /** A switch-dispatched bytecode interpreter loop (br_table heavy, branchy). */
    INTERP("interp", 20, 250),
    /** memcpy, memmove and memset of mixed sizes (memory.copy/fill and libc's copy loops). */
    MEMOPS("memops", 5, 100),
    /** qsort with a comparator function pointer and a table of operation pointers: call_indirect. */
    QSORT("qsort", 100, 1_500),
    /** C++ throw/catch/rethrow with destructors: Wasm exception handling (try, catch, rethrow). */
    EXCEPTIONS("exceptions", 50, 250);

    private static final Map<String, Long> EXPECTED = loadExpected();

    private final String fileName;
    private final int testSize;
    private final int benchmarkSize;

    CKernel(String fileName, int testSize, int benchmarkSize) {
        this.fileName = fileName;
        this.testSize = testSize;
        this.benchmarkSize = benchmarkSize;
    }

    /** The kernel's name in reports and in {@code results.json}: its source file's base name. */
    public String fileName() { return fileName; }

    /** A size small enough for a unit test on the slowest engine. */
    public int testSize() { return testSize; }

    @Override
    public int benchmarkSize() { return benchmarkSize; }

    /** @throws IllegalArgumentException if {@code kernels.txt} has no checksum for this size */
    @Override
    public long expected(int size) {
        Long value = EXPECTED.get(fileName + " " + size);
        if (value == null) {
            throw new IllegalArgumentException("kernels.txt has no checksum for " + fileName + "(" + size + ")");
        }
        return value;
    }

    @Override
    public long normalise(long raw) {
        return (int) raw;
    }

    @Override
    public byte[] binary() {
        return resource("/ckernels/" + fileName + ".wasm");
    }

    /** Looks a kernel up by its file name, as scripts pass it. */
    public static CKernel byFileName(String name) {
        for (CKernel k : values()) {
            if (k.fileName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no kernel named " + name);
    }

    private static Map<String, Long> loadExpected() {
        Map<String, Long> map = new HashMap<>();
        for (String line : new String(resource("/ckernels/kernels.txt"), StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            map.put(f[0] + " " + f[1], Long.parseLong(f[2]));
        }
        return map;
    }

    private static byte[] resource(String name) {
        try (InputStream in = CKernel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
