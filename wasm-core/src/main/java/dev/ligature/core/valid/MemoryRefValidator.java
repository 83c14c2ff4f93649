package dev.ligature.core.valid;

import static dev.ligature.core.valid.TypeCodes.*;

import dev.ligature.core.instr.Opcode;

/** Typing of table, memory (bulk) and reference instructions, on the state of a {@link CodeValidator}. */
final class MemoryRefValidator {
    private final CodeValidator v;

    MemoryRefValidator(CodeValidator v) {
        this.v = v;
    }

    void instruction(Opcode op) {
        switch (op) {
            case TABLE_GET -> {
                int t = v.table(v.cr.index());
                v.pop(v.tableAddr(t));
                v.push(v.m.tableElem[t]);
            }
            case TABLE_SET -> {
                int t = v.table(v.cr.index());
                v.pop(v.m.tableElem[t]);
                v.pop(v.tableAddr(t));
            }
            case TABLE_SIZE -> v.push(v.tableAddr(v.table(v.cr.index())));
            case TABLE_GROW -> {
                int t = v.table(v.cr.index());
                v.pop(v.tableAddr(t));
                v.pop(v.m.tableElem[t]);
                v.push(v.tableAddr(t));
            }
            case TABLE_FILL -> {
                int t = v.table(v.cr.index());
                v.pop(v.tableAddr(t));
                v.pop(v.m.tableElem[t]);
                v.pop(v.tableAddr(t));
            }
            case TABLE_COPY -> {
                int dst = v.table(v.cr.index());
                int src = v.table(v.cr.index2());
                if (!v.tc.valSub(v.m.tableElem[src], v.m.tableElem[dst])) {
                    throw v.err("type mismatch: table.copy between incompatible element types");
                }
                int da = v.tableAddr(dst);
                int sa = v.tableAddr(src);
                v.pop(da == I32 || sa == I32 ? I32 : I64);
                v.pop(sa);
                v.pop(da);
            }
            case TABLE_INIT -> {
                int t = v.table(v.cr.index2());
                int e = v.elem(v.cr.index());
                if (!v.tc.valSub(v.m.elemTypes[e], v.m.tableElem[t])) {
                    throw v.err("type mismatch: element segment type does not match the table");
                }
                v.pop(I32);
                v.pop(I32);
                v.pop(v.tableAddr(t));
            }
            case ELEM_DROP -> v.elem(v.cr.index());
            case MEMORY_SIZE -> v.push(v.memAddr(v.memory(v.cr.index())));
            case MEMORY_GROW -> {
                int a = v.memAddr(v.memory(v.cr.index()));
                v.pop(a);
                v.push(a);
            }
            case MEMORY_FILL -> {
                int a = v.memAddr(v.memory(v.cr.index()));
                v.pop(a);
                v.pop(I32);
                v.pop(a);
            }
            case MEMORY_COPY -> {
                int da = v.memAddr(v.memory(v.cr.index()));
                int sa = v.memAddr(v.memory(v.cr.index2()));
                v.pop(da == I32 || sa == I32 ? I32 : I64);
                v.pop(sa);
                v.pop(da);
            }
            case MEMORY_INIT -> {
                int a = v.memAddr(v.memory(v.cr.index2()));
                v.data(v.cr.index());
                v.pop(I32);
                v.pop(I32);
                v.pop(a);
            }
            case DATA_DROP -> v.data(v.cr.index());
            case REF_NULL -> v.push(ref(true, v.heapCode(v.cr.heapType())));
            case REF_IS_NULL -> {
                v.popRef();
                v.push(I32);
            }
            case REF_FUNC -> {
                int f = v.func(v.cr.index());
                if (!v.constMode && !v.m.declaredFuncs[f]) {
                    throw v.err("undeclared function reference " + f);
                }
                v.push(ref(false, H_CONCRETE + v.m.funcTypes[f]));
            }
            case REF_EQ -> {
                v.pop(ref(true, H_EQ));
                v.pop(ref(true, H_EQ));
                v.push(I32);
            }
            case REF_AS_NON_NULL -> {
                int r = v.popRef();
                v.push(ref(false, r == BOT ? H_BOT : heap(r)));
            }
            case BR_ON_NULL -> {
                int[] lt = v.labelTypes(v.label(v.cr.index()));
                int r = v.popRef();
                v.popAll(lt);
                v.pushAll(lt, lt.length);
                v.push(ref(false, r == BOT ? H_BOT : heap(r)));
            }
            case BR_ON_NON_NULL -> {
                int[] lt = v.labelTypes(v.label(v.cr.index()));
                int r = v.popRef();
                if (lt.length == 0) {
                    throw v.err("type mismatch: br_on_non_null needs a label that takes a reference");
                }
                v.push(ref(false, r == BOT ? H_BOT : heap(r)));
                v.popAll(lt);
                v.pushAll(lt, lt.length - 1);
            }
            default -> throw v.err("unknown instruction " + op.mnemonic());
        }
    }
}
