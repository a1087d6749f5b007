#!/usr/bin/env bash
# Runs the interpreter's threaded code on a 256 KiB native stack: 10^8 dispatches of a loop and
# the 2.7 million calls of fib(30). Swift does not guarantee tail calls; if one handler on these
# paths called the next instead of jumping to it, the stack would overflow and the run crash.
# The results are checked against values computed here (Python), not by the engine.
#
# Usage: Scripts/check-threaded-run.sh BINARY   (a release build of the `wasm` tool)
set -euo pipefail
binary="$1"
cd "$(dirname "$0")/.."

check() {
    local expected="$1"; shift
    local actual
    actual="$(ulimit -s 256 && "$binary" run "$@")"
    if [ "$actual" != "$expected" ]; then
        echo "threaded run: wasm run $* printed '$actual', expected '$expected'" >&2
        exit 1
    fi
    echo "wasm run $* = $actual on a 256 KiB stack"
}

n=50000000  # 2 dispatches an iteration: 10^8
check "$(python3 -c "s = sum(range($n)) % 2**32; print(s - 2**32 if s >= 2**31 else s)")" \
    Fixtures/kernels/loop.wasm --invoke sum "$n"
check "$(python3 -c "
a, b = 0, 1
for _ in range(30): a, b = b, a + b
print(a)")" Fixtures/kernels/fib.wasm --invoke fib 30
