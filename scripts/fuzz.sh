#!/usr/bin/env bash
# Fuzzes creditcast's readers with libFuzzer and address sanitizer, one target at a time:
#
#   importer    usage and workspaces exports, the CSV stream (Fuzz/ImporterFuzzer.swift)
#   workspaces  the workspaces file (Fuzz/WorkspacesFuzzer.swift)
#   scenario    the scenario file (Fuzz/ScenarioFuzzer.swift)
#   pricing     the pricing YAML (Fuzz/PricingFuzzer.swift)
#   shard       the shard reader of `creditcast merge` (Fuzz/ShardFuzzer.swift)
#
#   scripts/fuzz.sh [TARGET] [SECONDS] [JOBS]   build, seed with the target's fixtures, fuzz for
#                                               SECONDS (default 300) with JOBS processes (default 1);
#                                               TARGET defaults to importer
#   scripts/fuzz.sh [TARGET] --build            only build .build-fuzz/TARGET-fuzzer
#   scripts/fuzz.sh [TARGET] --replay FILE...   run the fuzzer once on each FILE (a crash to reproduce)
#
# Environment: FUZZ_SEED fixes libFuzzer's seed. Each fuzzer is built with swiftc straight from
# the sources of the modules it needs (Yams and Ink from SwiftPM's checkouts, the C parts with
# clang), so `swift build` never sees it; a module already built since its sources last changed is reused.
# The growing corpus is kept in .build-fuzz/TARGET-corpus (git-ignored); a crash, hang or
# out-of-memory input is written to .build-fuzz/artifacts/ and the run fails: keep it as a
# regression fixture with the error it must give.
#
# Adding a target: a Fuzz/<Name>Fuzzer.swift, and a case in `target` below naming its modules in
# dependency order, its seed files and its dictionary.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=.build-fuzz
FLAGS=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -g -O -package-name creditcast)

# target NAME: the fuzzer's MAIN source, its MODULES in dependency order, the files that SEED it
# (found under SEED_PATHS with SEED_NAMES) and its DICT (empty for none).
target() {
    case "$1" in
        importer)
            MAIN=Fuzz/ImporterFuzzer.swift; MODULES=(CSVStream CreditCore UsageImport)
            SEED_PATHS=(Tests/UsageImportTests/Fixtures samples)
            SEED_NAMES=(-name '*.csv' -o -name '*.tsv' -o -name '*.txt' -o -name '*.bin'); DICT=Fuzz/importer.dict ;;
        workspaces)
            MAIN=Fuzz/WorkspacesFuzzer.swift; MODULES=(CSVStream CreditCore UsageImport)
            SEED_PATHS=(Tests/UsageImportTests/Fixtures samples); SEED_NAMES=(-name 'workspaces*.csv'); DICT=Fuzz/workspaces.dict ;;
        scenario)
            MAIN=Fuzz/ScenarioFuzzer.swift
            MODULES=(CSVStream CreditCore UsageImport CYaml Yams CreditLedger CreditForecast ScenarioImport)
            SEED_PATHS=(Fuzz/seeds/scenario); SEED_NAMES=(-name '*.csv'); DICT=Fuzz/scenario.dict ;;
        pricing)
            MAIN=Fuzz/PricingFuzzer.swift; MODULES=(CreditCore CYaml Yams CreditLedger)
            SEED_PATHS=(samples Tests/CreditLedgerTests/Fixtures Fuzz/seeds/pricing); SEED_NAMES=(-name '*.yaml'); DICT=Fuzz/pricing.dict ;;
        shard)
            MAIN=Fuzz/ShardFuzzer.swift
            MODULES=(CreditCore CYaml Yams CreditLedger CreditForecast CreditDecisions CreditBacktest Ink CFileSync CreditReports CreditSharding)
            SEED_PATHS=(Fuzz/shard-seeds); SEED_NAMES=(-type f); DICT=Fuzz/shard.dict ;;
        *) echo "fuzz.sh: unknown target $1 (importer, workspaces, scenario, pricing, shard)" >&2; exit 2 ;;
    esac
}

# module NAME: builds NAME's object and module into $OUT unless they are newer than its sources.
module() {
    local name=$1 sources=() object="$OUT/$1.o" extra=()
    case "$name" in
        CYaml) sources=("$YAMS"/Sources/CYaml/src/*.c) ;;
        # Yams imports CYaml only when built as a package, as SwiftPM says it is.
        Yams) sources=("$YAMS"/Sources/Yams/*.swift); extra=(-DSWIFT_PACKAGE) ;;
        Ink) while IFS= read -r source; do sources+=("$source"); done < <(find "$INK"/Sources/Ink -name '*.swift' | sort) ;;
        CFileSync) sources=(Sources/CFileSync/CFileSync.c) ;;
        *) sources=(Sources/"$name"/*.swift) ;;
    esac
    if [ -f "$object" ] && [ -z "$(find "${sources[@]}" -newer "$object" | head -1)" ]; then return; fi
    # CreditReports syncs report sets through this C target: built with clang, and given the
    # module map SwiftPM would make for it (INCLUDES names it).
    if [ "$name" = CFileSync ]; then
        clang -fsanitize=fuzzer-no-link,address -g -O1 -I Sources/CFileSync/include -c "${sources[@]}" -o "$object"
        return
    fi
    # Ink, which CreditReports renders Markdown with, is Swift 5 source.
    if [ "$name" = Ink ]; then
        swiftc -sanitize=fuzzer,address -parse-as-library -swift-version 5 -g -O -wmo -module-name Ink -emit-module \
            -emit-module-path "$OUT/modules/Ink.swiftmodule" -c "${sources[@]}" -o "$object" 2>&1
        return
    fi
    if [ "$name" = CYaml ]; then
        local objects=()
        for source in "${sources[@]}"; do
            clang -fsanitize=fuzzer-no-link,address -g -O1 -DYAML_DECLARE_STATIC \
                -I "$YAMS/Sources/CYaml/include" -c "$source" -o "$OUT/CYaml-$(basename "$source" .c).o"
            objects+=("$OUT/CYaml-$(basename "$source" .c).o")
        done
        ld -r "${objects[@]}" -o "$object"
        return
    fi
    # swiftc -c with several files and one -o needs whole-module mode.
    swiftc "${FLAGS[@]}" -wmo -module-name "$name" -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
        "${INCLUDES[@]}" "${extra[@]}" -c "${sources[@]}" -o "$object" \
        -Xfrontend -disable-implicit-string-processing-module-import 2>&1
}

# checkout NAME: the directory of SwiftPM's checkout of package NAME (fetched if missing).
checkout() {
    local dir
    dir=$(find .build/checkouts -maxdepth 1 -iname "$1" -type d 2>/dev/null | head -1)
    if [ -z "$dir" ]; then
        swift package resolve >&2
        dir=$(find .build/checkouts -maxdepth 1 -iname "$1" -type d | head -1)
    fi
    [ -n "$dir" ] || { echo "fuzz.sh: no $1 checkout under .build/checkouts" >&2; exit 1; }
    echo "$dir"
}

build() {
    bash scripts/install-deps.sh
    mkdir -p "$OUT/modules"
    YAMS="" INK=""
    if [[ " ${MODULES[*]} " == *" Yams "* ]]; then YAMS=$(checkout yams); fi
    if [[ " ${MODULES[*]} " == *" Ink "* ]]; then INK=$(checkout ink); fi
    INCLUDES=(-I "$OUT/modules" -I Sources/CLibCSV)
    [ -z "$YAMS" ] || INCLUDES+=(-I "$YAMS/Sources/CYaml/include" -Xcc -DYAML_DECLARE_STATIC)
    if [[ " ${MODULES[*]} " == *" CFileSync "* ]]; then
        printf 'module CFileSync {\n    header "%s"\n    export *\n}\n' "$PWD/Sources/CFileSync/include/CFileSync.h" >"$OUT/CFileSync.modulemap"
        INCLUDES+=(-Xcc -fmodule-map-file="$OUT/CFileSync.modulemap")
    fi
    local objects=()
    for name in "${MODULES[@]}"; do
        module "$name"
        objects+=("$OUT/$name.o")
    done
    swiftc "${FLAGS[@]}" -module-name "$(basename "$MAIN" .swift)" "${INCLUDES[@]}" -use-ld=lld \
        "$MAIN" Fuzz/FuzzInput.swift "${objects[@]}" -lcsv -o "$BIN"
    echo "built $BIN" >&2
}

NAME=importer
case "${1:-}" in importer|workspaces|scenario|pricing|shard) NAME=$1; shift ;; esac
target "$NAME"
BIN="$OUT/$NAME-fuzzer"

case "${1:-}" in
    --build) build; exit 0 ;;
    --replay)
        shift
        build
        FUZZ_TMPDIR="$OUT" "$BIN" -rss_limit_mb=2048 -timeout=20 "$@"
        exit 0 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
esac

SECONDS_TO_RUN=${1:-300}
JOBS=${2:-1}
build
CORPUS="$OUT/$NAME-corpus"
SEEDS="$OUT/$NAME-seeds"
mkdir -p "$CORPUS" "$SEEDS" "$OUT/artifacts"
# Seeds: the target's fixtures, copied so the fixtures stay untouched.
find "${SEED_PATHS[@]}" -type f \( "${SEED_NAMES[@]}" \) -size -64k -exec cp {} "$SEEDS/" \;
echo "fuzzing $NAME for $SECONDS_TO_RUN s with $JOBS job(s), seeded with $(ls "$SEEDS" | wc -l) files" >&2
args=(-max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len=65536
      -artifact_prefix="$OUT/artifacts/$NAME-" -print_final_stats=1)
[ -z "$DICT" ] || args+=(-dict="$DICT")
if [ "$JOBS" -gt 1 ]; then args+=(-jobs="$JOBS" -workers="$JOBS"); fi
# FUZZ_SEED fixes libFuzzer's random seed (CI uses one, so a run can be repeated exactly).
if [ -n "${FUZZ_SEED:-}" ]; then args+=(-seed="$FUZZ_SEED"); fi
FUZZ_TMPDIR="$OUT" "$BIN" "${args[@]}" "$CORPUS" "$SEEDS"
