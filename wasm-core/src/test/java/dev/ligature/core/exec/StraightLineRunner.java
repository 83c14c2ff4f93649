package dev.ligature.core.exec;

import dev.ligature.core.ast.Export;
import dev.ligature.core.ast.Func;
import dev.ligature.core.ast.Module;
import dev.ligature.core.binary.WasmReader;
import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Imm;
import dev.ligature.core.instr.Opcode;
import dev.ligature.core.script.ScriptValues;
import dev.ligature.core.types.CompType;
import dev.ligature.core.types.ExternKind;
import dev.ligature.core.types.FuncType;
import dev.ligature.core.types.ValType;
import dev.ligature.core.types.VecType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only evaluator for the exported functions of a spec-suite module whose bodies are straight
 * line code: local.get/set/tee, constants, and instructions that {@link Numerics} and {@link Simd}
 * execute. Anything else (control flow, calls, memory) makes a function unsupported, and the
 * harness leaves its assertions out. It exists to check the numeric kernels against the suite's
 * expected values, not to be an interpreter.
 */
final class StraightLineRunner {
    /** A function the runner can evaluate. */
    record Fn(List<ValType> params, List<ValType> results, List<ValType> locals, byte[] body) {}

    /** Thrown when a body holds an instruction the runner does not handle. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final Map<String, Fn> exports = new HashMap<>();

    /** Every instruction some evaluated body has executed, so a test can tell which ones the suite left unchecked. */
    static final java.util.Set<Opcode> EXECUTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    StraightLineRunner(Module m) {
        int imported = m.importCount(ExternKind.FUNC);
        var types = m.subTypes();
        for (Export e : m.exports()) {
            if (e.kind() != ExternKind.FUNC || e.index() < imported) {
                continue;
            }
            Func f = m.functions().get(e.index() - imported);
            CompType ct = types.get(f.typeIndex()).comp();
            if (!(ct instanceof FuncType ft)) {
                continue;
            }
            List<ValType> locals = new ArrayList<>(ft.params());
            for (Func.Locals l : f.locals()) {
                for (long i = 0; i < l.count(); i++) {
                    locals.add(l.type());
                }
            }
            exports.put(e.name(), new Fn(ft.params(), ft.results(), locals, f.body().bytes()));
        }
    }

    Fn function(String name) {
        return exports.get(name);
    }

    static int width(ValType t) {
        return t == VecType.V128 ? 2 : 1;
    }

    /**
     * Runs {@code fn} on argument slots {@code args} (v128 as two slots) and returns the result
     * slots; throws {@link Unsupported} for bodies it cannot run, and whatever the kernels throw.
     */
    static long[] run(Fn fn, long[] args) {
        long[] locals = new long[fn.locals().size() * 2];
        int a = 0;
        for (int i = 0; i < fn.params().size(); i++) {
            locals[2 * i] = args[a++];
            if (width(fn.params().get(i)) == 2) {
                locals[2 * i + 1] = args[a++];
            }
        }
        long[] s = new long[64];
        int sp = 0;
        CodeReader r = new CodeReader(new WasmReader(fn.body()));
        while (r.hasNext()) {
            Opcode op = r.next();
            EXECUTED.add(op);
            switch (op) {
                case END -> {
                    if (r.hasNext()) {
                        throw new Unsupported("nested end");
                    }
                }
                case LOCAL_GET -> {
                    int i = (int) r.index();
                    s[sp++] = locals[2 * i];
                    if (width(fn.locals().get(i)) == 2) {
                        s[sp++] = locals[2 * i + 1];
                    }
                }
                case LOCAL_SET, LOCAL_TEE -> {
                    int i = (int) r.index();
                    int w = width(fn.locals().get(i));
                    sp -= w;
                    locals[2 * i] = s[sp];
                    if (w == 2) {
                        locals[2 * i + 1] = s[sp + 1];
                    }
                    if (op == Opcode.LOCAL_TEE) {
                        sp += w;
                    }
                }
                case I32_CONST, I64_CONST, F32_CONST, F64_CONST -> s[sp++] = r.value();
                case V128_CONST -> {
                    byte[] b = r.v128();
                    s[sp++] = ScriptValues.littleEndian(b, 0);
                    s[sp++] = ScriptValues.littleEndian(b, 8);
                }
                case I8X16_SHUFFLE -> sp = Simd.shuffle(r.v128().clone(), s, sp);
                default -> {
                    if (op.imm() == Imm.LANE) {
                        sp = op.mnemonic().contains("extract")
                                ? Simd.extractLane(op, r.lane(), s, sp)
                                : Simd.replaceLane(op, r.lane(), s, sp);
                    } else if (op.imm() != Imm.NONE || op.sig() == null || op.sig().indexOf('a') >= 0) {
                        throw new Unsupported(op.mnemonic());
                    } else if (op.sig().indexOf('v') >= 0) {
                        sp = Simd.apply(op, s, sp);
                    } else {
                        sp = Numerics.apply(op, s, sp);
                    }
                }
            }
        }
        int need = 0;
        for (ValType t : fn.results()) {
            need += width(t);
        }
        if (sp != need) {
            throw new Unsupported("stack height " + sp + " at end, expected " + need);
        }
        long[] out = new long[sp];
        System.arraycopy(s, 0, out, 0, sp);
        return out;
    }
}
