package dev.ligature.jit.compiler;

import dev.ligature.core.instr.CodeReader;
import dev.ligature.core.instr.Opcode;
import org.objectweb.asm.Label;

/**
 * Instructions on instance state: globals, memories (loads, stores, size, grow, bulk operations),
 * tables and references. Everything goes through the runtime's {@code Global}, {@code Memory} and
 * {@code Table} objects, reached from the {@link JitInstance} context in local 0.
 */
abstract class HeapEmitter extends StackEmitter {
    HeapEmitter(ModuleShape shape, int funcIndex) {
        super(shape, funcIndex);
    }

    /** Emits {@code op} if it is an instruction of this family; returns false otherwise. */
    boolean heapInstruction(Opcode op, CodeReader r) {
        switch (op) {
            case GLOBAL_GET -> {
                int g = (int) r.index();
                char t = checkedType(shape.globalTypes[g]);
                global(g);
                if (t == 'r') {
                    mv.visitFieldInsn(GETFIELD, GLOBAL, "ref", "Ljava/lang/Object;");
                } else {
                    mv.visitFieldInsn(GETFIELD, GLOBAL, "value", "J");
                    fromSlot(mv, t);
                }
                storeAt(sp++, t);
            }
            case GLOBAL_SET -> {
                int g = (int) r.index();
                char t = checkedType(shape.globalTypes[g]);
                global(g);
                loadAt(--sp);
                if (t == 'r') {
                    mv.visitFieldInsn(PUTFIELD, GLOBAL, "ref", "Ljava/lang/Object;");
                } else {
                    toSlot(mv, t);
                    mv.visitFieldInsn(PUTFIELD, GLOBAL, "value", "J");
                }
            }
            case MEMORY_SIZE -> {
                int m = (int) r.index();
                memory(m);
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "pages", "()J", false);
                if (!shape.memIs64[m]) {
                    mv.visitInsn(L2I);
                }
                storeAt(sp++, shape.memIs64[m] ? 'I' : 'i');
            }
            case MEMORY_GROW -> {
                int m = (int) r.index();
                memory(m);
                unsignedAt(sp - 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "grow", "(J)J", false);
                if (!shape.memIs64[m]) {
                    mv.visitInsn(L2I);
                }
                storeAt(sp - 1, shape.memIs64[m] ? 'I' : 'i');
            }
            case MEMORY_FILL -> {
                memory((int) r.index());
                unsignedAt(sp - 3);
                loadAt(sp - 2);
                mv.visitInsn(I2B);
                unsignedAt(sp - 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "fill", "(JBJ)V", false);
                sp -= 3;
            }
            case MEMORY_COPY -> {
                memory((int) r.index());
                unsignedAt(sp - 3);
                memory((int) r.index2());
                unsignedAt(sp - 2);
                unsignedAt(sp - 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "copy", "(JL" + MEMORY + ";JJ)V", false);
                sp -= 3;
            }
            case MEMORY_INIT -> {
                memory((int) r.index2());
                unsignedAt(sp - 3);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, CTX, "instance", "L" + INSTANCE + ";");
                pushInt(mv, (int) r.index());
                mv.visitMethodInsn(INVOKEVIRTUAL, INSTANCE, "dataSegment", "(I)[B", false);
                unsignedAt(sp - 2);
                unsignedAt(sp - 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "init", "(J[BJJ)V", false);
                sp -= 3;
            }
            case REF_NULL -> {
                mv.visitInsn(ACONST_NULL);
                storeAt(sp++, 'r');
            }
            case REF_IS_NULL -> {
                loadAt(sp - 1);
                Numeric.bool(mv, IFNULL);
                storeAt(sp - 1, 'i');
            }
            case REF_FUNC -> {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, CTX, "functions", "[L" + WASM_FUNCTION + ";");
                pushInt(mv, (int) r.index());
                mv.visitInsn(AALOAD);
                storeAt(sp++, 'r');
            }
            case TABLE_GET -> {
                table((int) r.index());
                unsignedAt(sp - 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "get", "(J)Ljava/lang/Object;", false);
                storeAt(sp - 1, 'r');
            }
            case TABLE_SET -> {
                table((int) r.index());
                unsignedAt(sp - 2);
                loadAt(sp - 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "set", "(JLjava/lang/Object;)V", false);
                sp -= 2;
            }
            case TABLE_SIZE -> {
                int t = (int) r.index();
                table(t);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "size", "()J", false);
                if (!shape.tableIs64[t]) {
                    mv.visitInsn(L2I);
                }
                storeAt(sp++, shape.tableIs64[t] ? 'I' : 'i');
            }
            case TABLE_GROW -> {
                int t = (int) r.index();
                table(t);
                unsignedAt(sp - 1);
                loadAt(sp - 2);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "grow", "(JLjava/lang/Object;)J", false);
                if (!shape.tableIs64[t]) {
                    mv.visitInsn(L2I);
                }
                sp--;
                storeAt(sp - 1, shape.tableIs64[t] ? 'I' : 'i');
            }
            case TABLE_FILL -> {
                table((int) r.index());
                unsignedAt(sp - 3);
                loadAt(sp - 2);
                unsignedAt(sp - 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "fill", "(JLjava/lang/Object;J)V", false);
                sp -= 3;
            }
            case TABLE_COPY -> {
                table((int) r.index());
                unsignedAt(sp - 3);
                table((int) r.index2());
                unsignedAt(sp - 2);
                unsignedAt(sp - 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "copy", "(JL" + TABLE + ";JJ)V", false);
                sp -= 3;
            }
            case TABLE_INIT -> {
                table((int) r.index2());
                unsignedAt(sp - 3);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, CTX, "instance", "L" + INSTANCE + ";");
                pushInt(mv, (int) r.index());
                mv.visitMethodInsn(INVOKEVIRTUAL, INSTANCE, "elementSegment", "(I)[Ljava/lang/Object;", false);
                unsignedAt(sp - 2);
                unsignedAt(sp - 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "init", "(J[Ljava/lang/Object;JJ)V", false);
                sp -= 3;
            }
            case ELEM_DROP -> {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, CTX, "instance", "L" + INSTANCE + ";");
                pushInt(mv, (int) r.index());
                mv.visitMethodInsn(INVOKEVIRTUAL, INSTANCE, "dropElementSegment", "(I)V", false);
            }
            case DATA_DROP -> {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, CTX, "instance", "L" + INSTANCE + ";");
                pushInt(mv, (int) r.index());
                mv.visitMethodInsn(INVOKEVIRTUAL, INSTANCE, "dropDataSegment", "(I)V", false);
            }
            default -> {
                if (MemoryOps.supports(op)) {
                    memoryAccess(op, r);
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    void table(int t) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, CTX, "tables", "[L" + TABLE + ";");
        pushInt(mv, t);
        mv.visitInsn(AALOAD);
    }

    void global(int g) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, CTX, "globals", "[L" + GLOBAL + ";");
        pushInt(mv, g);
        mv.visitInsn(AALOAD);
    }

    /**
     * Whether the body {@code code} touches a memory at all: if not, the method does not cache memory 0 in a local
     * (two loads and a check on every call, which call-heavy code such as a recursion pays in full).
     */
    static boolean usesMemory(byte[] code) {
        return MethodSizing.anyInstruction(code, r -> r.op().memAccess() != null
                || r.op().mnemonic().startsWith("memory."));
    }

    void memory(int m) {
        if (m == 0 && memVar >= 0) {
            mv.visitVarInsn(ALOAD, memVar);
        } else {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, CTX, "memories", "[L" + MEMORY + ";");
            pushInt(mv, m);
            mv.visitInsn(AALOAD);
        }
    }

    /** Loads the i32 (as unsigned) or i64 at height {@code h} as a long: an address, length or delta. */
    void unsignedAt(int h) {
        loadAt(h);
        if (stack[h] == 'i') {
            mv.visitInsn(I2L);
            mv.visitLdcInsn(0xFFFFFFFFL);
            mv.visitInsn(LAND);
        }
    }

    void memoryAccess(Opcode op, CodeReader r) {
        String sig = op.sig();
        boolean store = sig.endsWith(">");
        memory(r.memory());
        int addr = store ? sp - 2 : sp - 1;
        effectiveAddress(r, addr);
        if (store) {
            loadAt(sp - 1);
            MemoryOps.store(mv, op);
            sp -= 2;
        } else {
            MemoryOps.load(mv, op);
            storeAt(addr, sig.charAt(sig.length() - 1));
        }
    }

    /** Pushes the effective address of the access of {@code r} whose address operand is at height {@code h}. */
    void effectiveAddress(CodeReader r, int h) {
        unsignedAt(h);
        if (r.offset() != 0) {
            pushLong(r.offset());
            if (shape.memIs64[r.memory()]) {
                // index + offset may pass 2^64: that access is out of bounds, not a wrap-around.
                mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "ea64", "(JJ)J", false);
            } else {
                mv.visitInsn(LADD);
            }
        }
    }
}
