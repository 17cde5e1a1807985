#!/usr/bin/env bash
# Runs the whole test suite, installing libcsv-dev first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

swift build --build-tests
swift test --skip-build
