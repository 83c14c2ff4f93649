package dev.ligature.jit;

import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.ValType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Split mode of {@link FunctionCompiler}: a function too large for one JVM method becomes chunks,
 * each a static method {@code c<i>_<k>(JitInstance ctx, long[] frame, Object[] refs, int entry)}
 * returning the entry id to run next, or {@link #RETURNED}; {@code f<i>} keeps its typed
 * signature and becomes a dispatcher loop over the chunks.
 *
 * <p>The frame is allocated per call by {@code f<i>}. Between chunks, Wasm local {@code x} lives
 * at {@code frame[x]} in slot form ({@link StackEmitter#toSlot}, the interpreter's encoding) or
 * {@code refs[x]} for a reference; an entry of a chunk loads the locals its code may read into
 * JVM locals, and sets go back to the frame at once or, inside the chunk's loops, at its exits
 * ({@link EntryLoads}), so inside a chunk locals and the operand stack live in JVM locals as on
 * the fast path. Above the locals, one index counts the hubs
 * calling out ({@link SplitHubs}); above it, from {@code spillBase}, the spill area carries the
 * operand stack across chunk exits: a branch to a label in another chunk stores every value
 * below the label's height plus the values it carries there, in order, each at the next free
 * spill index ({@link #slots} per value, so a wider type can take more), and returns the
 * label's entry id. Values at the bottom of the stack that a chunk never touches
 * stay in the spill area ({@link ChunkPlanner.Plan#valid}): they are neither reloaded nor
 * spilled again, so a deep stack does not cost every chunk boundary.
 *
 * <p>Entry ids are {@code chunk << 16 | n}, n numbering the chunk's entry points. A chunk begins
 * with a jump to its dispatch code, emitted last (when all its entry points are known): a
 * tableswitch to one stub per entry point, which reloads the spilled values into the operand
 * stack's JVM locals and jumps to the label. Entry points: the function start, the continuation
 * after a cut, every label some other chunk branches to (block and if ends, else branches,
 * loop headers of loops whose body spans chunks), and the handler code of every try whose body
 * has code in earlier chunks ({@link SplitTries}).
 */
final class SplitEmitter implements Opcodes {
    /** Descriptor of a chunk method. */
    static final String CHUNK_DESC = "(L" + StackEmitter.CTX + ";[J[Ljava/lang/Object;I)I";
    /** What a chunk returns when the function returned; its results are in the spill area from index 0. */
    static final int RETURNED = -1;
    static final int FRAME = 1;
    static final int REFS = 2;
    static final int ENTRY = 3;
    /** What one call of a split function counts against the budget beside its frame's size. */
    static final long CALL_COST = JitInstance.SPLIT_FRAME_BUDGET / 100_000;
    /** The dispatcher calls chunks directly up to this many, through group methods beyond. */
    static final int GROUP = 256;

    /** An entry point: the stack it reloads, its label, and whether it needs every local the chunk reads. */
    private record Entry(char[] shape, Label target, boolean whole) {}

    final FunctionCompiler fc;
    /** Try bodies across chunks. */
    final SplitTries tries = new SplitTries(this);
    /** Chunks that run loops spanning chunks themselves. */
    final SplitHubs hubs;
    final ClassVisitor cv;
    final String owner;
    /** The dispatcher's name: {@code f<i>}, or the body {@code t<i>} of a function with a trampoline. */
    final String dispatcherName;
    /** Frame index of each Wasm local (a v128 takes two indices); references use the same index in {@code refs}. */
    final int[] localSlot;
    final ChunkPlanner.Plan plan;
    /** The first spill index: the function's locals come first. */
    final int spillBase;
    /** Sizes the frame arrays need: one past the highest index used in each. */
    int longsSize = 1;
    int refsSize = 1;
    /** The chunk being emitted. */
    int chunk = -1;
    private int cutIndex;
    private final List<List<Entry>> entries = new ArrayList<>();
    private Label dispatch;
    /** Where a chunk's method starts: zeroes the locals an entry may not load, then the dispatch. */
    private Label init;
    private int maxSize;
    /** Lowest stack height this chunk's own code used; true while spills and reloads use the stack. */
    private int touched;
    private boolean quiet;
    /** Per Wasm local: its JVM local in this chunk or -1, and whether the chunk writes it. */
    private final int[] localVar;
    private final boolean[] dirty;
    /** Per Wasm local: the bytecode offset of its last read in this chunk (see {@link EntryLoads}). */
    private final int[] lastRead;
    /** The header of the chunk's first loop, or null: back edges may reach code before an entry from there. */
    private Label firstLoop;
    /** The locals this chunk uses, in order of first use, with their types. */
    private int[] usedLocals = new int[16];
    private char[] usedTypes = new char[16];
    private int usedCount;
    /** The entry id being left for, and the tail that writes locals back and returns it. */
    private int exitVar;
    private Label tail;
    /** The numeric constants the chunks load with ldc: each takes one or two class constant pool entries. */
    final java.util.Set<Object> constants = new java.util.HashSet<>();
    /** {@link JitOptions#splitEntryLoads()}: entries load only what their code may read (see {@link EntryLoads}). */
    private final boolean entryLoads;

    SplitEmitter(FunctionCompiler fc, ClassVisitor cv, String owner, ChunkPlanner.Plan plan, char[] localTypes,
            String dispatcherName) {
        this.fc = fc;
        this.cv = cv;
        this.owner = owner;
        this.plan = plan;
        this.dispatcherName = dispatcherName;
        int locals = localTypes.length;
        this.localSlot = new int[locals];
        int slot = 0;
        for (int x = 0; x < locals; x++) {
            localSlot[x] = slot;
            slot += slots(localTypes[x]);
        }
        // One index between the locals and the spill area counts the hubs calling out.
        this.entryLoads = fc.shape.options.splitEntryLoads();
        this.hubs = new SplitHubs(this, slot, fc.shape.options.splitHubs());
        this.spillBase = slot + 1;
        this.localVar = new int[locals];
        java.util.Arrays.fill(localVar, -1);
        this.dirty = new boolean[locals];
        this.lastRead = new int[locals];
        java.util.Arrays.fill(lastRead, -1);
        for (int i = 0; i < plan.chunks(); i++) {
            entries.add(new ArrayList<>());
        }
    }

    static String chunkName(int funcIndex, int chunk) {
        return "c" + funcIndex + "_" + chunk;
    }

    /** Frame indices a value of type {@code t} takes: two for a v128, as in the slot convention. */
    static int slots(char t) {
        return t == 'V' ? 2 : 1;
    }

    /** What a chunk returns for a self tail call: the dispatcher zeroes the non-parameter locals and starts over. */
    static final int RESTART = -2;

    /**
     * What a chunk returns when the function ends leaving a tail call pending: the arguments are
     * staged in ctx.mv, which the dispatcher must not overwrite with results.
     */
    static final int TAIL_PENDING = -3;

    /** Leaves the chunk, and the function, with a tail call pending ({@link #TAIL_PENDING}). */
    void tailPending() {
        leave(TAIL_PENDING);
    }

    /** Leaves the chunk to run the function again from its start, with the parameters it stored ({@link #RESTART}). */
    void restart() {
        leave(RESTART);
    }

    /** Stores JVM local {@code var} (of type {@code t}) into the frame at {@code index}. */
    void storeVar(MethodVisitor m, char t, int index, int var, int frameVar, int refsVar) {
        use(t, index);
        if (t == 'V') {
            for (int half = 0; half < 2; half++) {
                m.visitVarInsn(ALOAD, frameVar);
                StackEmitter.pushInt(m, index + half);
                m.visitVarInsn(LLOAD, var + 2 * half);
                m.visitInsn(LASTORE);
            }
            return;
        }
        m.visitVarInsn(ALOAD, t == 'r' ? refsVar : frameVar);
        StackEmitter.pushInt(m, index);
        m.visitVarInsn(varOp(t, true), var);
        storeSlot(m, t);
    }

    /** Loads the frame's value at {@code index} (of type {@code t}) into JVM local {@code var}. */
    private void loadVar(MethodVisitor m, char t, int index, int var) {
        use(t, index);
        if (t == 'V') {
            for (int half = 0; half < 2; half++) {
                m.visitVarInsn(ALOAD, FRAME);
                StackEmitter.pushInt(m, index + half);
                m.visitInsn(LALOAD);
                m.visitVarInsn(LSTORE, var + 2 * half);
            }
            return;
        }
        m.visitVarInsn(ALOAD, t == 'r' ? REFS : FRAME);
        StackEmitter.pushInt(m, index);
        loadSlot(m, t);
        m.visitVarInsn(varOp(t, false), var);
    }

    private static int varOp(char t, boolean load) {
        return switch (t) {
            case 'i' -> load ? ILOAD : ISTORE;
            case 'I' -> load ? LLOAD : LSTORE;
            case 'f' -> load ? FLOAD : FSTORE;
            case 'F' -> load ? DLOAD : DSTORE;
            case 'r' -> load ? ALOAD : ASTORE;
            default -> throw new IllegalStateException("no JVM local instruction for type letter " + t);
        };
    }

    /**
     * Closes the last chunk and emits the dispatcher; returns the largest method's size in bytes
     * of bytecode, or -1 if the chunks load so many distinct numeric constants from the pool
     * that they had better be built inline ({@link ChunkPlanner.Plan#inliningConstants}).
     */
    int finish(String desc, FuncType type) {
        finishChunk();
        emitDispatcher(desc, type);
        return !plan.inlineConstants() && constants.size() > MAX_POOLED_CONSTANTS ? -1 : maxSize;
    }

    /** Numeric constants a split function may load from the pool (of at most 65,535 entries for the class). */
    private static final int MAX_POOLED_CONSTANTS = 16_000;

    /** True if a chunk starts before the instruction of this ordinal. */
    boolean cutBefore(int ordinal) {
        int[] cuts = plan.cuts();
        return cutIndex < cuts.length && cuts[cutIndex] == ordinal;
    }

    /** Opens the next chunk's method. */
    void startChunk() {
        chunk++;
        if (chunk > 0) {
            cutIndex++;
        }
        MethodVisitor m = new ConstantInliner(cv.visitMethod(ACC_STATIC | ACC_SYNTHETIC, chunkName(fc.funcIndex, chunk),
                CHUNK_DESC, null, null), plan.inlineConstants(), constants);
        fc.mv = m;
        m.visitCode();
        touched = Integer.MAX_VALUE;
        // A new method: the operand stack's JVM locals start afresh.
        java.util.Arrays.fill(fc.stackVars, -1);
        fc.nextVar = ENTRY + 1;
        cacheMemory(fc);
        for (int i = 0; i < usedCount; i++) {
            localVar[usedLocals[i]] = -1;
            dirty[usedLocals[i]] = false;
            lastRead[usedLocals[i]] = -1;
        }
        firstLoop = null;
        usedCount = 0;
        hubs.startChunk(chunk);
        exitVar = fc.nextVar++;
        tail = new Label();
        dispatch = new Label();
        init = new Label();
        m.visitJumpInsn(GOTO, init);
        if (chunk == 0) {
            Label begin = new Label();
            entry(0, new char[0], begin);
            m.visitLabel(begin);
        }
    }

    /**
     * Ends the chunk before the current instruction; live code ({@code sp >= 0}, the stack
     * height) continues in the next one.
     */
    void cut(int sp) {
        List<FunctionCompiler.Frame> open = tries.openBodies();
        Label rangeEnd = new Label();
        fc.mv.visitLabel(rangeEnd);
        Label next = null;
        if (sp >= 0) {
            next = new Label();
            int id = entry(chunk + 1, shape(sp, new char[0]), next);
            exit(id, sp, 0, sp);
        }
        tries.closeRanges(open, rangeEnd);
        finishChunk();
        startChunk();
        tries.reopen(open);
        if (next != null) {
            fc.mv.visitLabel(next);
        }
    }

    /**
     * A loop's header: an entry point if the loop's body spans chunks (back edges from later
     * chunks re-enter here); returns its id, or -1.
     */
    int loopEntry(int ordinal, int height, char[] params, Label header) {
        if (firstLoop == null) {
            firstLoop = header;
        }
        if (plan.endChunk()[ordinal] == chunk) {
            return -1;
        }
        hubs.loopSpans(plan.endChunk()[ordinal]);
        return entry(chunk, shape(height, params), header);
    }

    /**
     * An {@code if} (its block {@code ordinal}, condition at height {@code cond}) whose else
     * branch, or missing else, is in another chunk: the false case exits there with the stack
     * below {@code height} (the if's parameters included). Returns false, emitting nothing, when
     * the else is in this chunk.
     */
    boolean ifElseElsewhere(int ordinal, int cond, int height, Label elseLabel) {
        int elseAt = plan.elseChunk()[ordinal] >= 0 ? plan.elseChunk()[ordinal] : plan.endChunk()[ordinal];
        if (elseAt == chunk) {
            return false;
        }
        int id = entry(elseAt, shape(height, new char[0]), elseLabel);
        Label then = new Label();
        fc.load('i', fc.stackVar(cond, 'i'));
        fc.mv.visitJumpInsn(IFNE, then);
        exit(id, height, 0, 0);
        fc.mv.visitLabel(then);
        return true;
    }

    /** Loads memory 0 into a JVM local at the start of a method (what {@code memory(0)} reads). */
    static void cacheMemory(StackEmitter e) {
        if (e.shape.memIs64.length > 0) {
            e.memVar = e.nextVar++;
            e.mv.visitVarInsn(ALOAD, 0);
            e.mv.visitFieldInsn(GETFIELD, StackEmitter.CTX, "memories", "[L" + StackEmitter.MEMORY + ";");
            e.mv.visitInsn(ICONST_0);
            e.mv.visitInsn(AALOAD);
            e.mv.visitVarInsn(ASTORE, e.memVar);
        }
    }

    /**
     * Registers an entry point of chunk {@code target}: the values of {@code shape} are reloaded
     * from the spill area, then control goes to {@code label} (which that chunk's code visits).
     */
    int entry(int target, char[] shape, Label label) {
        if (target < chunk || target >= entries.size()) {
            throw fc.fail("internal error: entry into chunk " + target + " from chunk " + chunk);
        }
        List<Entry> l = entries.get(target);
        if (l.size() == 0xFFFF) {
            throw fc.fail("more than 65,535 entry points into one chunk");
        }
        l.add(new Entry(shape, label, false));
        return target << 16 | (l.size() - 1);
    }

    /**
     * An entry point whose label is not in code order (a try's handler code, which jumps back
     * into its catch clauses): it loads every local the chunk reads.
     */
    int entryLoadingAll(int target, char[] shape, Label label) {
        int id = entry(target, shape, label);
        List<Entry> l = entries.get(target);
        Entry e = l.get(l.size() - 1);
        l.set(l.size() - 1, new Entry(e.shape, e.target, true));
        return id;
    }

    /** The types of the operand stack below {@code height}, followed by {@code carried}. */
    char[] shape(int height, char[] carried) {
        char[] s = new char[height + carried.length];
        System.arraycopy(fc.stack, 0, s, 0, height);
        System.arraycopy(carried, 0, s, height, carried.length);
        return s;
    }

    /**
     * Leaves the chunk for entry {@code id}: spills the stack below {@code height} and the
     * {@code carried.length} values from height {@code from}, then returns {@code id}.
     */
    void exit(int id, int height, int carried, int from) {
        int v = valid();
        int p = 0;
        for (int h = 0; h < height; h++) {
            if (h >= v) { // below v the spill area holds the value already
                spill(p, h);
            }
            p += slots(fc.stack[h]);
        }
        for (int i = 0; i < carried; i++) {
            int h = from + i;
            if (h >= v) {
                spill(p, h);
            } else {
                // Untouched by this chunk, so in the spill area: moved down (src >= p, in order: no overlap).
                copy(fc.stack[h], position(h), p);
            }
            p += slots(fc.stack[h]);
        }
        leave(id);
    }

    /** How many bottom values of the stack this chunk leaves in the spill area (see {@link ChunkPlanner.Plan#valid}). */
    int valid() {
        return plan.valid() == null ? 0 : plan.valid()[chunk];
    }

    /** Notes that the chunk's own code uses the operand stack's value at height {@code h}. */
    void touch(int h) {
        if (!quiet) {
            touched = Math.min(touched, h);
        }
    }

    /** Spill index of the value at height {@code h}, relative to the spill area. */
    private int position(int h) {
        int p = 0;
        for (int i = 0; i < h; i++) {
            p += slots(fc.stack[i]);
        }
        return p;
    }

    /** Copies a value of type {@code t} inside the spill area. */
    private void copy(char t, int src, int dst) {
        MethodVisitor m = fc.mv;
        for (int j = 0; j < slots(t) && src != dst; j++) {
            int array = t == 'r' ? REFS : FRAME;
            m.visitVarInsn(ALOAD, array);
            StackEmitter.pushInt(m, spillBase + dst + j);
            m.visitVarInsn(ALOAD, array);
            StackEmitter.pushInt(m, spillBase + src + j);
            m.visitInsn(t == 'r' ? AALOAD : LALOAD);
            m.visitInsn(t == 'r' ? AASTORE : LASTORE);
        }
    }

    /**
     * A br_table with {@code count} targets in other chunks: each target's code
     * ({@link #sharedExit}) numbers itself and jumps to one spill of the whole stack
     * ({@link #finishSharedExits}), then a tableswitch goes on to the target's exit. Spilling a
     * deep stack once, not once per target, keeps such a br_table inside one chunk.
     *
     * @return true (the caller then emits a {@link #sharedExit} per target)
     */
    boolean startSharedExits(int count) {
        sharedVar = fc.nextVar++;
        sharedSpill = new Label();
        sharedTargets = new Label[count];
        sharedIds = new int[count];
        sharedHeights = new int[count];
        sharedCarried = new int[count];
        sharedFrom = new int[count];
        sharedCount = 0;
        return true;
    }

    private int sharedVar;
    private Label sharedSpill;
    private Label[] sharedTargets;
    private int[] sharedIds;
    private int[] sharedHeights;
    private int[] sharedCarried;
    private int[] sharedFrom;
    private int sharedCount;

    void sharedExit(int id, int height, int carried, int from) {
        int k = sharedCount++;
        sharedIds[k] = id;
        sharedHeights[k] = height;
        sharedCarried[k] = carried;
        sharedFrom[k] = from;
        sharedTargets[k] = new Label();
        StackEmitter.pushInt(fc.mv, k);
        fc.mv.visitVarInsn(ISTORE, sharedVar);
        fc.mv.visitJumpInsn(GOTO, sharedSpill);
    }

    /** Emits the one spill of the stack below {@code height} and the exits that follow it. */
    void finishSharedExits(int height) {
        MethodVisitor m = fc.mv;
        m.visitLabel(sharedSpill);
        int p = 0;
        for (int h = 0; h < height; h++) {
            if (h >= valid()) {
                spill(p, h);
            }
            p += slots(fc.stack[h]);
        }
        m.visitVarInsn(ILOAD, sharedVar);
        m.visitTableSwitchInsn(0, sharedCount - 1, sharedTargets[0], sharedTargets);
        for (int k = 0; k < sharedCount; k++) {
            m.visitLabel(sharedTargets[k]);
            exitSpilled(sharedIds[k], sharedHeights[k], sharedCarried[k], sharedFrom[k]);
        }
    }

    /**
     * With the whole stack spilled: moves the {@code carried} values at height {@code from} down
     * to {@code height} inside the spill area and returns {@code id}.
     */
    private void exitSpilled(int id, int height, int carried, int from) {
        int src = position(from);
        int dst = position(height);
        // dst <= src: copying upwards in order never overwrites a value not yet moved.
        for (int i = 0; i < carried; i++) {
            char t = fc.stack[from + i];
            copy(t, src, dst);
            src += slots(t);
            dst += slots(t);
        }
        leave(id);
    }

    void use(char t, int index) {
        if (t == 'r') {
            refsSize = Math.max(refsSize, index + 1);
        } else {
            longsSize = Math.max(longsSize, index + slots(t));
        }
    }

    void spill(int p, int h) {
        char t = fc.stack[h];
        quiet = true;
        int var = fc.stackVar(h, t);
        quiet = false;
        storeVar(fc.mv, t, spillBase + p, var, FRAME, REFS);
    }

    /** With (array, index, value) on the JVM stack: stores the value into the frame ({@code refs} for a reference). */
    static void storeSlot(MethodVisitor m, char t) {
        if (t == 'r') {
            m.visitInsn(AASTORE);
        } else {
            StackEmitter.toSlot(m, t);
            m.visitInsn(LASTORE);
        }
    }

    /** With (array, index) on the JVM stack: loads a value of type {@code t} from the frame. */
    static void loadSlot(MethodVisitor m, char t) {
        if (t == 'r') {
            m.visitInsn(AALOAD);
        } else {
            m.visitInsn(LALOAD);
            StackEmitter.fromSlot(m, t);
        }
    }

    /** Pushes local {@code x} onto the JVM stack. */
    void loadLocal(int x, char t) {
        int v = localVar(x, t);
        if (entryLoads) {
            Label at = new Label();
            fc.mv.visitLabel(at);
            lastRead[x] = at.getOffset();
        }
        fc.load(t, v);
    }

    /**
     * Stores the JVM stack top into local {@code x}. Inside a loop whose header is in this chunk
     * the local is dirty: written back at the chunk's exits. Elsewhere the store also goes to the
     * frame at once ({@link EntryLoads}), so that exits write nothing back.
     */
    void storeLocal(int x, char t) {
        int v = localVar(x, t);
        fc.store(t, v);
        if (dirty[x]) {
            return;
        }
        if (!entryLoads || inLoopOfThisChunk()) {
            dirty[x] = true;
        } else {
            storeVar(fc.mv, t, localSlot[x], v, FRAME, REFS);
        }
    }

    /** Whether the code being emitted is inside a loop whose header is in this chunk (frames of this chunk are on top). */
    private boolean inLoopOfThisChunk() {
        for (int i = fc.fp - 1; i >= 0 && fc.frames[i].chunk == chunk; i--) {
            if (fc.frames[i].kind == FunctionCompiler.Kind.LOOP) {
                return true;
            }
        }
        return false;
    }

    /**
     * The JVM local holding Wasm local {@code x} in this chunk. Locals live in the frame between
     * chunks; a chunk's entries load those its code may read and its sets store them back
     * ({@link EntryLoads}), so its code reads and writes JVM locals as the fast path does.
     */
    private int localVar(int x, char t) {
        if (localVar[x] < 0) {
            localVar[x] = fc.nextVar;
            fc.nextVar += StackEmitter.width(t);
            if (fc.nextVar > 65_000) {
                throw fc.fail("too many JVM locals");
            }
            if (usedCount == usedLocals.length) {
                usedLocals = java.util.Arrays.copyOf(usedLocals, usedCount * 2);
                usedTypes = java.util.Arrays.copyOf(usedTypes, usedCount * 2);
            }
            usedTypes[usedCount] = t;
            usedLocals[usedCount++] = x;
        }
        return localVar[x];
    }

    /** Leaves the chunk for entry {@code id} (or {@link #RETURNED}) through the tail that writes locals back. */
    void leave(int id) {
        StackEmitter.pushInt(fc.mv, id);
        fc.mv.visitVarInsn(ISTORE, exitVar);
        fc.mv.visitJumpInsn(GOTO, tail);
    }

    /** Closes the current chunk: its dispatch over its entry points and their reload stubs. */
    void finishChunk() {
        int lowest = touched;
        for (Entry e : entries.get(chunk)) {
            lowest = Math.min(lowest, e.shape.length);
        }
        plan.observed()[chunk] = lowest;
        if (lowest < valid()) {
            throw fc.fail("internal error: chunk " + chunk + " touches the stack at " + lowest + ", below " + valid());
        }
        fc.finishExceptions(); // handlers and rethrow stubs belong to this chunk's method
        MethodVisitor m = fc.mv;
        m.visitLabel(tail);
        for (int i = 0; i < usedCount; i++) {
            int x = usedLocals[i];
            if (dirty[x]) {
                storeVar(m, usedTypes[i], localSlot[x], localVar[x], FRAME, REFS);
            }
        }
        Label callOut = null;
        if (hubs.isHub(chunk)) {
            callOut = new Label();
            m.visitJumpInsn(GOTO, callOut);
        } else {
            m.visitVarInsn(ILOAD, exitVar);
            m.visitInsn(IRETURN);
        }
        List<Entry> l = entries.get(chunk);
        for (Entry e : l) {
            try {
                e.target.getOffset();
            } catch (IllegalStateException notPlaced) {
                throw fc.fail("internal error: an entry point of chunk " + chunk + " is not in it");
            }
        }
        m.visitLabel(init);
        if (entryLoads) {
            // An entry loads only the locals its code may read; the verifier cannot tell, so the others start at zero.
            for (int i = 0; i < usedCount; i++) {
                int x = usedLocals[i];
                if (!dirty[x]) {
                    EntryLoads.zero(m, usedTypes[i], localVar[x]);
                }
            }
        }
        m.visitLabel(dispatch);
        Label bad = new Label();
        Label[] stubs = new Label[l.size()];
        for (int i = 0; i < stubs.length; i++) {
            stubs[i] = new Label();
        }
        int[] starts = entryLoads ? entryStarts(l) : null;
        boolean perStub = starts != null && perStubLoads(starts) * 6L <= EntryLoads.PER_STUB_BYTES;
        if (perStub && stubs.length > 0) {
            switchOnEntry(m, bad, stubs);
        } else if (starts != null) {
            emitEntryLoads(m, starts, stubs, bad);
        } else {
            for (int i = 0; i < usedCount; i++) {
                int x = usedLocals[i];
                loadVar(m, usedTypes[i], localSlot[x], localVar[x]);
            }
            if (stubs.length > 0) {
                switchOnEntry(m, bad, stubs);
            }
        }
        m.visitLabel(bad);
        throwBadEntry(m);
        for (int i = 0; i < stubs.length; i++) {
            Entry e = l.get(i);
            m.visitLabel(stubs[i]);
            if (perStub) {
                loadFrom(m, starts[i], Integer.MAX_VALUE, true);
            }
            int p = 0;
            quiet = true;
            for (int h = 0; h < e.shape.length; h++) {
                char t = e.shape[h];
                if (h >= valid()) {
                    loadVar(m, t, spillBase + p, fc.stackVar(h, t));
                }
                p += slots(t);
            }
            quiet = false;
            m.visitJumpInsn(GOTO, e.target);
        }
        if (callOut != null) {
            // Last, so that it knows how much room the method has left.
            m.visitLabel(callOut);
            hubs.emitCallOut(m, chunk, exitVar, dispatch);
        }
        end(m);
    }

    /**
     * Per entry point, where its region starts (bytecode offset): it loads the locals read from
     * there on. A path from an entry runs forward but for back edges of the chunk's loops; an
     * entry into a try's handler code (-1) loads every local the chunk reads ({@link EntryLoads}).
     */
    private int[] entryStarts(List<Entry> l) {
        int loopAt = firstLoop == null ? Integer.MAX_VALUE : firstLoop.getOffset();
        int[] starts = new int[l.size()];
        for (int i = 0; i < starts.length; i++) {
            Entry e = l.get(i);
            starts[i] = e.whole() ? -1 : Math.min(e.target().getOffset(), loopAt);
        }
        return starts;
    }

    /** How many loads the entries make with each entry loading its own locals in its stub. */
    private long perStubLoads(int[] starts) {
        long n = 0;
        for (int start : starts) {
            for (int i = 0; i < usedCount; i++) {
                int x = usedLocals[i];
                n += dirty[x] || lastRead[x] >= Math.max(0, start) ? 1 : 0;
            }
        }
        return n;
    }

    /** Loads the locals last read in {@code [from, to)} that are not written back, and these too if {@code dirtyToo}. */
    private void loadFrom(MethodVisitor m, int from, int to, boolean dirtyToo) {
        from = Math.max(0, from);
        for (int i = 0; i < usedCount; i++) {
            int x = usedLocals[i];
            if (dirty[x] ? dirtyToo : lastRead[x] >= from && lastRead[x] < to) {
                loadVar(m, usedTypes[i], localSlot[x], localVar[x]);
            }
        }
    }

    /**
     * The dispatch with per-entry loads ({@link EntryLoads}) when loading in each stub would take
     * too much bytecode: a first switch on the entry enters a ladder of loads at the entry's
     * region, the ladder ends loading the dirty locals, and a second switch goes to the entry's stub.
     */
    private void emitEntryLoads(MethodVisitor m, int[] starts, Label[] stubs, Label bad) {
        if (stubs.length == 0) {
            return;
        }
        EntryLoads.Ladder ladder = EntryLoads.ladder(starts);
        Label[] rungs = new Label[ladder.rungs().length];
        for (int k = 0; k < rungs.length; k++) {
            rungs[k] = new Label();
        }
        Label[] byEntry = new Label[starts.length];
        for (int i = 0; i < starts.length; i++) {
            byEntry[i] = rungs[ladder.rungOf()[i]];
        }
        switchOnEntry(m, bad, byEntry);
        int[] r = ladder.rungs();
        for (int k = 0; k < r.length; k++) {
            m.visitLabel(rungs[k]);
            loadFrom(m, r[k], k + 1 < r.length ? r[k + 1] : Integer.MAX_VALUE, false);
        }
        loadFrom(m, Integer.MAX_VALUE, Integer.MAX_VALUE, true); // the exits write these back: every path must have them
        if (stubs.length > 1) {
            switchOnEntry(m, bad, stubs);
        } else {
            m.visitJumpInsn(GOTO, stubs[0]);
        }
    }

    /** Jumps to {@code targets[n]} for entry id {@code chunk << 16 | n}. */
    private static void switchOnEntry(MethodVisitor m, Label bad, Label[] targets) {
        m.visitVarInsn(ILOAD, ENTRY);
        m.visitLdcInsn(0xFFFF);
        m.visitInsn(IAND);
        m.visitTableSwitchInsn(0, targets.length - 1, bad, targets);
    }

    void end(MethodVisitor m) {
        Label end = new Label();
        m.visitLabel(end);
        maxSize = Math.max(maxSize, end.getOffset());
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    static void throwBadEntry(MethodVisitor m) {
        m.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        m.visitInsn(DUP);
        m.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        m.visitInsn(ATHROW);
    }

    /** Emits the dispatcher {@code f<i>} (or {@code t<i>}) and its group methods. */
    void emitDispatcher(String desc, FuncType type) {
        new SplitDispatcher(this).emit(desc, type);
    }
}
