package dev.ligature.core.exec;

/**
 * One function translated for the interpreter.
 *
 * @param code internal opcodes (see {@link Op}) with their operands inline, branch targets resolved
 * @param consts 64-bit constants and memory offsets, referenced by index from {@code code}
 * @param aux other immediates (shuffle lane arrays), by index
 * @param handlers exception handler table, {@link Handlers#WIDTH} ints per entry, innermost first
 * @param paramSlots slots of the parameters
 * @param localSlots slots of parameters and declared locals: the operand stack starts here
 * @param maxSlots the most slots the frame ever uses (locals plus the highest operand stack)
 * @param localRefs for each local slot past the parameters, whether it holds a reference
 */
record Code(int[] code, long[] consts, Object[] aux, int[] handlers, int paramSlots, int localSlots, int maxSlots) {}
