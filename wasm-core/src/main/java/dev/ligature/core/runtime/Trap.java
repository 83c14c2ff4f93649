package dev.ligature.core.runtime;

import dev.ligature.core.WasmException;
import dev.ligature.core.engine.FrameNamer;
import dev.ligature.core.engine.TrapFrames;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A WebAssembly trap: execution hit a fault the specification defines (division by zero, an
 * out-of-bounds access, {@code unreachable}, call stack exhaustion, ...). The message starts with
 * the phrase the official test suite expects. After a trap the instance stays usable.
 *
 * <p>{@link #backtrace()} lists the Wasm frames that were active, innermost first, with function
 * names from the name section where the module has one, else export names or indices.
 */
public final class Trap extends WasmException {
    private static final long serialVersionUID = 1L;

    /** The kinds of trap, each with the phrase the spec tests expect. */
    public enum Kind {
        UNREACHABLE("unreachable"),
        INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
        INTEGER_OVERFLOW("integer overflow"),
        INVALID_CONVERSION("invalid conversion to integer"),
        OUT_OF_BOUNDS_MEMORY("out of bounds memory access"),
        OUT_OF_BOUNDS_TABLE("out of bounds table access"),
        UNDEFINED_ELEMENT("undefined element"),
        UNINITIALIZED_ELEMENT("uninitialized element"),
        INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
        NULL_REFERENCE("null reference"),
        NULL_FUNCTION_REFERENCE("null function reference"),
        NULL_STRUCTURE_REFERENCE("null structure reference"),
        NULL_ARRAY_REFERENCE("null array reference"),
        NULL_I31_REFERENCE("null i31 reference"),
        OUT_OF_BOUNDS_ARRAY("out of bounds array access"),
        ARRAY_TOO_LARGE("array too large"),
        CAST_FAILURE("cast failure"),
        CALL_STACK_EXHAUSTED("call stack exhausted"),
        INTERRUPTED("interrupted"),
        /** A host-set limit was hit (for example the embedder's memory cap). */
        LIMIT_EXCEEDED("limit exceeded");

        private final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }

        /** The phrase the spec tests expect. */
        public String phrase() {
            return phrase;
        }
    }

    /** One active Wasm frame: the function's index in its module, its display name, and the module's name if any. */
    public record Frame(String module, int functionIndex, String functionName) {
        @Override
        public String toString() {
            String where = functionName != null ? functionName : "func[" + functionIndex + "]";
            return module != null ? module + "!" + where : where;
        }
    }

    private final Kind kind;
    private List<Frame> backtrace = List.of();

    /** A trap of the given kind (host functions may throw one to trap the calling Wasm code). */
    public Trap(Kind kind) {
        this(kind, null);
    }

    /** A trap with extra detail after the phrase, e.g. the faulting address. */
    public Trap(Kind kind, String detail) {
        super(detail == null ? kind.phrase() : kind.phrase() + ": " + detail);
        this.kind = kind;
    }

    /** A trap about one table element, worded as the reference interpreter does: "uninitialized element 2". */
    public Trap(Kind kind, long elementIndex) {
        super(kind.phrase() + " " + elementIndex);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The Wasm frames active when the trap happened, innermost first (at most {@link #MAX_FRAMES}). */
    public synchronized List<Frame> backtrace() {
        if (pending > 0) {
            ArrayList<Frame> l = new ArrayList<>(backtrace);
            for (int i = 0; i < pending; i++) {
                l.add(new Frame(null, pendingIndex[i], pendingNamer[i].functionName(pendingIndex[i])));
            }
            pending = 0;
            backtrace = Collections.unmodifiableList(l);
            StackTraceElement[] trace = new StackTraceElement[backtrace.size()];
            for (int i = 0; i < trace.length; i++) {
                Frame f = backtrace.get(i);
                trace[i] = new StackTraceElement(f.module() == null ? "wasm" : f.module(),
                        f.functionName() != null ? f.functionName() : "func[" + f.functionIndex() + "]",
                        "wasm-function[" + f.functionIndex() + "]", -1);
            }
            setStackTrace(trace);
        }
        return backtrace;
    }

    /** Most frames kept: deep recursion must not make unwinding quadratic or huge. */
    public static final int MAX_FRAMES = 64;

    static {
        TrapFrames.install((trap, namer, index) -> trap.addFrame(namer, index));
    }

    // Frames recorded while unwinding are named only when someone asks: unwinding may happen on an
    // exhausted stack, where loading or initialising classes (a name section decoder) would fail.
    private int[] pendingIndex;
    private FrameNamer[] pendingNamer;
    private int pending;

    private synchronized void addFrame(FrameNamer namer, int functionIndex) {
        if (pendingIndex == null) {
            pendingIndex = new int[MAX_FRAMES];
            pendingNamer = new FrameNamer[MAX_FRAMES];
        }
        if (pending < MAX_FRAMES) {
            pendingIndex[pending] = functionIndex;
            pendingNamer[pending++] = namer;
        }
    }

    /** The Wasm frames, innermost first, as stack trace elements ({@code wasm.name(wasm-function[index])}). */
    @Override
    public StackTraceElement[] getStackTrace() {
        backtrace();
        return super.getStackTrace();
    }

    /** Prints the message and the Wasm frames (there are no JVM frames: see {@link #fillInStackTrace()}). */
    @Override
    public void printStackTrace(PrintStream s) {
        backtrace();
        super.printStackTrace(s);
    }

    @Override
    public void printStackTrace(PrintWriter s) {
        backtrace();
        super.printStackTrace(s);
    }

    /**
     * Traps are control flow for the engine; the JVM stack trace of the engine's own code says
     * nothing to a Wasm user and is costly to capture, so it is not filled in. The Wasm backtrace is
     * what locates a trap, and is what {@link #printStackTrace()} shows.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
