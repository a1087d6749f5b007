#!/usr/bin/env bash
# Builds the libFuzzer targets with the address sanitizer and runs each for a given time.
#
#   Fuzz/Scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s; all targets)
#
# Targets: FuzzDecode (decode + validate + translate), FuzzText (text parser and assembler),
# FuzzRoundTrip (decode → encode → decode). Seeds come from the testsuite (../shared), built into
# Fuzz/.corpus by seed-corpus.py; inputs libFuzzer finds go to Fuzz/.corpus/found-TARGET, crashes
# to Fuzz/.artifacts/TARGET/. Each run ends with libFuzzer's statistics (number of executed
# inputs: stat::number_of_executed_units). Exits non-zero when a target crashed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# The testsuite whose modules seed the corpus (WASM_TESTSUITE is relative to where this runs from).
suite="$(cd "${WASM_TESTSUITE:-$root/../shared/wasm-testsuite}" && pwd)"
cd "$root/Fuzz"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(FuzzDecode FuzzText FuzzRoundTrip); fi

# SwiftPM's --sanitize fuzzer links libFuzzer (which provides main) and parses the targets as
# libraries. The sanitizers themselves are given in one -sanitize= flag: swiftc keeps only the
# last of several (SwiftPM's '--sanitize fuzzer --sanitize address' gives one or the other, in
# no fixed order). Its own build folder: SwiftPM does not rebuild objects when only these flags
# change, so a folder shared with other builds can keep uninstrumented ones.
build=(swift build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address --scratch-path .build/libfuzzer)
"${build[@]}" 2>&1 | grep -v "Cannot export local symbol '__asan_extra_spill_area'"
bin="$("${build[@]}" --show-bin-path)"

if [ ! -d .corpus/binary ] || [ ! -d .corpus/text ]; then
    python3 Scripts/seed-corpus.py --suite "$suite"
fi

# A crash should end the run at once: Swift's backtracer would symbolicate for minutes first.
export SWIFT_BACKTRACE=enable=no
status=0
for target in "${targets[@]}"; do
    case "$target" in
        FuzzText) seeds=.corpus/text ;;
        FuzzDecode|FuzzRoundTrip) seeds=.corpus/binary ;;
        *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
    esac
    # Without coverage counters libFuzzer mutates blindly, without ASan it misses memory errors:
    # refuse to run such a build.
    sections="$(objdump -h "$bin/$target")"
    symbols="$(nm "$bin/$target")"
    if [[ "$sections" != *__sancov_cntrs* || "$symbols" != *__asan_report_load8* ]]; then
        echo "fuzz: $bin/$target lacks coverage or address-sanitizer instrumentation" >&2
        exit 1
    fi
    found=".corpus/found-$target"
    artifacts=".artifacts/$target/"
    mkdir -p "$found" "$artifacts"
    echo "== $target for $seconds s"
    # New inputs go to the first folder; the seeds are read only.
    set +e
    "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts" "$found" "$seeds" 2>&1 \
        | grep -E "^(INFO: seed corpus|#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Test unit written|Fatal error)|fuzz check failed"
    code=${PIPESTATUS[0]}
    set -e
    if [ "$code" -ne 0 ]; then
        echo "fuzz: $target crashed (exit $code); the input is in $artifacts" >&2
        status=1
    fi
done
exit $status
