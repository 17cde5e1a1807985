#!/usr/bin/env bash
# Fuzzes the shard reader of `creditcast merge` with libFuzzer and address sanitizer
# (Fuzz/ShardFuzzer.swift); scripts/fuzz.sh --shard runs this. Environment: FUZZ_SEED fixes
# libFuzzer's seed.
#
#   scripts/fuzz-shard.sh [SECONDS]          build, seed with Fuzz/shard-seeds, fuzz for SECONDS (default 60)
#   scripts/fuzz-shard.sh --build            only build .build-fuzz/shard-fuzzer
#   scripts/fuzz-shard.sh --replay FILE...   run the fuzzer once on each FILE (a crash to reproduce)
#
# Built with swiftc straight from the sources of CreditSharding and the libraries under it, as
# scripts/fuzz.sh builds the importer's. A crash is written to .build-fuzz/shard-artifacts/:
# keep it as a test in Tests/CreditShardingTests with the error it must give.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=.build-fuzz/shard
BIN=.build-fuzz/shard-fuzzer
FLAGS=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -g -O -package-name creditcast -wmo)

build() {
    # Nothing changed since the last build: keep it (a build is every library under sanitizers).
    if [ -x "$BIN" ] && [ -z "$(find Sources/CreditCore Sources/CreditLedger Sources/CreditForecast Sources/CreditDecisions \
        Sources/CreditBacktest Sources/CreditReports Sources/CreditSharding Sources/CFileSync Fuzz/ShardFuzzer.swift -newer "$BIN" -print -quit)" ]; then
        return
    fi
    mkdir -p "$OUT/modules"
    # CreditLedger reads pricing files with Yams: build it from SwiftPM's checkout (swift build
    # fetches it), its C part with clang, so the fuzzer links no SwiftPM product.
    [ -d .build/checkouts/Yams ] || swift package resolve
    local yams=.build/checkouts/Yams/Sources
    local objects=()
    for source in "$yams"/CYaml/src/*.c; do
        clang -c -O1 -g -fsanitize=address -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" "$source" -o "$OUT/cyaml-$(basename "$source" .c).o"
        objects+=("$OUT/cyaml-$(basename "$source" .c).o")
    done
    swiftc "${FLAGS[@]}" -module-name Yams -emit-module -emit-module-path "$OUT/modules/Yams.swiftmodule" \
        -D SWIFT_PACKAGE -Xcc -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" -c "$yams"/Yams/*.swift -o "$OUT/Yams.o" 2>&1
    objects+=("$OUT/Yams.o")
    # CreditReports renders Markdown with Ink (Swift 5 source, from SwiftPM's checkout) and syncs
    # report sets through the CFileSync C target, given here the module map SwiftPM would make.
    [ -d .build/checkouts/Ink ] || swift package resolve
    local ink_sources=()
    while IFS= read -r source; do ink_sources+=("$source"); done < <(find .build/checkouts/Ink/Sources/Ink -name '*.swift' | sort)
    swiftc -sanitize=fuzzer,address -parse-as-library -swift-version 5 -g -O -wmo -module-name Ink -emit-module \
        -emit-module-path "$OUT/modules/Ink.swiftmodule" -c "${ink_sources[@]}" -o "$OUT/Ink.o" 2>&1
    objects+=("$OUT/Ink.o")
    clang -c -O1 -g -fsanitize=address -I Sources/CFileSync/include Sources/CFileSync/CFileSync.c -o "$OUT/CFileSync.o"
    objects+=("$OUT/CFileSync.o")
    printf 'module CFileSync {\n    header "%s"\n    export *\n}\n' "$PWD/Sources/CFileSync/include/CFileSync.h" > "$OUT/CFileSync.modulemap"
    local clang_modules=(-Xcc -fmodule-map-file="$OUT/CFileSync.modulemap")
    # One module at a time, in dependency order (Package.swift), as SwiftPM would.
    for name in CreditCore CreditLedger CreditForecast CreditDecisions CreditBacktest CreditReports CreditSharding; do
        swiftc "${FLAGS[@]}" -module-name "$name" -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
            -I "$OUT/modules" -I "$yams/CYaml/include" "${clang_modules[@]}" -c Sources/"$name"/*.swift -o "$OUT/$name.o" \
            -Xfrontend -disable-implicit-string-processing-module-import 2>&1
        objects+=("$OUT/$name.o")
    done
    swiftc "${FLAGS[@]}" -module-name ShardFuzzer -I "$OUT/modules" -I "$yams/CYaml/include" "${clang_modules[@]}" -use-ld=lld \
        Fuzz/ShardFuzzer.swift "${objects[@]}" -o "$BIN"
    echo "built $BIN" >&2
}

case "${1:-}" in
    --build) build; exit 0 ;;
    --replay) shift; build; FUZZ_TMPDIR=.build-fuzz "$BIN" -rss_limit_mb=2048 -timeout=20 "$@"; exit 0 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
esac

SECONDS_TO_RUN=${1:-60}
build
mkdir -p .build-fuzz/shard-corpus .build-fuzz/shard-artifacts
args=(-max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -dict=Fuzz/shard.dict
      -artifact_prefix=.build-fuzz/shard-artifacts/ -print_final_stats=1)
if [ -n "${FUZZ_SEED:-}" ]; then args+=(-seed="$FUZZ_SEED"); fi
FUZZ_TMPDIR=.build-fuzz "$BIN" "${args[@]}" .build-fuzz/shard-corpus Fuzz/shard-seeds
