#!/usr/bin/env python3
"""Summarizes several runs of PureWasmBenchmarks or PeerBenchmarks written with --json.

On a shared machine one run's medians can be off by a third; the median over several runs, with
the range of the per-run figures, is what to quote. For peer runs it also prints each run's
ratio PureWasm / WasmKit (the engines' samples are interleaved within a run, so the ratio is
steadier than either time).

    python3 Benchmarks/summarize.py run1.json run2.json run3.json
"""
import json
import statistics
import sys


def duration(seconds):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def main(paths):
    if not paths:
        sys.exit(__doc__)
    runs = [json.load(open(path)) for path in paths]
    print(f"{len(runs)} runs of {runs[0]['tool']}; load averages at their start: "
          + ", ".join(run["machine"]["loadAverage"] for run in runs))
    medians = {}
    for run in runs:
        for record in run["records"]:
            medians.setdefault(record["name"], {}).setdefault(record["engine"], []).append(record["medianSeconds"])
    width = max(len(name) for name in medians)
    for name, engines in medians.items():
        for engine, values in engines.items():
            print(f"{name:{width}}  {engine:18}  median {duration(statistics.median(values)):>9}"
                  f"  runs {duration(min(values)):>9} .. {duration(max(values)):>9}")
        ours = engines.get("PureWasm")
        for peer in ("WasmKit direct", "WasmKit token"):
            if ours and peer in engines:
                ratios = [a / b for a, b in zip(ours, engines[peer])]
                print(f"{'':{width}}  ours ÷ {peer[8:]:11}  median {statistics.median(ratios):>9.2f}"
                      f"  runs {min(ratios):>9.2f} .. {max(ratios):>9.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
