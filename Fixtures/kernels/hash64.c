// hash64(n): n rounds of 64-bit integer mixing. Each round advances a splitmix64 state, mixes
// it (xor-shift-multiply), and folds it into an accumulator with a rotate, an xor and an
// FNV-style multiply; returns the accumulator. Only i64 add, mul, xor, shifts and rotates.
typedef unsigned long long u64;

static inline u64 rotl(u64 x, int k) { return (x << k) | (x >> (64 - k)); }

u64 hash64(int n) {
    u64 state = 0x0123456789ABCDEFull;
    u64 acc = 0xCBF29CE484222325ull;
    for (int i = 0; i < n; i++) {
        state += 0x9E3779B97F4A7C15ull;
        u64 z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        acc = (rotl(acc, 23) ^ z) * 0x100000001B3ull;
    }
    return acc;
}
