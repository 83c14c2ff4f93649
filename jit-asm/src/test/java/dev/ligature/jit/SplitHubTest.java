package dev.ligature.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.ast.Module;
import dev.ligature.core.runtime.Instance;
import dev.ligature.core.runtime.Trap;
import dev.ligature.core.engine.Types;
import dev.ligature.core.text.WatParser;
import dev.ligature.core.valid.Validator;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Loops whose bodies span chunks run under a hub ({@link SplitHubs}): the chunk holding the
 * loop's header calls the chunks of its body itself. Results, traps and memory equal the
 * interpreter's at many chunk budgets, and an interrupt still stops such a loop.
 */
class SplitHubTest {
    private static final long[] BUDGETS = {3, 20, 60, 150, 300, 700};

    /** Filler that sets and reads {@code $acc}: makes a case body long enough to land in chunks of its own. */
    private static String filler(int n, int salt) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append("(local.set $acc (i32.add (i32.rotl (local.get $acc) (i32.const 5)) (i32.const ")
                    .append(salt * 31 + k).append(")))\n");
        }
        return b.toString();
    }

    /**
     * A CPython-style eval loop: a byte program in memory, one br_table over its opcodes, case
     * bodies that store to memory, run an inner loop, call the function recursively, trap (a
     * division by zero when {@code n} is 1000) or halt.
     */
    private static final String EVAL = "(module (memory (export \"mem\") 1)\n"
            + "(data (i32.const 0) \"\\00\\01\\02\\00\\03\\01\\04\\02\\00\\06\\01\\02\\03\\00\\01\\05\")\n"
            + "(func (export \"peek\") (param i32) (result i32) (i32.load (local.get 0)))\n"
            + "(func $run (export \"run\") (param $n i32) (result i32)\n"
            + "(local $pc i32) (local $acc i32) (local $i i32) (local $j i32) (local $t i64)\n"
            + "(loop $l\n"
            + "(block $next (block $halt\n"
            + "(block $c6 (block $c5 (block $c4 (block $c3 (block $c2 (block $c1 (block $c0\n"
            + "(br_table $c0 $c1 $c2 $c3 $c4 $halt $c5 $c6 (i32.load8_u (local.get $pc))))\n"
            // c0: store acc into a ring in memory
            + filler(12, 0)
            + "(i32.store (i32.add (i32.const 64) (i32.shl (i32.and (local.get $i) (i32.const 15)) (i32.const 2)))"
            + " (local.get $acc)) (br $next))\n"
            // c1: arithmetic on an i64 local
            + filler(10, 1)
            + "(local.set $t (i64.add (i64.mul (local.get $t) (i64.const 6364136223846793005)) (i64.extend_i32_u (local.get $acc))))\n"
            + "(local.set $acc (i32.xor (local.get $acc) (i32.wrap_i64 (i64.shr_u (local.get $t) (i64.const 29)))))\n"
            + "(br $next))\n"
            // c2: an inner loop, itself spanning chunks at small budgets
            + "(local.set $j (i32.and (local.get $i) (i32.const 7)))\n"
            + "(block $out (loop $inner\n"
            + "(br_if $out (i32.eqz (local.get $j)))\n"
            + filler(6, 2)
            + "(local.set $j (i32.sub (local.get $j) (i32.const 1)))\n"
            + "(br $inner)))\n"
            + "(br $next))\n"
            // c3: a division that traps when n is 1000
            + filler(8, 3)
            + "(local.set $acc (i32.add (local.get $acc) (i32.div_u (local.get $i) (i32.sub (local.get $n) (i32.const 1000)))))\n"
            + "(br $l (local.set $pc (i32.and (i32.add (local.get $pc) (i32.const 1)) (i32.const 15)))"
            + " (local.set $i (i32.add (local.get $i) (i32.const 1)))))\n"
            // c4: a recursive call with a smaller n (frames are per call)
            + "(if (i32.and (i32.gt_u (local.get $n) (i32.const 20)) (i32.eq (i32.and (local.get $i) (i32.const 63)) (i32.const 6)))"
            + " (then (local.set $acc (i32.add (local.get $acc) (call $run (i32.const 20))))))\n"
            + filler(5, 4)
            + "(br $next))\n"
            // c5: memory read back
            + "(local.set $acc (i32.add (local.get $acc) (i32.load (i32.const 72))))\n"
            + "(br $next))\n"
            // c6: default
            + filler(3, 6)
            + "(br $next))\n"
            // halt: the result, once past 500 iterations
            + "(if (i32.gt_u (local.get $i) (i32.const 500)) (then (return (i32.add (local.get $acc) (local.get $i))))))\n"
            + "(local.set $pc (i32.and (i32.add (local.get $pc) (i32.const 1)) (i32.const 15)))\n"
            + "(local.set $i (i32.add (local.get $i) (i32.const 1)))\n"
            + "(br_if $l (i32.lt_u (local.get $i) (local.get $n))))\n"
            + "(i32.sub (local.get $acc) (local.get $i)))\n"
            + "(func (export \"spin\") (param $n i32) (result i32) (local $acc i32)\n"
            + "(loop $l\n"
            + filler(20, 9)
            + "(i32.store (i32.const 0) (local.get $acc))\n"
            + "(br $l))\n"
            + "(i32.const 0)))";

    @Test
    void evalLoopAcrossChunksMatchesTheInterpreter() {
        for (long budget : BUDGETS) {
            Differential d = Differential.splittingEverything(EVAL, budget);
            for (long n : new long[] {0, 1, 3, 15, 16, 17, 200, 600, 999, 1000, 1001}) {
                d.check("run", n);
                for (long a = 64; a < 128; a += 4) {
                    d.check("peek", a);
                }
            }
        }
    }

    @Test
    void theLoopHeaderChunkCallsTheChunksOfTheBody() {
        Module m = WatParser.parseModule(EVAL);
        ModuleShape shape = new ModuleShape(m, Validator.validate(m, Types.registry()),
                JitOptions.DEFAULT.withForcedSplitBudget(300));
        ClassModel cm = ClassFile.of().parse(ModuleCompiler.compileFunction(shape, 1));
        boolean chunkCallsChunk = false;
        int chunks = 0;
        for (MethodModel mm : cm.methods()) {
            String name = mm.methodName().stringValue();
            if (!name.startsWith("c1_")) {
                continue;
            }
            chunks++;
            for (CodeElement e : mm.findAttribute(Attributes.code()).orElseThrow()) {
                if (e instanceof InvokeInstruction ii && ii.name().stringValue().startsWith("c1_")) {
                    chunkCallsChunk = true;
                }
            }
        }
        assertTrue(chunks >= 3, "the eval loop spans chunks: " + chunks);
        assertTrue(chunkCallsChunk, "a chunk calls the chunks of its loop's body");
    }

    /** Twenty sibling loops each spanning chunks: hubs overlapping like a staircase, past the nesting bound. */
    @Test
    void manySiblingLoopsAcrossChunks() {
        StringBuilder w = new StringBuilder("(module (func (export \"f\") (param $n i32) (result i32)"
                + " (local $acc i32) (local $i i32)\n");
        for (int l = 0; l < 20; l++) {
            w.append("(local.set $i (i32.const 0))\n(block $b").append(l).append(" (loop $l").append(l).append('\n')
                    .append("(br_if $b").append(l).append(" (i32.ge_u (local.get $i) (i32.add (local.get $n) (i32.const ")
                    .append(l % 3).append("))))\n")
                    .append(filler(3, l))
                    .append("(local.set $i (i32.add (local.get $i) (i32.const 1)))\n(br $l").append(l).append(")))\n");
        }
        w.append("(local.get $acc)))");
        for (long budget : BUDGETS) {
            Differential d = Differential.splittingEverything(w.toString(), budget);
            for (long n : new long[] {0, 1, 2, 5, 40}) {
                d.check("f", n);
            }
        }
    }

    @Test
    void anInterruptStopsALoopSpanningChunks() throws Exception {
        Instance inst = Differential.splittingEverything(EVAL, 20).compiled;
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                inst.function("spin").call(0);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "spin");
        t.setDaemon(true);
        t.start();
        Thread.sleep(500);
        assertTrue(t.isAlive(), "still spinning before the interrupt");
        inst.interrupt();
        t.join(30_000);
        assertFalse(t.isAlive(), "the interrupted loop stopped");
        assertEquals(Trap.Kind.INTERRUPTED, assertInstanceOf(Trap.class, thrown.get()).kind());
    }
}
