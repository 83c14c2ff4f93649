/*
 * A small stack-machine bytecode interpreter: one switch-dispatched loop, branchy and table-switch heavy, as the
 * eval loops of CPython or Lua compile. The program sums f(i) = (i * 7 ^ i >> 2) % 1000 plus a Collatz step count
 * over i < n.
 */
#include "kernel.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, XOR, SHR, AND, DUP, DROP, JMP, JZ, JLT, HALT, INC };

/* Variables: 0 = i, 1 = n, 2 = acc, 3 = x (the Collatz value). */
static const int32_t program[] = {
    /* 0: while (i < n) */
    LOAD, 0, LOAD, 1, JLT, 7, HALT,
    /* 7: acc += (i * 7 ^ i >> 2) % 1000 */
    LOAD, 0, PUSH, 7, MUL, LOAD, 0, PUSH, 2, SHR, XOR, PUSH, 1000, MOD, LOAD, 2, ADD, STORE, 2,
    /* 26: x = i % 64 + 1; while (x != 1) { x = x & 1 ? 3x + 1 : x >> 1; acc++ } */
    LOAD, 0, PUSH, 64, MOD, PUSH, 1, ADD, STORE, 3,
    /* 36: */ LOAD, 3, PUSH, 1, SUB, JZ, 71,
    /* 43: */ LOAD, 3, PUSH, 1, AND, JZ, 60,
    /* 50: odd: 3x + 1 */ LOAD, 3, PUSH, 3, MUL, PUSH, 1, ADD, JMP, 65,
    /* 60: even: x >> 1 */ LOAD, 3, PUSH, 1, SHR,
    /* 65: */ STORE, 3, INC, 2, JMP, 36,
    /* 71: i++ */ INC, 0, JMP, 0,
};

static int32_t execute(const int32_t *code, int32_t *vars) {
    int32_t stack[64];
    int32_t sp = 0, pc = 0;
    for (;;) {
        int32_t op = code[pc++];
        switch (op) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case LOAD: stack[sp++] = vars[code[pc++]]; break;
        case STORE: vars[code[pc++]] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case MOD: sp--; stack[sp - 1] %= stack[sp]; break;
        case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case SHR: sp--; stack[sp - 1] >>= stack[sp]; break;
        case AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case DROP: sp--; break;
        case JMP: pc = code[pc]; break;
        case JZ: pc = stack[--sp] == 0 ? code[pc] : pc + 1; break;
        case JLT: sp -= 2; pc = stack[sp] < stack[sp + 1] ? code[pc] : pc + 1; break;
        case INC: vars[code[pc++]]++; break;
        case HALT: return vars[2];
        default: return -1;
        }
    }
}

KERNEL_EXPORT int32_t run(int32_t n) {
    int32_t vars[4] = {0, n, 0, 0};
    return execute(program, vars);
}
