// vm(n): a small register bytecode machine whose dispatch `switch` compiles to br_table, running
// a program that loops n times:
//     acc = 2166136261; i = 0
//     repeat n times: acc = ((acc ^ i) * 16777619); acc ^= acc >> 15; acc += i << 3;
//                     acc = (acc | 1) - (i & 7); i += 1
// and returns acc (mod 2^32). Each loop of the program dispatches 12 bytecode instructions.
typedef unsigned int u32;

enum {
    HALT, LOADI, MOV, ADD, SUB, MUL, XOR, AND, OR, SHLI, SHRI, ADDI, ANDI, ORI, DEC, JNZ, JZ,
};

// Each instruction is four words: opcode, destination, operand a, operand b (register or
// immediate). Registers: r0 = n (counts down), r1 = acc, r2 = prime, r4 = i, r3/r5 = temps.
static const u32 program[][4] = {
    {LOADI, 1, 2166136261u, 0},  // 0: acc = offset basis
    {LOADI, 2, 16777619u, 0},    // 1: prime
    {LOADI, 4, 0, 0},            // 2: i = 0
    {JZ, 0, 0, 16},              // 3: if n == 0 goto halt
    {XOR, 1, 1, 4},              // 4: acc ^= i
    {MUL, 1, 1, 2},              // 5: acc *= prime
    {SHRI, 3, 1, 15},            // 6: t = acc >> 15
    {XOR, 1, 1, 3},              // 7: acc ^= t
    {SHLI, 3, 4, 3},             // 8: t = i << 3
    {ADD, 1, 1, 3},              // 9: acc += t
    {ORI, 1, 1, 1},              // 10: acc |= 1
    {ANDI, 5, 4, 7},             // 11: u = i & 7
    {SUB, 1, 1, 5},              // 12: acc -= u
    {ADDI, 4, 4, 1},             // 13: i += 1
    {DEC, 0, 0, 0},              // 14: n -= 1
    {JNZ, 0, 0, 4},              // 15: if n != 0 goto 4
    {HALT, 1, 0, 0},             // 16: return acc
};

static u32 run(const u32 (*code)[4], u32 *r) {
    u32 pc = 0;
    for (;;) {
        const u32 *ins = code[pc++];
        u32 d = ins[1], a = ins[2], b = ins[3];
        switch (ins[0]) {
        case HALT: return r[d];
        case LOADI: r[d] = a; break;
        case MOV: r[d] = r[a]; break;
        case ADD: r[d] = r[a] + r[b]; break;
        case SUB: r[d] = r[a] - r[b]; break;
        case MUL: r[d] = r[a] * r[b]; break;
        case XOR: r[d] = r[a] ^ r[b]; break;
        case AND: r[d] = r[a] & r[b]; break;
        case OR: r[d] = r[a] | r[b]; break;
        case SHLI: r[d] = r[a] << (b & 31); break;
        case SHRI: r[d] = r[a] >> (b & 31); break;
        case ADDI: r[d] = r[a] + b; break;
        case ANDI: r[d] = r[a] & b; break;
        case ORI: r[d] = r[a] | b; break;
        case DEC: r[d] -= 1; break;
        case JNZ: if (r[d] != 0) pc = b; break;
        case JZ: if (r[d] == 0) pc = b; break;
        default: return 0xDEADBEEF;
        }
    }
}

u32 vm(int n) {
    u32 registers[8] = {(u32)n, 0, 0, 0, 0, 0, 0, 0};
    return run(program, registers);
}
