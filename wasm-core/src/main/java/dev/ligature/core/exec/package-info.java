/**
 * The interpreter: {@code Translator} turns each function, on first call, into an internal code
 * ({@code Code}: dense opcodes with resolved branch targets and frame-relative stack heights,
 * constants on the side, exception handler tables by pc range); {@code Machine} runs it in one
 * loop over the {@code long[]} slots and {@code Object[]} references of an
 * {@link dev.ligature.core.engine.ExecContext}. Wasm calls nest JVM frames; tail calls loop in
 * {@code InterpretedFunction.invoke} so they run in constant JVM stack.
 */
package dev.ligature.core.exec;
