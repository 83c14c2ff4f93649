package dev.ligature.jit.compiler;

import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Imm;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.types.FuncType;
import java.util.Arrays;

/**
 * A pre-scan of a function body: estimates the JVM bytecode each instruction becomes and, for a
 * function too large for one method, chooses where to cut it into chunks (one method each).
 *
 * <p>Cuts fall between instructions, also inside try bodies (a chunk's part of a body gets its
 * own exception range, whose handler passes the exception on to the chunk holding the try's
 * end), but never among a legacy {@code try}'s catch clauses: from its first {@code catch} or
 * {@code catch_all} to its {@code end} the code stays in one chunk, with the handler code at the
 * end that jumps into the clauses and the caught-exception local {@code rethrow} reads. The
 * compiler needs to know, when it meets a block, in which chunk the block's {@code end} (and
 * {@code else}) will be, so that a branch there becomes a local jump or a chunk exit; the plan
 * records it per block ordinal (blocks, loops, ifs and trys counted in code order).
 *
 * <p>The estimates need not be exact: the compiler measures each chunk's real size and asks for
 * a plan with a smaller budget when one is too large.
 */
final class ChunkPlanner {
    /**
     * Where to cut and where each block ends.
     *
     * @param cuts instruction ordinals (0 = first instruction) before which a new chunk starts, ascending
     * @param endChunk per block ordinal: the chunk holding its {@code end}
     * @param elseChunk per block ordinal: the chunk holding its {@code else}, or -1
     * @param chunks how many chunks
     * @param estimate estimated bytecode of the whole function in the mode planned for
     * @param inlineConstants whether numeric constants are built inline, not loaded from the
     *     constant pool ({@link ConstantInliner})
     * @param valid per chunk, how many values at the bottom of the operand stack the chunk's code
     *     never touches: they stay in the spill area, neither reloaded nor spilled again; null
     *     (none) until a first compilation has filled {@code observed}
     * @param observed filled by a compilation with this plan: what {@code valid} may be
     */
    record Plan(int[] cuts, int[] endChunk, int[] elseChunk, int chunks, long estimate, boolean inlineConstants,
            int[] valid, int[] observed) {
        Plan inliningConstants() {
            return new Plan(cuts, endChunk, elseChunk, chunks, estimate, true, valid, new int[chunks]);
        }

        /** This plan, leaving in the spill area what the last compilation with it found untouched. */
        Plan withObservedValid() {
            return new Plan(cuts, endChunk, elseChunk, chunks, estimate, inlineConstants, observed.clone(),
                    new int[chunks]);
        }
    }

    private static final byte OTHER = 0, BODY = 1, CLAUSES = 2;

    private ChunkPlanner() {}

    /** The estimated size of the function as one method on the fast path (locals in JVM locals). */
    static long estimateFast(ModuleShape shape, byte[] code) {
        return plan(shape, code, Long.MAX_VALUE, false).estimate();
    }

    /**
     * Plans chunks of about {@code budget} estimated bytes each for split mode (locals in a frame
     * array, which costs more bytecode per access).
     */
    static Plan plan(ModuleShape shape, byte[] code, long budget) {
        return plan(shape, code, budget, true);
    }

    private static Plan plan(ModuleShape shape, byte[] code, long budget, boolean split) {
        CodeReader r = new CodeReader(new WasmReader(code));
        int[] cuts = new int[4];
        int ncuts = 0;
        // Open blocks: BODY for a legacy try before its first catch, CLAUSES after it (no cut until its end).
        byte[] open = new byte[16];
        int depth = 0;
        int clauses = 0;
        long acc = 0;
        long total = 0;
        int ordinal = 0;
        // Past 60% of the budget, the shallowest place to cut seen so far: cutting there rather
        // than deeper keeps inner loops and blocks whole, so fewer branches cross chunks.
        long window = budget / 5 * 3;
        int candidate = -1;
        int candidateDepth = Integer.MAX_VALUE;
        long accAtCandidate = 0;
        while (true) {
            Opcode op = r.next();
            long est = estimate(shape, op, r, split, depth);
            if (split && clauses == 0 && acc > 0) {
                if (acc + est > budget) {
                    if (ncuts == cuts.length) {
                        cuts = Arrays.copyOf(cuts, ncuts * 2);
                    }
                    if (candidate >= 0 && candidateDepth < depth) {
                        cuts[ncuts++] = candidate;
                        acc -= accAtCandidate;
                    } else {
                        cuts[ncuts++] = ordinal;
                        acc = 0;
                    }
                    candidate = -1;
                    candidateDepth = Integer.MAX_VALUE;
                } else if (acc >= window && depth <= candidateDepth) {
                    candidate = ordinal;
                    candidateDepth = depth;
                    accAtCandidate = acc;
                }
            }
            acc += est;
            total += est;
            ordinal++;
            if (opensBlock(op)) {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = op == Opcode.TRY ? BODY : OTHER;
            } else if (op == Opcode.CATCH || op == Opcode.CATCH_ALL) {
                if (open[depth - 1] == BODY) {
                    open[depth - 1] = CLAUSES;
                    clauses++;
                }
            } else if (op == Opcode.END || op == Opcode.DELEGATE) {
                if (depth == 0) {
                    break; // the function's end
                }
                clauses -= open[--depth] == CLAUSES ? 1 : 0;
            }
        }
        cuts = Arrays.copyOf(cuts, ncuts);
        return blockChunks(code, cuts, total);
    }

    /** The plan for cuts before the instructions {@code cuts}: in which chunk each block ends (and has its else). */
    private static Plan blockChunks(byte[] code, int[] cuts, long total) {
        CodeReader r = new CodeReader(new WasmReader(code));
        int[] endChunk = new int[16];
        int[] elseChunk = new int[16];
        int[] open = new int[16];
        int depth = 0;
        int blocks = 0;
        int chunk = 0;
        int ordinal = 0;
        while (true) {
            Opcode op = r.next();
            if (chunk < cuts.length && cuts[chunk] == ordinal) {
                chunk++;
            }
            ordinal++;
            if (opensBlock(op)) {
                if (blocks == endChunk.length) {
                    endChunk = Arrays.copyOf(endChunk, blocks * 2);
                    elseChunk = Arrays.copyOf(elseChunk, blocks * 2);
                }
                elseChunk[blocks] = -1;
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = blocks++;
            } else if (op == Opcode.ELSE) {
                elseChunk[open[depth - 1]] = chunk;
            } else if (op == Opcode.END || op == Opcode.DELEGATE) {
                if (depth == 0) {
                    break; // the function's end
                }
                endChunk[open[--depth]] = chunk;
            }
        }
        return new Plan(cuts, Arrays.copyOf(endChunk, blocks), Arrays.copyOf(elseChunk, blocks), chunk + 1, total,
                false, null, new int[chunk + 1]);
    }

    /** Whether {@code op} opens a block that the plan numbers (blocks, loops, ifs, trys). */
    static boolean opensBlock(Opcode op) {
        return switch (op) {
            case BLOCK, LOOP, IF, TRY, TRY_TABLE -> true;
            default -> false;
        };
    }

    /**
     * Rough bytecode size of one instruction: loads and stores of the stack's JVM locals take 1-4
     * bytes each; in split mode a chunk also loads the locals it uses and writes back those it sets.
     */
    private static long estimate(ModuleShape shape, Opcode op, CodeReader r, boolean split, int depth) {
        return switch (op) {
            // Split mode adds each chunk's loads and write-backs of the locals it uses.
            case LOCAL_GET, LOCAL_SET -> split ? 7 : 4;
            case LOCAL_TEE -> split ? 8 : 5;
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST -> 5;
            case NOP, BLOCK, DROP -> 0;
            case END, ELSE -> 3;
            case LOOP -> 22;
            case IF -> 8;
            case BR, RETURN -> 6;
            case BR_IF, BR_ON_NULL, BR_ON_NON_NULL -> 10;
            case BR_TABLE -> {
                int n = r.labelCount();
                long table = n > 512 ? n + 30 : 4L * n;
                yield 12 + table + 8L * Math.min(n + 1, depth + 2);
            }
            case CALL, RETURN_CALL -> {
                FuncType ft = shape.typeOfFunction((int) r.index());
                int values = ft.params().size() + ft.results().size();
                yield r.index() < shape.importedFuncs ? 20 + 12L * values : 8 + 4L * values;
            }
            case CALL_INDIRECT, CALL_REF, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> {
                FuncType ft = shape.funcType((int) r.index());
                yield 28 + 12L * (ft.params().size() + ft.results().size());
            }
            case GLOBAL_GET, GLOBAL_SET -> 12;
            case SELECT, SELECT_T -> 14;
            default -> op.imm() == Imm.MEMARG ? 18 : 7;
        };
    }
}
