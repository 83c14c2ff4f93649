package dev.ligature.core.binary;

import dev.ligature.core.MalformedModuleException;
import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Opcode;
import java.util.Arrays;

/**
 * Walks one instruction sequence (a function body or a constant expression) from the reader's
 * position through the {@code end} that closes it, checking that every instruction decodes and
 * that the block structure nests: {@code else} only inside {@code if}, {@code catch} /
 * {@code catch_all} / {@code delegate} only inside a legacy {@code try}. Afterwards the reader
 * stands just past that final {@code end}, so the caller knows exactly where the sequence ends.
 *
 * <p>Allocation-free per instruction: the open blocks are a reused byte stack.
 */
final class CodeWalker {
    private static final byte K_BLOCK = 0, K_IF = 1, K_ELSE = 2, K_TRY = 3, K_CATCH = 4, K_CATCH_ALL = 5;

    private final WasmReader r;
    private final CodeReader code;
    private byte[] open = new byte[32];
    private boolean usesDataIndex;

    CodeWalker(WasmReader r) {
        this.r = r;
        this.code = new CodeReader(r);
    }

    /**
     * Whether any walked sequence used an instruction that names a data segment (memory.init,
     * data.drop, array.new_data, array.init_data): those require the data count section.
     */
    boolean usesDataIndex() {
        return usesDataIndex;
    }

    /**
     * Reads instructions up to and including the {@code end} at nesting depth zero. Data segment
     * uses are recorded for function bodies only, as the reference checks only those.
     */
    void walk(boolean functionBody) {
        int depth = 0;
        while (true) {
            Opcode op = next();
            switch (op) {
                case BLOCK, LOOP, TRY_TABLE -> depth = push(depth, K_BLOCK);
                case IF -> depth = push(depth, K_IF);
                case TRY -> depth = push(depth, K_TRY);
                case ELSE -> {
                    requireOpen(depth, K_IF, K_IF);
                    open[depth - 1] = K_ELSE;
                }
                case CATCH -> {
                    requireOpen(depth, K_TRY, K_CATCH);
                    open[depth - 1] = K_CATCH;
                }
                case CATCH_ALL -> {
                    requireOpen(depth, K_TRY, K_CATCH);
                    open[depth - 1] = K_CATCH_ALL;
                }
                case DELEGATE -> {
                    requireOpen(depth, K_TRY, K_TRY);
                    depth--;
                }
                case END -> {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
                case MEMORY_INIT, DATA_DROP, ARRAY_NEW_DATA, ARRAY_INIT_DATA -> usesDataIndex |= functionBody;
                default -> { }
            }
        }
    }

    private Opcode next() {
        try {
            return code.next();
        } catch (MalformedModuleException e) {
            if (e.getMessage().startsWith("illegal opcode")) {
                throw illegal(code.instrPos());
            }
            throw e;
        }
    }

    /** Names the offending opcode the way the reference interpreter does: "illegal opcode ff", "illegal opcode fc 20". */
    private MalformedModuleException illegal(int at) {
        int saved = r.pos();
        r.pos(at);
        int b = r.u8();
        String what = String.format("%02x", b);
        if (b == Opcode.GC || b == Opcode.MISC || b == Opcode.SIMD) {
            what += " " + Long.toHexString(r.u32L());
        }
        r.pos(saved);
        return r.errorAt("illegal opcode " + what, at);
    }

    /**
     * The innermost open block must be of kind {@code a} or {@code b}. When it is not, the sequence
     * is malformed where an {@code end} should have closed it, hence the reference phrase.
     */
    private void requireOpen(int depth, byte a, byte b) {
        if (depth == 0 || (open[depth - 1] != a && open[depth - 1] != b)) {
            throw r.errorAt("END opcode expected", code.instrPos());
        }
    }

    private int push(int depth, byte kind) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth] = kind;
        return depth + 1;
    }
}
