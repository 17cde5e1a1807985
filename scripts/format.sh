#!/usr/bin/env bash
# Formats the Swift sources with swift-format (part of the Swift toolchain) and the repository's
# .swift-format configuration.
#
#   scripts/format.sh           rewrite every Swift file in place
#   scripts/format.sh --check   change nothing; fail, listing each place, when a file is not formatted
set -euo pipefail
cd "$(dirname "$0")/.."

paths=(Package.swift Sources Tests Benchmarks Fuzz)
if [ "${1:-}" = "--check" ]; then
    swift format lint --strict --recursive --parallel "${paths[@]}"
else
    swift format format --in-place --recursive --parallel "${paths[@]}"
fi
