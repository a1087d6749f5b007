// What every program shares: fixed-width types, a pseudo-random generator, a hash, and the
// scratch memory it works in. The same source builds freestanding for wasm32 (clang, no libc:
// memory after __heap_base, grown with memory.grow) and natively (gcc, with malloc) so that
// build.sh can record the native results the benchmarks check.
#ifndef PROGRAMS_PROGRAM_H
#define PROGRAMS_PROGRAM_H

#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef int32_t i32;
typedef uint64_t u64;
typedef int64_t i64;

#ifdef __wasm__
// The entry point a program exports under its own name.
#define EXPORT(name) __attribute__((export_name(#name)))

extern unsigned char __heap_base;

// A scratch area of at least `bytes` bytes, 16-byte aligned (its contents are whatever the
// previous call left), or 0 when memory cannot grow that far.
static inline void *scratch(u32 bytes) {
    u32 base = (u32)(uintptr_t)&__heap_base;
    u32 have = (u32)__builtin_wasm_memory_size(0) * 65536u;
    if (bytes > 0xFFFFFFFFu - base) return 0;
    if (base + bytes > have) {
        u32 pages = (base + bytes - have + 65535u) / 65536u;
        if (__builtin_wasm_memory_grow(0, pages) == (uintptr_t)-1) return 0;
    }
    return (void *)(uintptr_t)base;
}
#else
#include <stdlib.h>
#define EXPORT(name)

static inline void *scratch(u32 bytes) {
    static void *area;
    static u32 size;
    if (bytes > size) {
        free(area);
        area = aligned_alloc(16, (bytes + 15u) & ~15u);
        size = area ? bytes : 0;
    }
    return area;
}
#endif

// Carves consecutive 16-byte-aligned blocks out of a scratch area (each block rounded up to 16
// bytes: callers ask scratch() for 16 bytes of slack per block).
typedef struct {
    u8 *next;
} Arena;

static inline void *arena_take(Arena *arena, u32 bytes) {
    void *block = arena->next;
    arena->next += (bytes + 15u) & ~15u;
    return block;
}

// xorshift32 (13, 17, 5): the programs' deterministic input.
static inline u32 next_random(u32 *state) {
    u32 x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

// A number in [0, bound).
static inline u32 random_below(u32 *state, u32 bound) {
    return (u32)(((u64)next_random(state) * bound) >> 32);
}

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

// FNV-1a over `count` bytes, continuing from `hash`.
static inline u32 fnv1a(u32 hash, const u8 *bytes, u32 count) {
    for (u32 i = 0; i < count; i++) hash = (hash ^ bytes[i]) * FNV_PRIME;
    return hash;
}

// Folds a 32-bit word into a running checksum.
static inline u32 mix(u32 hash, u32 word) {
    hash ^= word;
    hash *= 0x9E3779B1u;
    return hash ^ (hash >> 15);
}

#endif
