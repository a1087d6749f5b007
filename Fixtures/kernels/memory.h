// Linear-memory helper shared by the C kernels: the bytes after the static data (from
// __heap_base, set by wasm-ld), grown with memory.grow on demand. No libc.
#ifndef KERNELS_MEMORY_H
#define KERNELS_MEMORY_H

extern unsigned char __heap_base;

// Returns the start of a scratch area of at least `bytes` bytes, or 0 if memory cannot grow.
static void *reserve(unsigned long bytes) {
    unsigned long base = (unsigned long)&__heap_base;
    unsigned long have = __builtin_wasm_memory_size(0) * 65536ul;
    if (bytes > 0xFFFFFFFFul - base) return 0;
    if (base + bytes > have) {
        unsigned long pages = (base + bytes - have + 65535ul) / 65536ul;
        if (__builtin_wasm_memory_grow(0, pages) == (unsigned long)-1) return 0;
    }
    return (void *)base;
}

#endif
