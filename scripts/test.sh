#!/usr/bin/env bash
# Runs the whole test suite, installing libcsv-dev and libxlsxwriter-dev first when they are missing.
#
# The output-safety tests also open exported CSV files in LibreOffice Calc when it is installed
# (`bash scripts/install-deps.sh --with-calc`); without it they say so and are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

swift build --build-tests
# Every test is Swift Testing; --disable-xctest spares an empty XCTest run and its "Executed 0 tests".
swift test --skip-build --disable-xctest
