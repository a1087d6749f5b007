#!/bin/sh
# Rebuilds every program's .wasm from its C source and records the native results.
#
#   wasm32:  clang --target=wasm32 -O2 -nostdlib (the Swift toolchain's clang 21 and wasm-ld)
#   native:  gcc -O2 with native/driver.c, run at each program's sizes; the lines it prints
#            ("NAME SIZE RESULT") make expected.txt, which the benchmarks and tests check.
#
# Sizes: the first is the tests' small size, the second the benchmarks' default.
set -eu
cd "$(dirname "$0")"

programs="json:20,2000 lz77:4096,262144 minilang:10,1500 hashtable:500,100000 matrix:12,160 raytrace:16,256 regex:10,400 image:32,512"

native_dir=$(mktemp -d)
trap 'rm -rf "$native_dir"' EXIT

{
    echo "# NAME SIZE RESULT: each program's native result (gcc -O2 build of the same source), written by build.sh."
    echo "# The first size of a program is the tests' small size, the second the benchmarks' default."
    for entry in $programs; do
        name=${entry%%:*}
        sizes=$(echo "${entry#*:}" | tr ',' ' ')
        clang --target=wasm32 -O2 -nostdlib -Wl,--no-entry -o "$name.wasm" "$name.c"
        chmod 644 "$name.wasm"
        gcc -O2 -std=c11 -ffp-contract=off -fno-math-errno -Wall -Wextra -Wno-unused-function \
            -DENTRY="$name" -DNAME="\"$name\"" -o "$native_dir/$name" "$name.c" native/driver.c -lm
        # shellcheck disable=SC2086
        "$native_dir/$name" $sizes
    done
} > expected.txt.new
mv expected.txt.new expected.txt
cat expected.txt
