#!/usr/bin/env python3
"""Chooses the superinstruction pairs from dispatch profiles of real programs.

Each PROFILE is the standard-error output of a debug build's
`wasm run FILE --invoke NAME ARGS --profile-unfused` (every instruction its own dispatch). A
pair's weight is its mean share of all dispatches over the profiles (each program counts the
same, however long it ran); pairs seen in fewer than MIN_PROGRAMS programs are left out, so that
no single program's quirks are fused. The COUNT heaviest pairs are written to
Scripts/superinstruction-pairs.txt, from which generate-numeric-handlers.py makes the handlers.

Usage: python3 Scripts/choose-superinstructions.py COUNT MIN_PROGRAMS PROFILE...

With --families MIN_PROFILES PROFILE... it instead writes Scripts/superinstruction-families.txt:
every member of the idiom families below (a load whose value the next branch tests, for the shapes
the generator's whole family leaves out; an f64 load feeding arithmetic, and arithmetic whose
result is stored, through the float accumulator; integer arithmetic feeding integer arithmetic
through the accumulator, for the operations and shapes the generator's mixing chains leave out) that runs in at least MIN_PROFILES of the profiles (programs and kernels: a member counts when the profiles
agree, not for one kernel), whatever its weight. (The families of loop back edges, of f64 chains,
of integer mixing chains and of loads tested in the common shapes are generated whole by generate-numeric-handlers.py.)
"""
import collections, pathlib, re, sys

families = sys.argv[1] == "--families"
count = 0 if families else int(sys.argv[1])
minimum, files = int(sys.argv[2]), sys.argv[3:]
weight = collections.Counter()
seen = collections.Counter()
for path in files:
    section, total = None, None
    for line in open(path):
        if total is None and line.strip().endswith("dispatches"):
            total = int(line.split()[0])
            continue
        if line.startswith("handler pairs, fall-through"):
            section = "pairs"
        elif line.startswith("handler triples") or line.startswith("handler pairs across") or line.startswith("hot code"):
            section = None
        m = re.match(r"\s+(\d+)\s+[\d.]+%\s+(.+) → (.+)$", line.rstrip("\n"))
        if m and section == "pairs":
            pair = (m.group(2), m.group(3))
            weight[pair] += int(m.group(1)) / total / len(files)
            seen[pair] += 1
# A pair fuses when its first handler can fall through and both are steps (they leave the frame,
# the memory and the instance as they are): numeric, compare-and-branch, memory access, copies,
# constants, branches on a condition, select, globals (from and to the accumulator too), br_table
# and jump (second only).
step = re.compile(r"^(copy|const64|branchIf(Not)?Zero( A)?|select( A)?|global\.get( →s?A)?|global\.set( A)?|br_(if|unless) .*|[if](32|64)\w+( .*)?)$")
root = pathlib.Path(__file__).resolve().parent.parent
FAMILIES = {
    "load and test": (r"^i32Load(8U|8S|16U)?( \[[^]]+\])?( →s?A)?$", r"^(br_if i32\w+ A[si]|branchIf(Not)?Zero( A)?)$"),
    "f64 load and arithmetic": (r"^f64Load( \[[^]]+\])? →s?F$", r"^f64(Add|Sub|Mul|Div) (A\w|\wA)→\w+$"),
    "f64 arithmetic and store": (r"^f64(Add|Sub|Mul|Div) \w+→s?A$", r"^(i64|f64)Store( \[[^]]+\])? ←F$"),
    "integer chain": (r"^(i32|i64)(Add|Sub|Mul|And|Or|Xor|Shl|ShrS|ShrU|Rotl|Rotr) \w\w→s?A$",
                      r"^(i32|i64)(Add|Sub|Mul|And|Or|Xor|Shl|ShrS|ShrU|Rotl|Rotr) (A\w|\wA)→\w+$"),
}
# Families whose two instructions must have the same type (an i64 result is no i32 operand).
SAME_TYPE = {"integer chain"}
if families:
    lines = ["# Superinstruction pairs of idiom families (first  +  second), by family, heaviest first.",
             f"# Written by Scripts/choose-superinstructions.py --families {minimum} from {len(files)} profiles."]
    for name, (first, second) in FAMILIES.items():
        members = [pair for pair, _ in weight.most_common() if seen[pair] >= minimum
                   and re.match(first, pair[0]) and re.match(second, pair[1])
                   and (name not in SAME_TYPE or pair[0][:3] == pair[1][:3])]
        lines.append(f"# {name}: {len(members)} pairs")
        lines += [f"{a}  +  {b}" for a, b in members]
        print(f"{name}: {len(members)} pairs; {sum(weight[p] for p in members) * 100:.1f}% of all dispatches (mean over {len(files)} profiles)")
    (root / "Scripts/superinstruction-families.txt").write_text("\n".join(lines) + "\n")
    sys.exit(0)
chosen = [(pair, w) for pair, w in weight.most_common() if seen[pair] >= minimum and step.match(pair[0])
          and (step.match(pair[1]) or pair[1] in ("branchTable", "branchTable A", "jump"))][:count]
lines = ["# Superinstruction pairs (first  +  second, as dispatch profiles name handlers), heaviest first.",
         f"# Written by Scripts/choose-superinstructions.py {count} {minimum} from {len(files)} profiles."]
lines += [f"{a}  +  {b}" for (a, b), _ in chosen]
(root / "Scripts/superinstruction-pairs.txt").write_text("\n".join(lines) + "\n")
covered = sum(w for _, w in chosen)
print(f"{len(chosen)} pairs chosen; together {covered * 100:.1f}% of all dispatches (mean over {len(files)} programs)")
