#!/usr/bin/env bash
# Builds the DocC documentation of every library product (Sources/<Module>/<Module>.docc) with
# swift-docc-plugin, failing on any warning: a broken symbol link or an undocumented parameter.
#
#   scripts/docs.sh    archives in .build/plugins/Swift-DocC/outputs/<Module>.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."

targets=()
for catalog in Sources/*/*.docc; do
    targets+=(--target "$(basename "$catalog" .docc)")
done
swift package generate-documentation "${targets[@]}" --warnings-as-errors
