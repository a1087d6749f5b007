#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora from the official testsuite (../shared beside the clone).

    python3 Fuzz/Scripts/seed-corpus.py [--suite DIR] [--out DIR]

Writes one file per distinct input, named by its SHA-1, into OUT/binary (every .wasm of the
suite's wast2json output, valid and malformed, and the repository's fixtures: seeds for the
decode and round-trip targets) and OUT/text (every top-level module of the .wast scripts, the
.wat files of the json output and the fixtures' .wat: seeds for the text target). Nothing here is
committed; the corpus is rebuilt from the suite on demand.
"""
import argparse
import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Larger seeds (Fixtures/large) slow every mutation down; the suite's modules are all smaller.
MAX_SEED_BYTES = 100_000


def write(folder: pathlib.Path, data: bytes, seen: set) -> None:
    if len(data) > MAX_SEED_BYTES:
        return
    digest = hashlib.sha1(data).hexdigest()
    if digest in seen:
        return
    seen.add(digest)
    (folder / digest).write_bytes(data)


def top_level_forms(text: str):
    """The top-level parenthesised forms of a script (comments and strings respected)."""
    depth, start, i, n = 0, None, 0, len(text)
    while i < n:
        c = text[i]
        if c == ';' and text.startswith(';;', i):
            i = text.find('\n', i)
            i = n if i < 0 else i
            continue
        if c == '(' and text.startswith('(;', i):
            nesting, i = 1, i + 2
            while i < n and nesting:
                if text.startswith('(;', i):
                    nesting, i = nesting + 1, i + 2
                elif text.startswith(';)', i):
                    nesting, i = nesting - 1, i + 2
                else:
                    i += 1
            continue
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == '\\' else 1
        elif c == '(':
            if depth == 0:
                start = i
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0 and start is not None:
                yield text[start:i + 1]
                start = None
        i += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--suite', default=str(ROOT.parent / 'shared' / 'wasm-testsuite'))
    parser.add_argument('--out', default=str(ROOT / 'Fuzz' / '.corpus'))
    args = parser.parse_args()
    suite, out = pathlib.Path(args.suite), pathlib.Path(args.out)
    if not (suite / 'json').is_dir():
        print(f'seed-corpus: no testsuite at {suite}', file=sys.stderr)
        return 1
    binary, text = out / 'binary', out / 'text'
    binary.mkdir(parents=True, exist_ok=True)
    text.mkdir(parents=True, exist_ok=True)
    seen_binary, seen_text = set(), set()
    for path in sorted((suite / 'json').rglob('*.wasm')) + sorted((ROOT / 'Fixtures').rglob('*.wasm')):
        write(binary, path.read_bytes(), seen_binary)
    for path in sorted((suite / 'json').rglob('*.wat')) + sorted((ROOT / 'Fixtures').rglob('*.wat')):
        write(text, path.read_bytes(), seen_text)
    for path in sorted((suite / 'wast').rglob('*.wast')):
        for form in top_level_forms(path.read_text(errors='replace')):
            if form.startswith('(module') and not form.startswith('(module binary') and not form.startswith('(module quote'):
                write(text, form.encode(), seen_text)
    print(f'seed-corpus: {len(seen_binary)} binary inputs in {binary}, {len(seen_text)} text inputs in {text}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
