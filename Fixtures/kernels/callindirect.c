// callindirect(n): n calls through a table of eight function pointers (call_indirect), the
// slot chosen by data: acc = ops[(acc ^ i) & 7](acc, i), starting from acc = 1; returns acc.
typedef unsigned int u32;
typedef u32 (*op_t)(u32, u32);

__attribute__((noinline)) static u32 op_add(u32 a, u32 b) { return a + b + 1; }
__attribute__((noinline)) static u32 op_sub(u32 a, u32 b) { return a - b; }
__attribute__((noinline)) static u32 op_xor(u32 a, u32 b) { return (a ^ b) + 7; }
__attribute__((noinline)) static u32 op_mul(u32 a, u32 b) { return a * 31 + b; }
__attribute__((noinline)) static u32 op_rotl(u32 a, u32 b) { return (a << 5 | a >> 27) ^ b; }
__attribute__((noinline)) static u32 op_shr(u32 a, u32 b) { return (a >> 3) + b * 5; }
__attribute__((noinline)) static u32 op_or(u32 a, u32 b) { return (a | b) - 3; }
__attribute__((noinline)) static u32 op_mix(u32 a, u32 b) { return (a ^ (a >> 16)) * 0x45D9F3Bu + b; }

// Not const: keeps the compiler from turning the indirect calls into a switch.
op_t ops[8] = {op_add, op_sub, op_xor, op_mul, op_rotl, op_shr, op_or, op_mix};

u32 callindirect(int n) {
    u32 acc = 1;
    for (int i = 0; i < n; i++) acc = ops[(acc ^ (u32)i) & 7](acc, (u32)i);
    return acc;
}
