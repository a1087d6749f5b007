#!/bin/sh
# Rebuilds the WASI throughput programs (see Benchmarks/README.md). Needs clang with the wasm32
# target and Debian's wasi-libc and libclang-rt-dev-wasm32 packages, as Fixtures/wasi/build.py.
set -eu
cd "$(dirname "$0")"
sysroot=$(mktemp -d)
trap 'rm -rf "$sysroot"' EXIT
mkdir "$sysroot/include" "$sysroot/lib"
ln -s /usr/include/wasm32-wasi "$sysroot/include/wasm32-wasi"
ln -s /usr/lib/wasm32-wasi "$sysroot/lib/wasm32-wasi"
for program in write_stdout read_file; do
    clang --target=wasm32-wasi --sysroot="$sysroot" -O2 -s "$program.c" -o "$program.wasm" \
        -nodefaultlibs -lc -lm /usr/lib/llvm-14/lib/clang/14.0.6/lib/wasi/libclang_rt.builtins-wasm32.a
done
