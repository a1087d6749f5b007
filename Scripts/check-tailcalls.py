#!/usr/bin/env python3
"""Disassembly guard for the interpreter's threaded code: every handler (the closure literals
that `handlerWord { ... }` turns into code words) must pass control on with an indirect `jmp`
and never with an indirect `call`. An indirect call would mean LLVM did not turn the dispatch
into a tail call, and the native stack would grow with every executed instruction.

Usage: python3 Scripts/check-tailcalls.py BINARY   (a release build that links WasmInterpreter)
"""
import re
import subprocess
import sys

binary = sys.argv[1]
asm = subprocess.run(["objdump", "-d", "--no-show-raw-insn", binary], capture_output=True, text=True, check=True).stdout
handlers, calling, jumping = 0, [], 0
for function in re.split(r"\n(?=[0-9a-f]+ <)", asm):
    match = re.match(r"[0-9a-f]+ <([^>]*)>:", function)
    if not match:
        continue
    name = match.group(1)
    # Handler closures: WasmInterpreter closures (fU<n>_) whose type ends in the ExecutionState
    # pointer and the two accumulators (UInt64, Double).
    if not name.startswith("$s15WasmInterpreter") or not re.search(r"ExecutionStateVG\w*?SdtcfU\d*_$", name):
        continue
    handlers += 1
    if re.search(r"call\s+\*", function):
        calling.append(name)
    if re.search(r"jmp\s+\*", function):
        jumping += 1
print(f"{handlers} handlers; {jumping} dispatch with an indirect jmp; {len(calling)} contain an indirect call")
for name in calling[:20]:
    print("  NOT TAIL-CALLING:", name)
sys.exit(1 if calling or handlers < 100 else 0)
