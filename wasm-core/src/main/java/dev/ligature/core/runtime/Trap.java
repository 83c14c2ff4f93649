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
 * the phrase the official test suite expects. After a trap the instance stays usable: the effects
 * of the code that ran before the trap (memory and global writes, for instance) remain.
 *
 * <p>Traps cannot be caught by Wasm code. A host function may throw one to trap its caller.
 *
 * <p>{@link #backtrace()} lists the Wasm frames that were active, innermost first, with function
 * names from the name section where the module has one, else export names or indices.
 */
public final class Trap extends WasmException {
    private static final long serialVersionUID = 1L;

    /** The kinds of trap, each with the phrase the spec tests expect. */
    public enum Kind {
        /** The {@code unreachable} instruction ran. */
        UNREACHABLE("unreachable"),
        /** An integer division or remainder by zero. */
        INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
        /** A signed division of the most negative integer by -1, or a float-to-integer truncation whose result does not fit. */
        INTEGER_OVERFLOW("integer overflow"),
        /** A float-to-integer truncation of NaN. */
        INVALID_CONVERSION("invalid conversion to integer"),
        /** A memory access, or a bulk memory or data-segment operation, outside the memory's current size. */
        OUT_OF_BOUNDS_MEMORY("out of bounds memory access"),
        /** A table access, or a bulk table or element-segment operation, outside the table's current size. */
        OUT_OF_BOUNDS_TABLE("out of bounds table access"),
        /** {@code call_indirect} with an index not below the table's size. */
        UNDEFINED_ELEMENT("undefined element"),
        /** {@code call_indirect} through a null table element. */
        UNINITIALIZED_ELEMENT("uninitialized element"),
        /** {@code call_indirect} found a function whose type is not the expected one. */
        INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
        /** A null reference where a non-null one is required ({@code ref.as_non_null}, {@code throw_ref}, ...). */
        NULL_REFERENCE("null reference"),
        /** {@code call_ref} or {@code return_call_ref} on a null reference. */
        NULL_FUNCTION_REFERENCE("null function reference"),
        /** A struct instruction on a null reference. */
        NULL_STRUCTURE_REFERENCE("null structure reference"),
        /** An array instruction on a null reference. */
        NULL_ARRAY_REFERENCE("null array reference"),
        /** {@code i31.get_s} or {@code i31.get_u} on a null reference. */
        NULL_I31_REFERENCE("null i31 reference"),
        /** An array access, or a bulk array operation, outside the array's length. */
        OUT_OF_BOUNDS_ARRAY("out of bounds array access"),
        /** An array allocation longer than the engine can represent. */
        ARRAY_TOO_LARGE("array too large"),
        /** A {@code ref.cast} whose operand is not of the target type. */
        CAST_FAILURE("cast failure"),
        /** Calls nested too deep: the JVM thread's stack, or the engine's bound on Wasm call depth, ran out. */
        CALL_STACK_EXHAUSTED("call stack exhausted"),
        /** The embedder called {@link Instance#interrupt()}. */
        INTERRUPTED("interrupted"),
        /** A host-set limit was hit (for example the embedder's memory cap). */
        LIMIT_EXCEEDED("limit exceeded");

        private final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }

        /** {@return the phrase the spec tests expect, with which every trap message of this kind starts} */
        public String phrase() {
            return phrase;
        }
    }

    /**
     * One Wasm frame that was active when the trap happened.
     *
     * @param module the module's name, or null when it is not known (the engines do not record it
     *     at present, so it is null)
     * @param functionIndex the function's index in its module's function index space (imports first)
     * @param functionName the function's name from the name section, else an export name, or null
     */
    public record Frame(String module, int functionIndex, String functionName) {
        /** {@return the frame as {@code module!function}, with {@code func[index]} for an unnamed function} */
        @Override
        public String toString() {
            String where = functionName != null ? functionName : "func[" + functionIndex + "]";
            return module != null ? module + "!" + where : where;
        }
    }

    /** What went wrong; see {@link #kind()}. */
    private final Kind kind;
    /** The frames named so far; see {@link #backtrace()}. */
    private List<Frame> backtrace = List.of();

    /**
     * A trap of the given kind, with the kind's phrase as its message. Host functions may throw one
     * to trap the calling Wasm code.
     *
     * @param kind what went wrong
     */
    public Trap(Kind kind) {
        this(kind, null);
    }

    /**
     * A trap with extra detail after the phrase, e.g. the faulting address: the message is
     * {@code phrase: detail}.
     *
     * @param kind what went wrong
     * @param detail the detail, or null for the phrase alone
     */
    public Trap(Kind kind, String detail) {
        super(detail == null ? kind.phrase() : kind.phrase() + ": " + detail);
        this.kind = kind;
    }

    /**
     * A trap about one table element, worded as the reference interpreter does: the message is
     * {@code phrase index}, e.g. {@code "uninitialized element 2"}.
     *
     * @param kind what went wrong, usually {@link Kind#UNDEFINED_ELEMENT} or {@link Kind#UNINITIALIZED_ELEMENT}
     * @param elementIndex the index of the table element
     */
    public Trap(Kind kind, long elementIndex) {
        super(kind.phrase() + " " + elementIndex);
        this.kind = kind;
    }

    /** {@return what went wrong} */
    public Kind kind() {
        return kind;
    }

    /**
     * {@return the Wasm frames active when the trap happened, innermost first, at most
     * {@link #MAX_FRAMES} of them, as an unmodifiable list} Empty for a trap that has not passed
     * through Wasm code (one the host made and did not throw into Wasm). Frames are named on the first
     * call, from the modules' name sections; safe to call from any thread.
     */
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
    /** Function indices of the frames recorded while unwinding and not yet named. */
    private int[] pendingIndex;
    /** What names each pending frame: its module's name section. */
    private FrameNamer[] pendingNamer;
    /** How many entries of {@link #pendingIndex} are in use. */
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

    /**
     * {@return the Wasm frames, innermost first, as stack trace elements: the declaring class is the
     * module's name (or {@code wasm}), the method the function's name (or {@code func[index]}), the
     * file {@code wasm-function[index]}}
     */
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

    /** Prints the message and the Wasm frames, as {@link #printStackTrace(PrintStream)}. */
    @Override
    public void printStackTrace(PrintWriter s) {
        backtrace();
        super.printStackTrace(s);
    }

    /**
     * Traps are control flow for the engine; the JVM stack trace of the engine's own code says
     * nothing to a Wasm user and is costly to capture, so it is not filled in. The Wasm backtrace is
     * what locates a trap, and is what {@link #printStackTrace()} shows.
     *
     * @return this trap
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
