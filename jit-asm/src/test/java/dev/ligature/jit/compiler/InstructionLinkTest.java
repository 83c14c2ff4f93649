package dev.ligature.jit.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ligature.core.exec.Numerics;
import dev.ligature.core.instr.MemAccess;
import dev.ligature.core.instr.Opcode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The compiler's link from the opcode table to the code it calls, checked over every row: each
 * numeric instruction is emitted (inline or as a call), each load and store too, and every method
 * the emitted code calls exists with exactly the descriptor used. A renamed {@link Numerics} or
 * {@code Memory} method fails here, not in a program at run time.
 */
class InstructionLinkTest {
    /** A method call the emitter wrote. */
    record Call(int opcode, String owner, String name, String desc) {}

    private static List<Call> calls(java.util.function.Consumer<MethodVisitor> emit) {
        List<Call> calls = new ArrayList<>();
        emit.accept(new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                calls.add(new Call(opcode, owner, name, desc));
            }
        });
        return calls;
    }

    /** The method {@code c} names: present, static exactly when called with invokestatic, public, with that descriptor. */
    private static void assertLinks(Call c, String row) {
        Class<?> owner;
        try {
            owner = Class.forName(c.owner().replace('/', '.'));
        } catch (ClassNotFoundException e) {
            fail(row + ": no class " + c.owner());
            return;
        }
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(c.name()) && Type.getMethodDescriptor(m).equals(c.desc())) {
                assertEquals(c.opcode() == Opcodes.INVOKESTATIC, Modifier.isStatic(m.getModifiers()), row + ": " + c);
                return;
            }
        }
        fail(row + ": calls " + c.owner() + "." + c.name() + c.desc() + ", which does not exist");
    }

    @Test
    void everyNumericRowIsEmittedAndEveryCallLinks() {
        int rows = 0;
        int viaNumerics = 0;
        for (Opcode op : Opcode.values()) {
            boolean scalar = Numerics.handles(op) && op != Opcode.NOP;
            assertEquals(scalar, Numeric.supports(op), op.mnemonic());
            String method = Numeric.numericsMethod(op);
            if (!scalar) {
                assertNull(method, op.mnemonic() + " is not a scalar numeric instruction");
                continue;
            }
            rows++;
            boolean[] emitted = new boolean[1];
            List<Call> calls = calls(mv -> emitted[0] = Numeric.emit(mv, op));
            assertTrue(emitted[0], op.mnemonic() + " has neither an inline form nor a Numerics method");
            for (Call c : calls) {
                assertLinks(c, op.mnemonic());
            }
            if (method != null) {
                // Named methods are what the instruction compiles to: called with the type rule's descriptor.
                assertEquals(List.of(new Call(Opcodes.INVOKESTATIC, Type.getInternalName(Numerics.class), method,
                        Numeric.descriptor(op.sig()))), calls, op.mnemonic());
                viaNumerics++;
            }
        }
        assertTrue(rows > 120 && viaNumerics > 60, rows + " rows, " + viaNumerics + " through Numerics");
    }

    @Test
    void everyScalarLoadAndStoreIsEmittedAndEveryCallLinks() {
        int rows = 0;
        for (Opcode op : Opcode.values()) {
            MemAccess a = op.memAccess();
            assertEquals(a != null && a.scalar(), MemoryOps.supports(op), op.mnemonic());
            if (!MemoryOps.supports(op)) {
                continue;
            }
            rows++;
            List<Call> calls = calls(mv -> {
                if (a.store()) {
                    MemoryOps.store(mv, op);
                } else {
                    MemoryOps.load(mv, op);
                }
            });
            assertEquals(1, calls.size(), op.mnemonic());
            Call c = calls.get(0);
            assertLinks(c, op.mnemonic());
            // The Memory method moves exactly the row's bytes.
            Type moved = a.store() ? Type.getArgumentTypes(c.desc())[1] : Type.getReturnType(c.desc());
            assertEquals(a.bytes(), switch (moved.getSort()) {
                case Type.BYTE -> 1;
                case Type.SHORT -> 2;
                case Type.INT, Type.FLOAT -> 4;
                default -> 8;
            }, op.mnemonic() + ": " + c);
            assertFalse(calls(mv -> {
                try {
                    if (a.store()) {
                        MemoryOps.load(mv, op);
                    } else {
                        MemoryOps.store(mv, op);
                    }
                } catch (IllegalArgumentException expected) {
                    return;
                }
                throw new AssertionError(op.mnemonic() + " emitted as the opposite access");
            }).size() > 0);
        }
        assertEquals(23, rows);
    }
}
