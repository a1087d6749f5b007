#!/bin/sh
# Writes a Swift source file that carries a .wasm file's bytes as a `[UInt8]` literal, so a library
# can embed a module and need no file at run time.
#
# usage: sh Fixtures/generate-swift-bytes.sh INPUT.wasm TYPE_NAME > OUTPUT.swift
#   e.g. sh Fixtures/generate-swift-bytes.sh Fixtures/stringOps.wasm StringOpsModule \
#          > Sources/StringOps/StringOpsModule+Bytes.swift
# TYPE_NAME must be declared elsewhere (the output extends it with `static let bytes`).
set -eu
input=$1
type=$2
printf '// GENERATED FILE - DO NOT EDIT.\n'
printf '// Generated from %s by:\n' "$input"
printf '//   sh Fixtures/generate-swift-bytes.sh %s %s > <this file>\n' "$input" "$type"
printf '// A test checks that it still matches %s.\n\n' "$input"
printf 'extension %s {\n' "$type"
printf '    /// The bytes of `%s`, built into the library so that no file is needed at run time.\n' "$input"
printf '    public static let bytes: [UInt8] = [\n'
od -An -v -tx1 "$input" | awk '{
    line = "       ";
    for (i = 1; i <= NF; i++) line = line " 0x" $i ",";
    print line
}'
printf '    ]\n}\n'
