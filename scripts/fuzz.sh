#!/usr/bin/env bash
# Fuzzes the importer with libFuzzer and address sanitizer (Fuzz/ImporterFuzzer.swift).
# Environment: FUZZ_SEED fixes libFuzzer's seed.
#
#   scripts/fuzz.sh [SECONDS] [JOBS]   build, seed with every fixture, fuzz for SECONDS (default 300)
#                                      with JOBS processes (default 1)
#   scripts/fuzz.sh --build            only build .build-fuzz/importer-fuzzer
#   scripts/fuzz.sh --replay FILE...   run the fuzzer once on each FILE (a crash to reproduce)
#   scripts/fuzz.sh --shard [SECONDS]  the shard reader's target instead (scripts/fuzz-shard.sh)
#
# The fuzzer is built with swiftc straight from the CSVStream, CreditCore and UsageImport
# sources and -lcsv, so `swift build` never sees it. The growing corpus is kept in
# .build-fuzz/corpus (git-ignored); a crash, hang or out-of-memory input is written to
# .build-fuzz/artifacts/ and the run fails: keep it as a regression fixture under
# Tests/UsageImportTests/Fixtures/BadInputs/ with the error it must give.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=.build-fuzz
BIN="$OUT/importer-fuzzer"
FLAGS=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -g -O -package-name creditcast)

build() {
    bash scripts/install-deps.sh
    mkdir -p "$OUT/modules"
    # One module at a time, in dependency order, as SwiftPM would.
    module() {
        local name=$1; shift
        swiftc "${FLAGS[@]}" -module-name "$name" -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
            -I "$OUT/modules" -I Sources/CLibCSV -c "$@" -o "$OUT/$name.o" \
            -Xfrontend -disable-implicit-string-processing-module-import 2>&1
    }
    # swiftc -c with several files and one -o needs whole-module mode.
    FLAGS+=(-wmo)
    module CSVStream Sources/CSVStream/*.swift
    module CreditCore Sources/CreditCore/*.swift
    module UsageImport Sources/UsageImport/*.swift
    swiftc "${FLAGS[@]}" -module-name ImporterFuzzer -I "$OUT/modules" -I Sources/CLibCSV \
        -use-ld=lld Fuzz/ImporterFuzzer.swift "$OUT/CSVStream.o" "$OUT/CreditCore.o" "$OUT/UsageImport.o" -lcsv -o "$BIN"
    echo "built $BIN" >&2
}

case "${1:-}" in
    --build) build; exit 0 ;;
    --replay)
        shift
        build
        FUZZ_TMPDIR="$OUT" "$BIN" -rss_limit_mb=2048 -timeout=20 "$@"
        exit 0 ;;
    --shard) shift; exec bash scripts/fuzz-shard.sh "$@" ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
esac

SECONDS_TO_RUN=${1:-300}
JOBS=${2:-1}
build
mkdir -p "$OUT/corpus" "$OUT/seeds" "$OUT/artifacts"
# Seeds: every fixture of the importer, samples included; copied so the fixtures stay untouched.
find Tests/UsageImportTests/Fixtures samples -type f \( -name '*.csv' -o -name '*.tsv' -o -name '*.txt' -o -name '*.bin' \) \
    -size -64k -exec cp {} "$OUT/seeds/" \;
echo "fuzzing for $SECONDS_TO_RUN s with $JOBS job(s), seeded with $(ls "$OUT/seeds" | wc -l) files" >&2
args=(-max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -dict=Fuzz/importer.dict
      -artifact_prefix="$OUT/artifacts/" -print_final_stats=1)
if [ "$JOBS" -gt 1 ]; then args+=(-jobs="$JOBS" -workers="$JOBS"); fi
# FUZZ_SEED fixes libFuzzer's random seed (CI uses one, so a run can be repeated exactly).
if [ -n "${FUZZ_SEED:-}" ]; then args+=(-seed="$FUZZ_SEED"); fi
FUZZ_TMPDIR="$OUT" "$BIN" "${args[@]}" "$OUT/corpus" "$OUT/seeds"
