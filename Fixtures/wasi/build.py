#!/usr/bin/env python3
"""Builds the WASI fixture programs and records what their native builds print.

For each NAME.c: NAME.wasm with clang (--target=wasm32-wasi, Debian's wasi-libc) and a native
build with gcc. Then every run in runs.json is run natively, the way WasmWASITests runs the
.wasm: only the run's arguments after the program name, only its environment variables, its
stdin file (or none), and, for "directory" runs, a fresh empty folder as the current directory
(preopened as "." for the .wasm). Standard output goes to expected/ID.stdout and the exit
status to expected/ID.status (128 + signal for a signal, as a shell reports abort()).

Needs: apt-get install wasi-libc libclang-rt-dev-wasm32 gcc; clang with the wasm32 target (the
Swift toolchain's clang 21 works). CI does not run this: the .wasm and expected/ are committed.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILTINS = "/usr/lib/llvm-14/lib/clang/14.0.6/lib/wasi/libclang_rt.builtins-wasm32.a"


def sysroot(folder):
    """A sysroot for wasm32-wasi: Debian installs wasi-libc's headers and libraries apart."""
    root = os.path.join(folder, "sysroot")
    for kind in ("include", "lib"):
        os.makedirs(os.path.join(root, kind))
        os.symlink(f"/usr/{kind}/wasm32-wasi", os.path.join(root, kind, "wasm32-wasi"))
    return root


def build(name, root, natives):
    source = os.path.join(HERE, f"{name}.c")
    subprocess.run(["clang", "--target=wasm32-wasi", f"--sysroot={root}", "-O2", "-s", source, "-o",
                    os.path.join(HERE, f"{name}.wasm"), "-nodefaultlibs", "-lc", "-lm", BUILTINS], check=True)
    native = os.path.join(natives, name)
    subprocess.run(["gcc", "-O2", source, "-o", native, "-lm"], check=True)
    return native


def record(run, native):
    stdin = open(os.path.join(HERE, run["stdin"]), "rb") if "stdin" in run else subprocess.DEVNULL
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run([native] + run.get("args", []), stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, env=run.get("env", {}),
                                cwd=folder if run.get("directory") else HERE)
    status = result.returncode if result.returncode >= 0 else 128 - result.returncode
    with open(os.path.join(HERE, "expected", f"{run['id']}.stdout"), "wb") as file:
        file.write(result.stdout)
    with open(os.path.join(HERE, "expected", f"{run['id']}.status"), "w") as file:
        file.write(f"{status}\n")
    print(f"{run['id']}: status {status}, {len(result.stdout)} bytes of output")


def main():
    runs = json.load(open(os.path.join(HERE, "runs.json")))
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        root = sysroot(folder)
        natives = {}
        for program in sorted({run["program"] for run in runs}):
            natives[program] = build(program, root, folder)
        for run in runs:
            record(run, natives[run["program"]])


if __name__ == "__main__":
    sys.exit(main())
